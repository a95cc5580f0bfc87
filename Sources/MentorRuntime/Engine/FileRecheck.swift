import MentorDiagnostics
import MentorSyntax
import MentorSource

/// What `Engine.recheck` made of one edited file.
public enum FileRecheck {
    /// The diagnostics `check` would report in the edited file, in reading order, with the
    /// sources they point into (the programme's files, the edited one with its new text).
    case checked([Diagnostic], sources: SourceMap)
    /// The edit may change more than the fast path sees: only a full build tells (the reason, for tests and logs).
    case declined(String)
}

/// The kinds an edited file may declare for `recheck`: what they declare is named by other
/// declarations only as a whole (`mentor: ana`, `agenda … for ana_dave`), never re-resolved,
/// and rules report at them through loops over their kinds; a waiver counts when it waives a
/// violation at an entity of its own file. Programmes, competencies, pathways (steps make
/// `completed` valid or not elsewhere), rules and `field`s are left to the full build.
private let recheckableKinds: Set<DeclarationKind> = [.agreement, .person, .agenda, .waiver, .test]

extension Engine {
    /// The diagnostics `check` would report in file `id` if its text were `bytes`, every other
    /// file staying as it was built, or `.declined` when that cannot be known exactly without
    /// building the programme again (see docs/editors.md, "What happens on an edit").
    /// `baseline` is `check`'s report of the programme as built. The programme is left as it
    /// was: the file's entities are evaluated in place and put back before this returns.
    public func recheck(_ id: FileID, bytes: [UInt8], baseline: RecheckBaseline) -> FileRecheck {
        withLargeStack { recheckOnLargeStack(id, bytes: bytes, baseline: baseline) }
    }

    private func recheckOnLargeStack(_ id: FileID, bytes: [UInt8], baseline: RecheckBaseline) -> FileRecheck {
        guard let old = sources.file(id), old.path != StandardLibrary.path, userFiles.contains(id) else {
            return .declined("not a file of the programme")
        }
        guard !baseline.unplaced else { return .declined("a diagnostic points at no file") }
        guard model.replacements == 0 else { return .declined("the programme replaced declarations") }
        // Counts the old text twice: a file that grew past the size limit is the full build's to refuse.
        guard sourceBytes + bytes.count <= options.maxSourceBytes else { return .declined("near the size limit") }
        guard let (map, file) = sources.replacing(id, bytes: bytes) else { return .declined("not a file of the programme") }
        let parsed = Parser.parse(file)
        guard !parsed.syntax.items.contains(where: { if case .importDecl = $0 { true } else { false } }) else {
            return .declined("the file imports")
        }
        // A syntax error stops `check` after parsing: the file's part is its parse diagnostics.
        if parsed.diagnostics.contains(where: { $0.severity == .error }) { return .checked(parsed.diagnostics, sources: map) }
        if !baseline.syntaxFailed.subtracting([id]).isEmpty { return .checked(parsed.diagnostics, sources: map) }
        guard !baseline.syntaxFailed.contains(id) else { return .declined("the programme did not parse") }
        guard !baseline.declarationProblems.contains(id) else { return .declined("declaring the file reported a problem") }
        guard baseline.elaborated || !baseline.loadFailed.subtracting([id]).isEmpty else {
            return .declined("the programme did not resolve because of this file")
        }
        let oldParsed = Parser.parse(old)
        guard let declarations = matchingDeclarations(old: oldParsed.syntax, new: parsed.syntax, file: id) else {
            return .declined("the file's declarations changed")
        }
        let entities = declarations.map(\.entity)
        var plans: [(EntityRef, RestrictedRule)] = []
        if baseline.elaborated {
            guard !baseline.ruleStopped else { return .declined("a rule stopped") }
            guard model.filesWithComputedFields.subtracting([id]).isEmpty else {
                return .declined("another file's field reads values")
            }
            let userFileIDs = Set(userFiles)
            guard !globals.bindings.contains(where: { binding in
                if case .lazyLet(_, _, let span) = binding { return userFileIDs.contains(span.file) }
                return false
            }) else { return .declined("the programme has top-level lets") }
            let kinds = Set(entities.map(\.kind))
            let childMembers = RestrictedRule.childMembers.subtracting(model.schemas.programmeFields.map(\.name))
            for rule in model.entities(of: .rule) {
                guard let body = interpreter.ruleBodies[rule.index] else { continue }
                let plan = RestrictedRule(body, kinds: kinds, globals: globals, childMembers: childMembers)
                if case .unsafe = plan { return .declined("rule `\(model.name(of: rule))` cannot be restricted to the file") }
                plans.append((rule, plan))
            }
        }
        return withSwappedEntities(declarations, syntax: parsed.syntax, sources: map) { resolution in
            var diagnostics = parsed.diagnostics + resolution.diagnostics
            guard baseline.elaborated, !resolution.diagnostics.contains(where: { $0.severity == .error }) else {
                return .checked(map.inReadingOrder(diagnostics), sources: map)
            }
            if !baseline.evaluationFailed.subtracting([id]).isEmpty, resolution.declarations.contains(where: { declaration in
                declaration.fields.contains { if case .pending(let field) = $0 { !FieldCodeShape.readsNoValues(field.code) } else { false } }
            }) {
                return .declined("a field reads values and an evaluation failed elsewhere")
            }
            diagnostics += Elaborator(model: model, interpreter: interpreter).elaborate(entities)
            // Whether a waiver waives anything depends on every violation at its target: those at another file's are not run.
            let indices = Set(entities.map(\.index))
            for waiver in entities where waiver.kind == .waiver {
                if case .entity(let target)? = model.value(of: waiver, at: KindSchema.forSlot), !indices.contains(target.index) {
                    return .declined("waiver `\(model.name(of: waiver))` is for a declaration of another file")
                }
            }
            guard let violations = restrictedViolations(plans, to: entities) else { return .declined("a rule stopped") }
            diagnostics += violations
            return .checked(map.inReadingOrder(diagnostics.filter { $0.span.file == id }), sources: map)
        }
    }

    /// The new declarations of the file paired with the entities the old ones made, when the
    /// new text declares the same kinds and names in the same nesting as the old (so declaring
    /// it again would make the same entities, and nothing else resolves differently); nil otherwise.
    private func matchingDeclarations(old: SourceFileSyntax, new: SourceFileSyntax, file: FileID) -> [(declaration: Declaration, entity: EntityRef, item: Int, member: Int?)]? {
        guard let oldShape = Engine.shape(of: old), let newShape = Engine.shape(of: new), oldShape == newShape else { return nil }
        // Found by name (tests, which have none, among the few tests): the file's old
        // declarations made these entities, since declaring it reported nothing.
        var tests = model.entities(of: .test).filter { model.site(of: $0).kindSpan.file == file }.makeIterator()
        var result: [(Declaration, EntityRef, Int, Int?)] = []
        var position = 0
        for (item, element) in new.items.enumerated() {
            guard case .declaration(let declaration) = element else { continue }
            let shape = newShape[position]
            position += 1
            let found: EntityRef?
            if shape.kind == .test {
                found = tests.next()
            } else if let index = globals.index(of: shape.id), case .entity(let entity, _) = globals.bindings[index] {
                found = entity
            } else {
                found = nil
            }
            guard let entity = found, model.site(of: entity).kindSpan.file == file, entity.kind == shape.kind, model.name(of: entity) == shape.id,
                  model.children(of: entity).map(model.name) == shape.children else { return nil }
            result.append((declaration, entity, item, nil))
            var children = model.children(of: entity).makeIterator()
            for (member, element) in declaration.members.enumerated() {
                guard case .nested(let child) = element else { continue }
                guard let childEntity = children.next(), childEntity.kind == child.kind else { return nil }
                result.append((child, childEntity, item, member))
            }
        }
        return result
    }

    /// One top-level declaration as declaring names it: kind, name, and its children's names.
    private struct DeclarationShape: Equatable {
        let kind: DeclarationKind
        let id: String
        let children: [String]
    }

    /// The declarations of a file holding only declarations of the kinds `recheck` takes, each
    /// with valid children; nil for anything else (a statement, an import, another kind).
    private static func shape(of syntax: SourceFileSyntax) -> [DeclarationShape]? {
        var shapes: [DeclarationShape] = []
        for item in syntax.items {
            guard case .declaration(let declaration) = item, recheckableKinds.contains(declaration.kind) else { return nil }
            let id: String
            if declaration.kind == .test {
                id = Declarer.plainText(declaration.title) ?? "test"
            } else {
                guard let name = declaration.name else { return nil }
                id = name.name
            }
            var children: [String] = []
            for case .nested(let child) in declaration.members {
                guard DomainSchema.nestedKinds(of: declaration.kind).contains(child.kind) else { return nil }
                if child.kind == .session {
                    children.append(String(child.number ?? 0))
                } else {
                    guard let name = child.name else { return nil }
                    children.append(name.name)
                }
            }
            shapes.append(DeclarationShape(kind: declaration.kind, id: id, children: children))
        }
        return shapes
    }

    /// Resolves the file's new declarations into its entities (new sites, titles and fields in
    /// place of the old, and the new name spans in their global bindings, where the resolver's
    /// notes point), runs `body` with the resolution, and puts everything back: the headers,
    /// the bindings, the fields, the memoised members and the indexes built from fields.
    private func withSwappedEntities(_ declarations: [(declaration: Declaration, entity: EntityRef, item: Int, member: Int?)],
                                     syntax: SourceFileSyntax, sources map: SourceMap,
                                     _ body: (FileResolution) -> FileRecheck) -> FileRecheck {
        let saved = declarations.map { ($0.entity, model.site(of: $0.entity), model.title(of: $0.entity), model.fieldContents(of: $0.entity)) }
        let bindings: [(index: Int, saved: GlobalTable.Binding, declaration: Declaration)] = declarations.compactMap { declaration in
            guard declaration.member == nil, let index = globals.index(of: model.name(of: declaration.entity)),
                  case .entity(let bound, _) = globals.bindings[index], bound.index == declaration.entity.index else { return nil }
            return (index, globals.bindings[index], declaration.declaration)
        }
        let savedCache = model.cache
        let savedOverlay = interpreter.overlay
        let savedBound = interpreter.boundEntities
        let savedRecorder = interpreter.recorder
        defer {
            for (entity, site, title, contents) in saved {
                model.replaceHeader(of: entity, site: site, title: title)
                model.replaceFields(of: entity, with: contents)
            }
            for binding in bindings { globals.update(binding.index, binding.saved) }
            model.cache = savedCache
            model.dropDerivedIndexes()
            interpreter.overlay = savedOverlay
            interpreter.boundEntities = savedBound
            interpreter.recorder = savedRecorder
        }
        model.cache.removeAll()
        for (declaration, entity, _, _) in declarations {
            model.replaceHeader(of: entity, site: DeclarationSite(declaration), title: Declarer.plainText(declaration.title))
            model.replaceFields(of: entity, with: ([], []))
        }
        for binding in bindings {
            if case .entity(let entity, _) = binding.saved { globals.update(binding.index, .entity(entity, nameSpan: binding.declaration.nameSpan)) }
        }
        guard let file = map.file(syntax.file) else { return .declined("not a file of the programme") }
        let resolver = FileResolver(globals: globals, schemas: model.schemas, sources: map, echo: false)
        let input = FileToResolve(file: file, syntax: syntax, lets: [],
                                  declarations: declarations.map { PendingDeclaration(item: $0.item, member: $0.member, entity: $0.entity, name: model.name(of: $0.entity)) })
        let resolution = resolver.resolve(input)
        for declaration in resolution.declarations {
            model.setGivenFields(declaration.givenFields, of: declaration.entity)
            var stored: [StoredField] = []
            var pending: [PendingField] = []
            for field in declaration.fields {
                switch field {
                case .pending(let field): pending.append(field)
                case .value(let slot, let value): stored.append(StoredField(slot: slot, value: value))
                }
            }
            model.replaceFields(of: declaration.entity, with: (stored, pending))
        }
        return body(resolution)
    }

    /// Runs the rules `plans` restrict to `entities` (their loops over the entities' kinds bind
    /// only them) and returns their diagnostics as `check` makes them; nil when one stopped,
    /// since `check` would then report the failure in place of its violations.
    private func restrictedViolations(_ plans: [(EntityRef, RestrictedRule)], to entities: [EntityRef]) -> [Diagnostic]? {
        var waivers = WaiverLedger(model: model, today: interpreter.today)
        var diagnostics: [Diagnostic] = []
        let restriction = LoopRestriction(entities)
        for case (let rule, .restricted) in plans {
            interpreter.resetBudget()
            interpreter.overlay.loopRestriction = restriction
            guard let outcomes = try? interpreter.runRuleBody(rule) else { return nil }
            for outcome in outcomes {
                var diagnostic = RuleRunner.diagnostic(for: outcome, rule: rule, in: model)
                waivers.apply(to: &diagnostic, rule: rule, entity: outcome.entity)
                diagnostics.append(diagnostic)
            }
        }
        // As `check` words them; those of other files' waivers are dropped with the rest of their files.
        diagnostics += waivers.warnings(stopped: [])
        return diagnostics
    }
}
