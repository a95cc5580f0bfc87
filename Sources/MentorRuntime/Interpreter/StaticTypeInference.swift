import MentorDiagnostics
import MentorSource
import MentorSyntax

/// Infers the type of resolved code without evaluating it, for `:type`: nothing runs, so
/// nothing is printed, no computed member is memoised and no runtime error can happen.
/// Where the type depends on values (a record built at run time, a function held in a
/// variable), it says `unknown` rather than guess.
struct StaticTypeInference {
    let globals: GlobalTable
    /// The programme's schemas, its own fields included.
    let schemas: ProgramSchemas
    /// The slots of the `program` fields the programme gives: an agreement field falling back
    /// to one of them is never `none`.
    let givenProgramDefaults: Set<Int>
    /// Unknown members of types whose members are all known (entity kinds, lists, strings, dates).
    private(set) var diagnostics: [Diagnostic] = []
    /// The types known of each frame's slots, innermost last.
    private var frames: [[Int: StaticType]] = [[:]]
    /// Top-level lets and fns being inferred, so a recursive one gives `unknown` instead of looping.
    private var inProgress: Set<ObjectIdentifier> = []
    private var letsInProgress: Set<Int> = []

    init(globals: GlobalTable, schemas: ProgramSchemas = .builtIn, givenProgramDefaults: Set<Int> = []) {
        self.globals = globals
        self.schemas = schemas
        self.givenProgramDefaults = givenProgramDefaults
    }

    mutating func infer(_ code: Code) -> StaticType {
        switch code {
        case .constant(let value, _): return StaticType.of(value)
        case .local(let depth, let slot, _):
            let index = frames.count - 1 - depth
            return index >= 0 ? frames[index][slot] ?? .unknown : .unknown
        case .global(let index, _): return global(index)
        case .list(let elements, _):
            return .list(elements.isEmpty ? .unknown : StaticType.union(elements.map { infer($0) }))
        case .record(let fields, _):
            return .record(fields.map { StaticType.Field(name: $0.name, type: infer($0.value)) })
        case .interpolation: return .string
        case .negate(let operand, _):
            let type = infer(operand)
            return type == .number || type == .duration ? type : .unknown
        case .not, .and, .or: return .bool
        case .binary(let op, let left, let right, _): return binary(op, infer(left), infer(right))
        case .coalesce(let left, let right, _): return StaticType.union([infer(left).withoutNone, infer(right)])
        case .conditional(_, let thenBranch, let elseBranch, _):
            return StaticType.union([infer(thenBranch), infer(elseBranch)])
        case .lambda: return .function
        case .call(let callee, let arguments, _, _, _):
            let argumentTypes = arguments.map { infer($0) }
            return call(callee, argumentTypes)
        case .member(let base, let name, let nameSpan, _):
            return member(of: infer(base), name.text, at: nameSpan)
        case .memberCall(let base, let name, let arguments, _, let nameSpan, _, let fallback):
            return memberCall(infer(base), name.text, arguments, at: nameSpan, fallback: fallback)
        case .index(let base, _, _, _):
            guard case .list(let element) = infer(base) else { return .unknown }
            return element
        case .with(let base, let fields, _):
            let type = infer(base)
            guard case .record(let known?) = type else { return type }
            var result = known
            for field in fields {
                let fieldType = infer(field.value)
                if let index = result.firstIndex(where: { $0.name == field.name }) {
                    result[index].type = fieldType
                } else {
                    result.append(StaticType.Field(name: field.name, type: fieldType))
                }
            }
            return .record(result)
        case .every, .cadenceFor, .cadenceOn, .cadenceThen: return .cadence
        }
    }

    // MARK: Names

    private mutating func global(_ index: Int) -> StaticType {
        switch globals.bindings[index] {
        case .value(let value): return StaticType.of(value)
        case .function: return .function
        case .entity(let entity, _): return .entity(entity.kind)
        case .collection(let kind): return .list(.entity(kind))
        case .allGoals: return .list(.entity(.goal))
        case .today: return .date
        case .programEntity: return .entity(.program)
        case .lazyLet(.done(let value), _, _): return StaticType.of(value)
        case .lazyLet(.evaluating, _, _): return .unknown
        case .lazyLet(.pending(let code), _, _):
            guard letsInProgress.insert(index).inserted else { return .unknown }
            defer { letsInProgress.remove(index) }
            // A let's code runs in a frame of its own.
            let saved = frames
            frames = [[:]]
            defer { frames = saved }
            return infer(code)
        }
    }

    // MARK: Calls

    private mutating func call(_ callee: Code, _ arguments: [StaticType]) -> StaticType {
        switch callee {
        case .global(let index, _):
            switch globals.bindings[index] {
            case .function(let function, _): return result(of: function, arguments, closingOver: nil)
            case .value(.function(.builtin(let builtin))): return Self.builtinResult(builtin.name)
            case .value(.function(.closure(let closure))): return result(of: closure.code, arguments, closingOver: nil)
            default: return .unknown
            }
        case .lambda(let function): return result(of: function, arguments, closingOver: frames)
        default: return .unknown
        }
    }

    private static func builtinResult(_ name: String) -> StaticType {
        switch name {
        case "print": .none
        case "violations": .list(.record([StaticType.Field(name: "rule", type: .string),
                                          StaticType.Field(name: "severity", type: .symbol),
                                          StaticType.Field(name: "message", type: .string),
                                          StaticType.Field(name: "entity", type: .unknown)]))
        default: .unknown
        }
    }

    /// The type a function gives for arguments of `arguments`' types. A lambda sees the frames
    /// it was written in; a top-level fn sees none.
    private mutating func result(of function: FunctionCode, _ arguments: [StaticType], closingOver outer: [[Int: StaticType]]?) -> StaticType {
        let identity = ObjectIdentifier(function)
        guard inProgress.insert(identity).inserted else { return .unknown }
        defer { inProgress.remove(identity) }
        var frame: [Int: StaticType] = [:]
        for (slot, type) in arguments.prefix(function.parameterCount).enumerated() { frame[slot] = type }
        let saved = frames
        frames = (outer ?? []) + [frame]
        defer { frames = saved }
        // Straight-line `let`s of a block body are typed in order; others stay unknown.
        for statement in function.statements {
            if case .setLocal(let slot, let value) = statement {
                let type = infer(value)
                frames[frames.count - 1][slot] = type
            }
        }
        guard let result = function.result else { return .none }
        return infer(result)
    }

    // MARK: Members

    private mutating func member(of base: StaticType, _ name: String, at nameSpan: Span) -> StaticType {
        switch base {
        case .entity(let kind):
            if name == "id" { return .string }
            if name == "title" { return .oneOf([.string, .none]) }
            let schema = schemas.schema(of: kind)
            if let field = schema.field(named: name) {
                let type = StaticType(field.type)
                let neverNone = field.isRequired || field.programDefault.map { givenProgramDefaults.contains($0.slot) } ?? false
                return neverNone ? type : StaticType.union([type, .none])
            }
            if let computed = schema.computedByName[name] { return StaticType(typeName: computed.typeName) }
            return unknownMember(name, of: kind.withArticle, among: ["id", "title"] + schema.slotNames.dropFirst(2)
                                 + schema.computedInOrder.map(\.name), at: nameSpan)
        case .list(let element):
            switch name {
            case "count": return .number
            case "isEmpty": return .bool
            case "first", "last", "min", "max": return element == .unknown ? .unknown : StaticType.union([element, .none])
            case "sum": return element == .duration ? .duration : (element == .number ? .number : .unknown)
            default:
                if Members.listMethods.contains(name) { return .function }
                return unknownMember(name, of: "a list", among: Members.listProperties.union(Members.listMethods).sorted(), at: nameSpan)
            }
        case .string:
            if name == "count" { return .number }
            if name == "isEmpty" { return .bool }
            if name == "lowercased" { return .string }
            if Members.stringMethods.contains(name) { return .function }
            return unknownMember(name, of: "a string", among: Members.stringProperties.union(Members.stringMethods).sorted(), at: nameSpan)
        case .date:
            if Members.dateProperties.contains(name) { return .number }
            return unknownMember(name, of: "a date", among: Members.dateProperties.sorted(), at: nameSpan)
        case .time:
            if Members.timeProperties.contains(name) { return .number }
            return unknownMember(name, of: "a time", among: Members.timeProperties.sorted(), at: nameSpan)
        case .record(let fields?):
            if let field = fields.first(where: { $0.name == name }) { return field.type }
            if name == "keys" { return .list(.string) }
            if name == "get" { return .function }
            return unknownMember(name, of: "this record", among: fields.map(\.name) + ["keys", "get"], at: nameSpan)
        case .record(nil):
            return name == "keys" ? .list(.string) : .unknown
        default:
            // `none`, a number, a union…: evaluating would tell, or fail; `:type` does neither.
            return .unknown
        }
    }

    private mutating func unknownMember(_ name: String, of what: String, among candidates: [String], at span: Span) -> StaticType {
        diagnostics.append(.unknownName(.unknownMember, .error, "\(what) has no member `\(name)`", name: name, at: span,
                                        among: candidates, label: "unknown member"))
        return .unknown
    }

    private mutating func memberCall(_ base: StaticType, _ name: String, _ arguments: [Code], at nameSpan: Span, fallback: Code?) -> StaticType {
        switch (base, name) {
        case (.list(let element), "map"):
            guard let argument = arguments.first else { return .unknown }
            return .list(applied(argument, to: [element]))
        case (.list(let element), "filter"), (.list(let element), "sorted"), (.list(let element), "take"), (.list(let element), "drop"):
            return .list(element)
        case (.string, "split"): return .list(.string)
        case (.list, "contains"), (.list, "any"), (.list, "all"): return .bool
        case (.list, "join"): return .string
        case (.string, "contains"), (.string, "startsWith"), (.string, "endsWith"): return .bool
        case (.list, _) where Members.listProperties.contains(name),
             (.string, _) where Members.stringProperties.contains(name),
             (.date, _) where Members.dateProperties.contains(name),
             (.time, _) where Members.timeProperties.contains(name):
            return member(of: base, name, at: nameSpan)
        case (.record, "get"): return .unknown
        default: break
        }
        let argumentTypes = arguments.map { infer($0) }
        if case .entity(let kind) = base, hasMember(kind, name) {
            // A member holding a function: what calling it gives depends on the value.
            return arguments.isEmpty ? member(of: base, name, at: nameSpan) : .unknown
        }
        if let fallback, case .global(let index, _) = fallback, case .function(let function, _) = globals.bindings[index] {
            return result(of: function, [base] + argumentTypes, closingOver: nil)
        }
        return .unknown
    }

    private func hasMember(_ kind: DeclarationKind, _ name: String) -> Bool {
        let schema = schemas.schema(of: kind)
        return name == "id" || name == "title" || schema.field(named: name) != nil || schema.computedByName[name] != nil
    }

    /// What `function` (a lambda as written, or a name of a fn) gives for these arguments.
    private mutating func applied(_ function: Code, to arguments: [StaticType]) -> StaticType {
        switch function {
        case .lambda(let code): return result(of: code, arguments, closingOver: frames)
        default: return call(function, arguments)
        }
    }

    // MARK: Operators

    private func binary(_ op: BinaryOperator, _ left: StaticType, _ right: StaticType) -> StaticType {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: return .bool
        case .coalesce: return StaticType.union([left.withoutNone, right])
        case .add:
            switch (left, right) {
            case (.number, .number): return .number
            case (.string, .string): return .string
            case (.list(let a), .list(let b)): return .list(a == .unknown ? b : (b == .unknown ? a : StaticType.union([a, b])))
            case (.date, .duration), (.duration, .date): return .date
            case (.duration, .duration): return .duration
            case (.time, .duration), (.duration, .time): return .time
            default: return .unknown
            }
        case .subtract:
            switch (left, right) {
            case (.number, .number): return .number
            case (.date, .date), (.duration, .duration), (.time, .time): return .duration
            case (.date, .duration): return .date
            case (.time, .duration): return .time
            default: return .unknown
            }
        case .multiply:
            switch (left, right) {
            case (.number, .number): return .number
            case (.duration, .number), (.number, .duration): return .duration
            default: return .unknown
            }
        case .divide:
            return left == .number && right == .number ? .number : .unknown
        }
    }
}
