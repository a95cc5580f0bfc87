import MentorDiagnostics
import MentorSource
import MentorSyntax

/// Reads a load's `field NAME ["Title"] for KIND { type: TYPE, required: BOOL }` declarations
/// into schema rows, before any entity of the load is declared, so the fields are checked like
/// built-in ones wherever the declarations stand (docs/reference.md, "Programme fields").
struct ProgrammeFieldDeclarations {
    /// The members a field declaration may give.
    static let members = ["type", "required"]
    /// The kinds a programme may add fields to: every declaration kind with fields.
    static let extensibleKinds: [DeclarationKind] = [.program, .competency, .pathway, .step, .person, .agreement, .goal, .agenda, .session]
    /// The type words, in the order the reference lists them.
    static let typeWords: [(String, FieldType)] = [
        ("string", .string), ("number", .number), ("date", .date), ("time", .time), ("duration", .duration(nil)),
        ("bool", .bool), ("cadence", .cadence),
    ]

    /// The rows read, in declaration order.
    private(set) var rows: [FieldRow] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads every field declaration of `syntaxes` against the programme's `schemas` so far. A
    /// field declared again is an error even in the REPL: entities already made hold the
    /// first declaration's type.
    init(_ syntaxes: [SourceFileSyntax], schemas: ProgramSchemas) {
        var sites: [String: Span] = [:]
        var nextSlot: [DeclarationKind: Int] = [:]
        for syntax in syntaxes {
            // The kind read through the item first: binding every declaration copied the whole
            // node (retaining each part) to find the few `field` ones, serially before declaring.
            for position in syntax.items.indices where syntax.items[position].declarationKind == .field {
                guard case .declaration(let declaration) = syntax.items[position] else { continue }
                guard let name = declaration.name else { continue }
                guard let kind = targetKind(of: declaration, named: name.name) else { continue }
                let key = kind.rawValue + "." + name.name
                if let first = sites[key] {
                    diagnostics.append(.declaredTwice("\(kind.rawValue).\(name.name)", at: name.span, first: first))
                    continue
                }
                if let site = schemas.programmeFields.first(where: { $0.kind == kind && $0.name == name.name })?.site {
                    diagnostics.append(.declaredTwice("\(kind.rawValue).\(name.name)", at: name.span, first: site))
                    continue
                }
                if clashesWithBuiltIn(name, of: kind) { continue }
                guard let (type, required) = body(of: declaration, named: name.name) else { continue }
                sites[key] = name.span
                let slot = nextSlot[kind] ?? schemas.nextSlot(of: kind)
                nextSlot[kind] = slot + 1
                rows.append(FieldRow(kind, slot: slot, name.name, type, required: required,
                                     doc: Declarer.plainText(declaration.title) ?? "Declared by the programme.",
                                     programmeField: true, site: name.span))
            }
        }
    }

    private mutating func targetKind(of declaration: Declaration, named name: String) -> DeclarationKind? {
        guard let target = declaration.target else {
            diagnostics.append(Diagnostic(.fieldWithoutKind, .error, "field `\(name)` does not say which declarations it is for",
                                          at: declaration.nameSpan, label: "needs `for KIND`",
                                          help: "write `field \(name) for person { type: string }`"))
            return nil
        }
        guard let kind = DeclarationKind(rawValue: target.name), Self.extensibleKinds.contains(kind) else {
            diagnostics.append(.unknownName(.fieldWithoutKind, .error, "`\(target.name)` is not a kind of declaration a field can be added to",
                                            name: target.name, at: target.span, among: Self.extensibleKinds.map(\.rawValue),
                                            label: "not a declaration kind",
                                            help: "the kinds are " + Self.extensibleKinds.map { "`\($0.rawValue)`" }.joined(separator: ", ")))
            return nil
        }
        return kind
    }

    /// True (with a diagnostic) when the kind already has a member of that name.
    private mutating func clashesWithBuiltIn(_ name: Identifier, of kind: DeclarationKind) -> Bool {
        let schema = DomainSchema.schema(of: kind)
        let what: String
        if name.name == "id" || name.name == "title" || name.name == "for" {
            what = "every declaration's `\(name.name)`"
        } else if schema.field(named: name.name) != nil {
            what = "a built-in field of \(kind.withArticle)"
        } else if schema.computedByName[name.name] != nil {
            what = "a computed member of \(kind.withArticle)"
        } else {
            return false
        }
        diagnostics.append(Diagnostic(.fieldNameTaken, .error, "`\(name.name)` is already \(what)", at: name.span,
                                      label: "name taken", help: "choose another name, such as `\(kind.rawValue)_\(name.name)`"))
        return true
    }

    /// The type and whether it is required; nil (with diagnostics) when the body is wrong.
    private mutating func body(of declaration: Declaration, named name: String) -> (FieldType, Bool)? {
        var type: FieldType?
        var required = false
        var valid = true
        for member in declaration.members {
            switch member {
            case .nested(let nested):
                diagnostics.append(Diagnostic(.misplacedDeclaration, .error, "a `\(nested.kind.rawValue)` cannot stand inside a `field`",
                                              at: nested.kindSpan, help: "a field declaration has only `type` and `required`"))
                valid = false
            case .field(let field):
                switch field.name.name {
                case "type":
                    guard let read = fieldType(field.value) else { valid = false; continue }
                    type = read
                case "required":
                    guard case .boolLiteral(let flag) = field.value.kind else {
                        diagnostics.append(Diagnostic(.fieldTypeMismatch, .error, "`required` must be true or false", at: field.value.span,
                                                      label: "expected true or false"))
                        valid = false
                        continue
                    }
                    required = flag
                default:
                    diagnostics.append(.unknownName(.unknownField, .error, "unknown field `\(field.name.name)` in field `\(name)`",
                                                    name: field.name.name, at: field.name.span, among: Self.members, label: "unknown field",
                                                    help: "a field declaration gives `type` and, optionally, `required`"))
                    valid = false
                }
            }
        }
        guard valid else { return nil }
        guard let type else {
            diagnostics.append(Diagnostic(.missingField, .error, "field `\(name)` has no `type`", at: declaration.nameSpan,
                                          label: "missing `type`", help: "add `type: string` (or number, date, person, [string], …)"))
            return nil
        }
        return (type, required)
    }

    /// The type a `type:` value spells: a type word, a kind (its entities), or `[T]`.
    private mutating func fieldType(_ expression: Expr) -> FieldType? {
        switch expression.kind {
        case .identifier(let word):
            if let type = Self.typeWords.first(where: { $0.0 == word })?.1 { return type }
            if let kind = DeclarationKind(rawValue: word), Self.extensibleKinds.contains(kind), kind != .program { return .entity(kind) }
            unknownType(word, at: expression.span)
            return nil
        case .list(let elements, _) where elements.count == 1:
            return fieldType(elements[0]).map { .list($0) }
        default:
            diagnostics.append(Diagnostic(.unknownFieldType, .error, "a field's `type` is a type word, a declaration kind or `[TYPE]`",
                                          at: expression.span, label: "not a type",
                                          help: "write `type: string`, `type: person` or `type: [string]`"))
            return nil
        }
    }

    private mutating func unknownType(_ word: String, at span: Span) {
        let names = Self.typeWords.map(\.0) + Self.extensibleKinds.filter { $0 != .program }.map(\.rawValue)
        diagnostics.append(.unknownName(.unknownFieldType, .error, "unknown type `\(word)`", name: word, at: span, among: names,
                                        label: "unknown type", help: "the types are " + names.map { "`\($0)`" }.joined(separator: ", ")
                                            + ", and `[TYPE]` for a list"))
    }
}
