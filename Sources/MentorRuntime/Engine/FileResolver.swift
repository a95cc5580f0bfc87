import MentorDiagnostics
import MentorSyntax
import MentorSource

/// Resolves files into `FileResolution`s. It only reads: the global table and the entities'
/// declaration sites (every name is declared before any file is resolved, and neither is
/// written again until every worker has finished: `Declarer.resolveAll`), the programme's
/// schemas (immutable) and the source map (whose reads take its lock). So several files can
/// be resolved at once.
struct FileResolver: Sendable {
    let globals: GlobalTable
    let schemas: ProgramSchemas
    let sources: SourceMap
    /// REPL mode: top-level expressions echo their values.
    let echo: Bool

    /// Stands in the tree for a script statement already resolved: no name, nothing on the heap.
    private static let resolvedStatement = TopLevelItem.importDecl(ImportDecl(target: .std(.all), targetSpan: .unknown, span: .unknown))

    /// Resolves one file. `recorder` (where names are used, for position queries) is not
    /// thread-safe: a declarer that records resolves its files one at a time.
    func resolve(_ input: consuming FileToResolve, recorder: NameUseRecorder? = nil) -> FileResolution {
        var input = consume input
        let file = input.file
        // Moved out, so the tree has one owner and its statements can be released in place.
        var syntax = input.syntax
        input.syntax = SourceFileSyntax(file: file.id, items: [], comments: [])
        var result = FileResolution()
        // One resolver for the whole file, restarted for each body and field.
        var resolver = makeResolver(recorder: recorder)
        // Top-level lets and fns of this file.
        for (statement, index) in input.lets {
            resolver.restart(context: .script)
            switch statement.kind {
            case .letBinding(let name, let value, _):
                let code = resolver.resolveExpression(value)
                result.globals.append(.letValue(index: index, code: code, name: name.name, span: name.span))
            case .function(let function, _):
                let code = resolver.resolveFunction(function, span: statement.span)
                result.globals.append(.function(index: index, code: code, span: function.name.span))
            default:
                break
            }
            if !resolver.diagnostics.isEmpty { result.diagnostics += resolver.diagnostics }
        }
        // Statements run in file order, in one frame.
        resolver.restart(context: .script)
        var statements: [StatementCode] = []
        for position in syntax.items.indices {
            guard case .statement(let statement) = syntax.items[position] else { continue }
            switch statement.kind {
            case .letBinding, .function: continue
            default:
                // The statement's tree is released as soon as it is resolved, so a long script's
                // syntax and its resolved code are never both held whole (a third of the peak).
                syntax.items[position] = FileResolver.resolvedStatement
                if let code = resolver.resolveStatement(statement) { statements.append(code) }
            }
        }
        result.diagnostics += resolver.diagnostics
        if !statements.isEmpty {
            result.script = ScriptCode(file: file.id, frameSize: resolver.frameSize, statements: statements, echo: echo)
        }
        // Declarations of this file.
        var gathered: [DeclarationSite.GivenFields.Entry] = []
        for site in input.declarations {
            guard case .declaration(let declaration) = syntax.items[site.item] else { continue }
            if let member = site.member {
                guard case .nested(let child) = declaration.members[member] else { continue }
                result.declarations.append(resolveDeclaration(child, site.entity, name: site.name, file: file, resolver: &resolver,
                                                              gathered: &gathered, diagnostics: &result.diagnostics))
            } else {
                result.declarations.append(resolveDeclaration(declaration, site.entity, name: site.name, file: file, resolver: &resolver,
                                                              gathered: &gathered, diagnostics: &result.diagnostics))
            }
        }
        return result
    }

    private func makeResolver(recorder: NameUseRecorder?) -> Resolver {
        var resolver = Resolver(globals: globals, schemas: schemas, recorder: recorder)
        resolver.sourceFile = { [sources] id in sources.file(id) }
        return resolver
    }

    private func resolveDeclaration(_ declaration: MentorSyntax.Declaration, _ entity: EntityRef, name entityName: String, file: SourceFile,
                                    resolver: inout Resolver, gathered: inout [DeclarationSite.GivenFields.Entry],
                                    diagnostics: inout [Diagnostic]) -> FileResolution.Declaration {
        var fields: [FileResolution.Field] = []
        // Sized once (the fields, the title and the target): grown one append at a time, the
        // declaration's lists were reallocated three or four times each.
        if !declaration.members.isEmpty { fields.reserveCapacity(declaration.members.count + 2) }
        var ruleBody: ScriptCode?
        if declaration.kind == .rule || declaration.kind == .test {
            resolver.restart(context: declaration.kind == .rule ? .rule : .test)
            let statements = resolver.resolveStatements(declaration.body)
            if !resolver.diagnostics.isEmpty { diagnostics += resolver.diagnostics }
            ruleBody = ScriptCode(file: file.id, frameSize: resolver.frameSize, statements: statements)
        }
        if let title = declaration.title, Declarer.plainText(title) == nil {
            resolver.restart(context: .script)
            let code = resolver.resolveExpression(title)
            if !resolver.diagnostics.isEmpty { diagnostics += resolver.diagnostics }
            fields.append(.pending(PendingField(slot: KindSchema.titleSlot, code: code, nameSpan: title.span, type: .string)))
        }
        if let target = declaration.target {
            resolver.restart(context: .script)
            let code = resolver.resolveExpression(Expr(identifier: target))
            if !resolver.diagnostics.isEmpty { diagnostics += resolver.diagnostics }
            let type: FieldType = declaration.kind == .waiver ? .entityOf(WaiverField.targetKinds) : .entity(.agreement)
            fields.append(.pending(PendingField(slot: KindSchema.forSlot, code: code, nameSpan: target.span, type: type)))
        } else if declaration.kind == .agenda {
            diagnostics.append(Diagnostic(.agendaTarget, .error, "agenda `\(entityName)` does not say which agreement it is for",
                                          at: declaration.nameSpan, help: "write `agenda \(entityName) for AGREEMENT { … }`"))
        } else if declaration.kind == .waiver {
            diagnostics.append(Diagnostic(.waiverTarget, .error, "waiver `\(entityName)` does not say what it is for",
                                          at: declaration.nameSpan,
                                          help: "write `waiver \(entityName) for NAME { rule: RULE, reason: \"…\" }`, naming the person, agreement or agenda the rule reports"))
        }
        let kindSchema = schemas.schema(of: entity.kind)
        let schema = kindSchema.fields
        // The slots given so far, as bits: a declaration's list of them was allocated and freed
        // for every entity. The span of a field given twice is found again when it is reported.
        var given = GivenSlots()
        // Reused from declaration to declaration: only the declaration's own list is allocated.
        gathered.removeAll(keepingCapacity: true)
        for case .field(let field) in declaration.members {
            DeclarationSite.appendGiven(field, to: &gathered)
            let name = field.name.name
            // The row's parts are read in place (`schema[index].type`): a row read whole was a copy of
            // eleven properties, five of them retained and released again, for every field.
            guard let index = kindSchema.fieldIndex(named: name) else {
                let what = declaration.kind == .program ? "the program" : "\(declaration.kind.rawValue) `\(entityName)`"
                diagnostics.append(.unknownName(
                    .unknownField, .error, "unknown field `\(name)` in \(what)",
                    name: name, at: field.name.span, among: schema.map(\.name), label: "unknown field",
                    help: schema.isEmpty ? "\(declaration.kind.withArticle) has no fields"
                        : "the fields of \(declaration.kind.withArticle) are " + schema.map { "`\($0.name)`" }.joined(separator: ", ")))
                continue
            }
            let slot = schema[index].slot
            if given.contains(slot), let earlier = firstSpan(of: slot, in: declaration, kindSchema) {
                diagnostics.append(Diagnostic(.duplicateField, .error, "field `\(name)` is given twice", at: field.name.span,
                                              notes: [DiagnosticNote("first given here", at: earlier)]))
                continue
            }
            given.insert(slot)
            let type = schema[index].type
            // A literal needs no resolving and no evaluation: its type is checked now, against
            // the schema the resolver already knows, and it is stored as it is.
            if let value = Resolver.plainLiteral(field.value) {
                FileResolver.storeConstant(value, named: name, slot: slot, type: type, at: field.value.span,
                                           in: &fields, diagnostics: &diagnostics)
                continue
            }
            resolver.restart(context: .script, field: schema[index].vocabulary)
            let code = resolver.resolveExpression(field.value)
            // Most fields have no diagnostics, and appending none still cost 145 instructions.
            if !resolver.diagnostics.isEmpty { diagnostics += resolver.diagnostics }
            if case .constant(let value, let span) = code {
                // A constant the resolver made of something else (a symbol of the field's
                // vocabulary, an invalid date reported as none) is checked and stored the same way.
                FileResolver.storeConstant(value, named: name, slot: slot, type: type, at: span, in: &fields, diagnostics: &diagnostics)
                continue
            }
            // A list or record of literals and names of entities (`[video, email]`, `ana`,
            // `{ ana: 2026-01-02 }`, `[problem_solving, feedback]`) has its value already too:
            // stored when it fits. One that does not waits, so that the elaborate phase reports
            // it, naming the entities it holds, as before.
            if let value = FieldCodeShape.foldedValue(code, globals: globals, fitting: type) {
                fields.append(.value(slot: slot, value))
                continue
            }
            fields.append(.pending(PendingField(slot: slot, code: code, nameSpan: field.name.span, type: type)))
        }
        let required = kindSchema.requiredFields
        // By position, so a required row is read whole only when its field is missing.
        for index in required.indices where !given.contains(required[index].slot) {
            let field = required[index]
            diagnostics.append(Diagnostic(.missingField, .error,
                                          "\(declaration.kind.rawValue) `\(entityName)` has no `\(field.name)`", at: declaration.nameSpan,
                                          label: "missing `\(field.name)`",
                                          help: "add `\(field.name): …`; every \(declaration.kind.rawValue) needs "
                                              + FileResolver.listed(required.map { "`\($0.name)`" })))
        }
        return FileResolution.Declaration(entity: entity, givenFields: DeclarationSite.givenFields(gathered),
                                          ruleBody: ruleBody, fields: fields)
    }

    /// Stores the field `name`'s constant `value` in `slot` when it fits `type`, or reports the
    /// mismatch at `span`: a constant needs no evaluation.
    private static func storeConstant(_ value: Value, named name: String, slot: Int, type: FieldType, at span: Span,
                                      in fields: inout [FileResolution.Field], diagnostics: inout [Diagnostic]) {
        if let problem = FieldTypeChecker.check(value, against: type, names: nil) {
            diagnostics.append(FieldTypeChecker.mismatch(name, type, problem, at: span).diagnostic)
        } else {
            fields.append(.value(slot: slot, value))
        }
    }

    /// Where the first field of `declaration` stored in `slot` names it (the one a later field of
    /// the same slot repeats).
    private func firstSpan(of slot: Int, in declaration: MentorSyntax.Declaration, _ kindSchema: KindSchema) -> Span? {
        for case .field(let field) in declaration.members {
            if let index = kindSchema.fieldIndex(named: field.name.name), kindSchema.fields[index].slot == slot { return field.name.span }
        }
        return nil
    }

    /// A set of field slots: bits for the first 64, a list for any beyond (a programme adding
    /// that many fields to a kind).
    private struct GivenSlots {
        private var low: UInt64 = 0
        private var high: [Int] = []

        func contains(_ slot: Int) -> Bool { slot < 64 ? low & (1 << UInt64(slot)) != 0 : high.contains(slot) }

        mutating func insert(_ slot: Int) {
            if slot < 64 { low |= 1 << UInt64(slot) } else { high.append(slot) }
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func listed(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
