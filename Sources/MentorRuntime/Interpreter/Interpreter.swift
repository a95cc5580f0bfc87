import MentorDiagnostics
import MentorSyntax
import MentorSource

/// Evaluates resolved code. One interpreter serves every front door through `Engine`; the
/// rules and declaration checks also borrow worker interpreters over the same programme
/// (`WorkerInterpreters`).
final class Interpreter {
    let globals: GlobalTable
    let limits: EvaluationLimits
    let interrupt: InterruptFlag
    /// Where `print` writes.
    var output: (String) -> Void
    /// The programme's entities and computed members. Held strongly: the engine holds the
    /// interpreter and the model, the model holds neither, so nothing refers back.
    let model: ProgramModel
    /// Resolved bodies of rules and tests, by entity index: what `check`, `test` and the
    /// `violations` built-in run.
    var ruleBodies: [EntityID: ScriptCode] = [:]
    /// The date of the run (`--today`).
    var today: CivilDate
    /// Collects `require`/`warn`/`fail`/`expect` outcomes while a rule or test runs.
    var recorder: CheckRecorder?
    // The evaluation state below is read or written at every step of a rule, by the one thread
    // that holds this interpreter, and never while another access to it is open (nothing is
    // evaluated inside an access to them): the runtime's exclusivity checks on each use
    // (`swift_beginAccess`) were a sixth of the rules' instructions, so they are switched off
    // for them (docs/performance.md, "The rules phase").

    /// Entities bound by enclosing `for` loops, innermost last (violations point at the last).
    @exclusivity(unchecked) var boundEntities: [EntityRef] = []
    /// What this evaluation sees differently from the programme: `with` copies standing in
    /// for their originals while `violations(rule, copy)` runs, and that call's restriction of
    /// the rule's `for` loops (only the loops see it: computed members such as `mentees` still
    /// see the whole programme, as they do in `check`).
    @exclusivity(unchecked) var overlay = EvaluationOverlay()
    /// Set on an interpreter that runs rules beside others (`makeWorker`): its own memo and
    /// `print`s; nil on the session's interpreter, which uses the programme's memo.
    var worker: WorkerScratch?

    @exclusivity(unchecked) private var steps = 0
    @exclusivity(unchecked) private var callDepth = 0

    init(globals: GlobalTable, model: ProgramModel, limits: EvaluationLimits, interrupt: InterruptFlag, today: CivilDate,
         output: @escaping (String) -> Void) {
        self.globals = globals
        self.model = model
        self.limits = limits
        self.interrupt = interrupt
        self.today = today
        self.output = output
    }

    /// Resets the step budget before an independent evaluation.
    func resetBudget() {
        steps = 0
        callDepth = 0
    }

    @inline(__always)
    func step(_ span: Span) throws {
        steps &+= 1
        if steps > limits.maxSteps {
            throw RuntimeError(.stepBudgetExhausted, "evaluation took more than \(limits.maxSteps) steps", at: span,
                               help: "the program may loop forever; if it really needs more, raise the budget with `--max-steps`")
        }
        if steps & 0x3FF == 0, interrupt.isRequested {
            throw RuntimeError(.interrupted, "evaluation interrupted", at: span)
        }
    }

    /// The text of `value` as `print` shows it (`display`) or in source syntax, or a size-limit
    /// error when it would be longer than the string limit.
    func text(of value: Value, display: Bool, span: Span) throws -> String {
        guard let text = value.text(display: display, limit: limits.maxStringLength, in: model.store) else { throw stringTooLong(span) }
        return text
    }

    /// The error for text longer than the string limit.
    func stringTooLong(_ span: Span) -> RuntimeError {
        RuntimeError(.sizeLimit, "string longer than \(limits.maxStringLength) bytes", at: span)
    }

    // MARK: Statements

    func execute(_ statements: [StatementCode], _ frame: Frame) throws {
        for statement in statements {
            try execute(statement, frame)
        }
    }

    func execute(_ statement: StatementCode, _ frame: Frame) throws {
        switch statement {
        case .setLocal(let slot, let value):
            if case .lambda(let code) = value {
                // A local `fn` sees its own slot, so it can recurse.
                frame.slots[slot] = .function(.closure(Closure(code: code, captured: frame)))
            } else {
                frame.slots[slot] = try evaluate(value, frame)
            }
        case .expression(let code, _):
            _ = try evaluate(code, frame)
        case .ifStatement(let condition, let thenBody, let elseBody, let span):
            if try truth(evaluate(condition, frame), span) {
                try execute(thenBody, frame)
            } else if let elseBody {
                try execute(elseBody, frame)
            }
        case .forLoop(let bindings, let filter, let body):
            try runLoop(bindings, filter: filter, body: body, frame)
        case .check(let kind, let condition, let message, let span):
            try runCheck(kind, condition: condition, message: message, span: span, frame)
        }
    }

    /// Runs a `for` over its bindings, the last innermost, with an explicit stack of the lists
    /// being walked: a loop with thousands of bindings must not recurse once per binding.
    private func runLoop(_ bindings: [LoopBinding], filter: Code?, body: [StatementCode], _ frame: Frame) throws {
        guard !bindings.isEmpty else { return try runLoopBody(filter: filter, body: body, frame) }
        let enclosingEntities = boundEntities.count
        defer { boundEntities.removeSubrange(enclosingEntities...) }
        // One level a binding being walked: its elements, the next one, and whether the
        // element bound now is an entity in `boundEntities`.
        var levels: [(elements: [Value], next: Int, boundEntity: Bool)] = []
        levels.append((try loopElements(bindings[0], frame), 0, false))
        // The innermost level and its binding are read in place, not copied out (a copy
        // retained the list being walked, or the binding's code, once per element walked).
        while !levels.isEmpty {
            let depth = levels.count - 1
            if levels[depth].boundEntity {
                boundEntities.removeLast()
                levels[depth].boundEntity = false
            }
            let next = levels[depth].next
            guard next < levels[depth].elements.count else {
                levels.removeLast()
                continue
            }
            levels[depth].next = next + 1
            try step(bindings[depth].span)
            // Copied from the list straight into its slot, and read back there: a copy in a
            // local first cost a second copy and its destruction per element walked.
            let slot = bindings[depth].slot
            frame.slots[slot] = levels[depth].elements[next]
            if case .entity(let entity) = frame.slots[slot] {
                boundEntities.append(entity)
                levels[depth].boundEntity = true
            }
            if let bindingFilter = bindings[depth].filter, !(try truth(evaluate(bindingFilter, frame), bindingFilter.span)) { continue }
            if depth + 1 < bindings.count {
                levels.append((try loopElements(bindings[depth + 1], frame), 0, false))
            } else {
                try runLoopBody(filter: filter, body: body, frame)
            }
        }
    }

    /// The list a `for` binding walks, evaluated each time its enclosing bindings move on.
    private func loopElements(_ binding: LoopBinding, _ frame: Frame) throws -> [Value] {
        if let admitted = overlay.loopRestriction?.admittedByKind, !admitted.isEmpty, case .global(let index, _) = binding.collection,
           case .collection(let kind) = globals.bindings[index], let entities = admitted[kind] {
            return entities.map { .entity(overlay.current($0)) }
        }
        let collection = try evaluate(binding.collection, frame)
        guard case .list(let elements) = collection else {
            throw RuntimeError(.typeMismatch, "`for` needs a list, but this is \(describeType(collection, model.store))", at: binding.span)
        }
        // A restricted loop (`violations(rule, x)`, `Engine.recheck`) walks only the entities it
        // admits; the others are dropped before any step is counted.
        guard let loopRestriction = overlay.loopRestriction else { return elements }
        return elements.filter { element in
            guard case .entity(let entity) = element else { return true }
            return loopRestriction.admits(entity)
        }
    }

    /// One iteration of a `for` body with every binding set.
    private func runLoopBody(filter: Code?, body: [StatementCode], _ frame: Frame) throws {
        if let filter, !(try truth(evaluate(filter, frame), filter.span)) { return }
        do {
            try execute(body, frame)
        } catch is SkipIteration {
            // A failed `require` ends this iteration only.
        }
    }

    private func runCheck(_ kind: CheckKind, condition: Code?, message: Code?, span: Span, _ frame: Frame) throws {
        // A failed `expect a == b` reports both sides: they are kept from the one evaluation of
        // the condition, since evaluating them again would repeat their side effects (`print`).
        var sides: (left: Value, right: Value)?
        if let condition {
            if kind == .expect, case .binary(let op, let left, let right, let span) = condition, op.isComparison {
                let leftValue = try evaluate(left, frame), rightValue = try evaluate(right, frame)
                let result = try Operators.binary(op, leftValue, rightValue, span: span, names: model, leftSpan: left.span, rightSpan: right.span,
                                                  limits: limits)
                if try truth(result, condition.span) { return }
                sides = (leftValue, rightValue)
            } else if try truth(evaluate(condition, frame), condition.span) {
                return
            }
        }
        let text: String?
        if let message {
            text = try self.text(of: evaluate(message, frame), display: true, span: message.span)
        } else {
            text = nil
        }
        guard let recorder else { return }
        recorder.record(kind: kind, message: text, span: span, conditionSpan: condition?.span, entity: boundEntities.last, sides: sides, names: model.store)
        if kind == .require || kind == .fail { throw SkipIteration() }
    }

    // MARK: Expressions

    func evaluate(_ code: Code, _ frame: Frame) throws -> Value {
        switch code {
        case .constant(let value, _):
            return value
        case .local(let depth, let slot, _):
            // The current frame's own slot read with no reference taken to the frame (a
            // retain and a release per variable use, most of them at depth 0).
            if depth == 0 { return frame.slots[slot] }
            var target = frame
            for _ in 0..<depth { target = target.parent! }
            return target.slots[slot]
        case .global(let index, let span):
            return try globalValue(index, span: span)
        case .list(let elements, _):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try evaluate(element, frame)) }
            return .list(values)
        case .record(let fields, _):
            // Sized up front: a record field's value (`signed: {…}`) is held as long as the programme.
            var values: [(name: String, value: Value)] = []
            values.reserveCapacity(fields.count)
            for field in fields { values.append((field.name, try evaluate(field.value, frame))) }
            return .record(Record(values))
        case .interpolation(let parts, let span):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .value(let inner): text += try self.text(of: evaluate(inner, frame), display: true, span: span)
                }
                if text.utf8.count > limits.maxStringLength { throw stringTooLong(span) }
            }
            return .string(text)
        case .negate(let operand, let span):
            return try Operators.negate(evaluate(operand, frame), span: span, names: model)
        case .not(let operand, let span):
            return .bool(!(try truth(evaluate(operand, frame), span)))
        case .binary(let op, let left, let right, let span):
            return try Operators.binary(op, evaluate(left, frame), evaluate(right, frame), span: span, names: model, leftSpan: left.span, rightSpan: right.span,
                                          limits: limits)
        case .and(let left, let right, _):
            guard try truth(evaluate(left, frame), left.span) else { return .bool(false) }
            return .bool(try truth(evaluate(right, frame), right.span))
        case .or(let left, let right, _):
            if try truth(evaluate(left, frame), left.span) { return .bool(true) }
            return .bool(try truth(evaluate(right, frame), right.span))
        case .coalesce(let left, let right, _):
            let value = try evaluate(left, frame)
            if case .none = value { return try evaluate(right, frame) }
            return value
        case .conditional(let condition, let thenBranch, let elseBranch, _):
            return try truth(evaluate(condition, frame), condition.span)
                ? evaluate(thenBranch, frame) : evaluate(elseBranch, frame)
        case .lambda(let functionCode):
            return .function(.closure(Closure(code: functionCode, captured: frame)))
        case .call(let callee, let arguments, let labels, let span, let calleeSpan):
            let function = try evaluate(callee, frame)
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, frame)) }
            guard case .function(let callable) = function else {
                throw RuntimeError(.notCallable, "\(describeType(function, model.store)) is not a function", at: calleeSpan,
                                   label: "cannot be called")
            }
            return try call(callable, values, labels: labels, span: span)
        case .member(let base, let name, let nameSpan, let span):
            // An entity in a slot of this frame (`a.start`, `g.due`), the commonest receiver, is
            // read where it lies: evaluated first, it cost a whole value's copy and two
            // destructions per member read. A member it lacks is reported below.
            if case .local(0, let slot, _) = base, case .entity(let entity) = frame.slots[slot],
               let value = try model.knownMember(of: entity, name, interpreter: self) ?? model.member(of: entity, name, span: span, interpreter: self) {
                return value
            }
            let receiver = try evaluate(base, frame)
            return try Members.member(of: receiver, name: name, nameSpan: nameSpan, span: span, interpreter: self)
        case .memberCall(let base, let name, let arguments, let labels, let nameSpan, let span, let fallback):
            let receiver = try evaluate(base, frame)
            // A list method with one argument (`held.contains(r)`, `xs.any(x => …)`), the
            // commonest member call in rules: its method was found with its name, and its
            // argument needs no array. Labels are not looked at, as for any list method.
            if arguments.count == 1, let method = name.listMethod, case .list(let elements) = receiver {
                return try Members.listMethod(elements, method, argument: evaluate(arguments[0], frame), span: span, interpreter: self)
            }
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, frame)) }
            return try Members.call(receiver, name: name, arguments: values, labels: labels, nameSpan: nameSpan, span: span,
                                    fallback: fallback, interpreter: self, frame: frame)
        case .index(let base, let index, let span, let indexSpan):
            let receiver = try evaluate(base, frame)
            return try Members.element(of: receiver, at: try evaluate(index, frame), span: span, indexSpan: indexSpan, interpreter: self)
        case .with(let base, let fields, let span):
            let receiver = try evaluate(base, frame)
            var values: [(name: String, nameSpan: Span, value: Value)] = []
            for field in fields { values.append((field.name, field.nameSpan, try evaluate(field.value, frame))) }
            return try Members.with(receiver, fields: values, span: span, baseSpan: base.span, interpreter: self)
        case .every(let interval, let span):
            return try CadenceBuilding.every(evaluate(interval, frame), span: span, names: model, operandSpan: interval.span)
        case .cadenceFor(let cadence, let limit, let span):
            return try CadenceBuilding.limited(evaluate(cadence, frame), by: evaluate(limit, frame), span: span, names: model,
                                               cadenceSpan: cadence.span, limitSpan: limit.span)
        case .cadenceOn(let cadence, let pin, let span):
            return try CadenceBuilding.pinned(evaluate(cadence, frame), to: pin, span: span, names: model, cadenceSpan: cadence.span)
        case .cadenceThen(let phases, let span):
            var values: [(Value, Span)] = []
            for phase in phases { values.append((try evaluate(phase, frame), phase.span)) }
            return try CadenceBuilding.sequence(values, span: span, names: model)
        }
    }

    /// The flag a condition's `value` holds; `span`, worked out only for the error, is where
    /// the condition stands.
    func truth(_ value: Value, _ span: @autoclosure () -> Span) throws -> Bool {
        guard case .bool(let flag) = value else {
            throw RuntimeError(.typeMismatch, "expected a bool (true or false), but this is \(describeType(value, model.store))", at: span())
        }
        return flag
    }

    // MARK: Globals

    func globalValue(_ index: Int, span: Span) throws -> Value {
        switch globals.bindings[index] {
        case .value(let value):
            return value
        case .function(let code, _):
            return .function(.closure(Closure(code: code, captured: nil)))
        case .entity(let entity, _):
            return .entity(overlay.current(entity))
        case .collection(let kind):
            return .list(model.entities(of: kind).map { .entity(overlay.current($0)) })
        case .allGoals:
            return .list(model.entities(of: .agreement).flatMap { model.children(of: overlay.current($0)) }.map { .entity(overlay.current($0)) })
        case .today:
            return .date(today)
        case .programEntity:
            if let program = model.entities(of: .program).first { return .entity(overlay.current(program)) }
            return .none
        case .lazyLet(let state, let name, let declarationSpan):
            switch state {
            case .done(let value):
                return value
            case .evaluating:
                throw RuntimeError(.letCycle, "`\(name)` depends on its own value", at: span,
                                   notes: [DiagnosticNote("`\(name)` is declared here", at: declarationSpan)])
            case .pending(let code):
                if let worker {
                    worker.neededSharedState = true
                    throw SharedStateNeeded()
                }
                globals.update(index, .lazyLet(.evaluating, name: name, span: declarationSpan))
                do {
                    let value = try nested(at: span, .onDemand) { try evaluate(code, Frame(size: 0, parent: nil)) }
                    // Under an overlay the value is this evaluation's view (a `with` copy in place
                    // of its original, a `violations` loop over one entity): kept, it would
                    // stand for the programme's from then on.
                    let seen: GlobalTable.LetState = overlay.isEmpty ? .done(value) : .pending(code)
                    globals.update(index, .lazyLet(seen, name: name, span: declarationSpan))
                    return value
                } catch {
                    globals.update(index, .lazyLet(.pending(code), name: name, span: declarationSpan))
                    throw error
                }
            }
        }
    }

    // MARK: Calls

    /// What makes evaluation one level deeper, for the message when it is too deep.
    enum NestedEvaluation {
        case call
        /// A top-level `let` or an entity's field, evaluated when first read.
        case onDemand
    }

    /// Runs `body` one level deeper: each call, and each `let` or field evaluated on demand
    /// while another is, counts against the call-depth limit and the stack.
    func nested<T>(at span: Span, _ kind: NestedEvaluation, _ body: () throws -> T) throws -> T {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > limits.maxCallDepth || LargeStack.isStackLow {
            let tooDeep = callDepth > limits.maxCallDepth ? "more than \(limits.maxCallDepth) deep" : "too deep for the stack"
            switch kind {
            case .call:
                throw RuntimeError(.recursionLimit, "calls nested \(tooDeep)", at: span,
                                   help: "a function may be calling itself without end; check its base case")
            case .onDemand:
                throw RuntimeError(.recursionLimit, "values that need each other nested \(tooDeep)", at: span,
                                   help: "each `let` or field here needs the next one's value; compute the chain with a function or a list instead")
            }
        }
        return try body()
    }

    /// `call(function, [argument])` for the list methods, which call a function once an
    /// element: no arguments array, and a lambda's frame from the previous call (`spare`) is
    /// used again when nothing kept it (a lambda made in the body captures its frame, and
    /// then a new one is made). A frame and its slots allocated per call were a large part
    /// of each call.
    func callOne(_ function: FunctionValue, _ argument: Value, reusing spare: inout Frame?, span: Span) throws -> Value {
        guard case .closure(let closure) = function, closure.code.parameterCount == 1 else {
            return try call(function, [argument], span: span)
        }
        try step(span)
        let code = closure.code
        return try nested(at: span, .call) {
            let frame: Frame
            // Asked before binding it, which would hold a second reference.
            if isKnownUniquelyReferenced(&spare), let reused = spare, reused.parent === closure.captured,
               reused.slots.count == code.frameSize {
                frame = reused
                // Every slot as a new frame has it: the argument, then `none`.
                frame.slots[0] = argument
                for index in 1..<frame.slots.count { frame.slots[index] = .none }
            } else {
                frame = Frame(size: code.frameSize, parent: closure.captured)
                frame.slots[0] = argument
                spare = frame
            }
            try execute(code.statements, frame)
            guard let result = code.result else { return .none }
            return try evaluate(result, frame)
        }
    }

    func call(_ function: FunctionValue, _ arguments: [Value], labels: [String?] = [], span: Span) throws -> Value {
        try step(span)
        switch function {
        case .closure(let closure):
            let code = closure.code
            if let label = labels.compactMap({ $0 }).first {
                throw RuntimeError(.wrongArgumentCount, "`\(code.name ?? "lambda")` takes no labelled arguments, but got `\(label):`", at: span)
            }
            guard arguments.count == code.parameterCount else {
                let what = code.name.map { "`\($0)`" } ?? "this lambda"
                throw RuntimeError(.wrongArgumentCount,
                                   "\(what) takes \(plural(code.parameterCount, "argument")), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given",
                                   at: span, notes: [DiagnosticNote("declared here", at: code.span)])
            }
            return try nested(at: span, .call) {
                let frame = Frame(size: code.frameSize, parent: closure.captured)
                for (index, argument) in arguments.enumerated() { frame.slots[index] = argument }
                try execute(code.statements, frame)
                guard let result = code.result else { return .none }
                return try evaluate(result, frame)
            }
        case .builtin(let builtin):
            return try builtin.call(arguments, labels: labels, span: span, interpreter: self)
        case .boundMember(let receiver, let member):
            return try Members.callBuiltinMember(receiver, name: member, arguments: arguments, labels: labels, span: span, interpreter: self)
        }
    }
}

extension Code {
    /// The source span of the code.
    var span: Span {
        switch self {
        case .constant(_, let span), .local(_, _, let span), .global(_, let span), .list(_, let span), .record(_, let span),
             .interpolation(_, let span), .negate(_, let span), .not(_, let span), .binary(_, _, _, let span),
             .and(_, _, let span), .or(_, _, let span), .coalesce(_, _, let span), .conditional(_, _, _, let span),
             .every(_, let span), .cadenceFor(_, _, let span), .cadenceOn(_, _, let span), .cadenceThen(_, let span):
            return span
        case .call(_, _, _, let span, _), .member(_, _, _, let span), .memberCall(_, _, _, _, _, let span, _), .with(_, _, let span),
             .index(_, _, let span, _):
            return span
        case .lambda(let code):
            return code.span
        }
    }
}

/// `n thing` or `n things`.
public func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// `an agreement`, `a date`: a noun with its indefinite article, for messages.
func withIndefiniteArticle(_ noun: String) -> String {
    (["a", "e", "i", "o", "u"].contains { noun.hasPrefix($0) } ? "an " : "a ") + noun
}

/// "a date (2026-01-12)" style description for messages.
func describeType(_ value: Value, _ names: EntityStore) -> String {
    switch value {
    case .none: return "`none`"
    case .function: return "a function"
    case .entity(let entity): return "the \(entity.kind.rawValue) `\(names.name(of: entity.index))`"
    default:
        var shown = value.sourceText(truncatedTo: 160, in: names)
        if shown.count > 40 { shown = String(shown.prefix(37)) + "…" }
        return "\(withIndefiniteArticle(value.typeName)) (\(DisplayText.escapeControls(shown)))"
    }
}
