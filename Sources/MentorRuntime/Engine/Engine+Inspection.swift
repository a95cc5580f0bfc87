import MentorDiagnostics
import MentorSource
import MentorSyntax

/// One thing the REPL's `:list` names, with the address `:show` and `:doc` take.
public struct ListedDeclaration: Sendable, Equatable {
    /// `agreement`, `let`, `fn`, `rule`, `test`, `goal`…
    public var kind: String
    /// What `:show` takes: `ana_dave`, `program`, `std.smart_goals`, `ana_dave.savings`, `"a test"`.
    public var address: String
}

extension Engine {
    // A `field` declaration adds to a kind's schema and makes no entity, so there is nothing to list.
    /// The kinds `:list KIND` accepts: every declaration kind but `field`, `let` and `fn`.
    public static var listableKinds: [String] { DeclarationKind.allCases.filter { $0 != .field }.map(\.rawValue) + ["let", "fn"] }

    /// Everything `:show` can address, in `:list`'s order: the programme, the session's names
    /// by name, the standard rules, the tests, then nested goals, steps and sessions by their
    /// path (`ana_dave.savings`).
    public func listedDeclarations() -> [ListedDeclaration] {
        var result: [ListedDeclaration] = []
        if !model.entities(of: .program).isEmpty { result.append(ListedDeclaration(kind: "program", address: "program")) }
        result += declaredNames().map { ListedDeclaration(kind: $0.kind, address: $0.name) }
        result += names.standardRules.map { ListedDeclaration(kind: "rule", address: "std." + $0.name) }
        result += model.entities(of: .test).map { ListedDeclaration(kind: "test", address: Value.quoted(model.name(of: $0))) }
        for parent in [DeclarationKind.agreement, .pathway, .agenda] {
            for entity in model.entities(of: parent) {
                guard let index = globals.index(of: model.name(of: entity)), case .entity(let bound, _) = globals.bindings[index], bound.index == entity.index else { continue }
                result += model.children(of: entity).map { ListedDeclaration(kind: $0.kind.rawValue, address: "\(model.name(of: entity)).\(model.name(of: $0))") }
            }
        }
        return result
    }

    /// The declaration an address names (see `listedDeclarations`).
    func entity(at address: String) -> EntityRef? {
        if address == "program" { return model.entities(of: .program).first }
        if address.hasPrefix("std.") {
            let name = address.dropFirst("std.".count)
            return names.standardRules.first { $0.name == name }?.entity
        }
        if address.hasPrefix("\"") {
            return model.entities(of: .test).first { Value.quoted(model.name(of: $0)) == address }
        }
        let parts = address.split(separator: ".", maxSplits: 1).map(String.init)
        guard let index = globals.index(of: parts[0]), case .entity(let entity, _) = globals.bindings[index] else { return nil }
        guard parts.count == 2 else { return entity }
        return model.children(of: entity).first { model.name(of: $0) == parts[1] }
    }

    /// The source of what `address` names, with its doc comment; nil when it names nothing.
    public func declarationSource(at address: String) -> String? {
        guard let entity = entity(at: address) else { return sourceText(of: address) }
        guard let file = sources.file(model.site(of: entity).span.file) else { return nil }
        return Engine.withDocComment(model.site(of: entity).docComment, file.text(model.site(of: entity).span))
    }

    /// The doc comment of what `address` names; nil when it has none (or names nothing).
    public func declarationDoc(at address: String) -> String? {
        if let entity = entity(at: address) { return model.site(of: entity).docComment }
        return docComment(of: address)
    }

    /// Runs the `test` blocks whose title contains `filter` (all of them when it is empty).
    public func runTests(titleContaining filter: String) -> [TestResult] {
        runTests(where: { filter.isEmpty || $0.contains(filter) })
    }

    /// The names of the standard rules (`std.NAME`), for completion.
    public var standardRuleNames: [String] { names.standardRules.map(\.name) }

    /// The path the standard library's source is registered under (`<std>`): no file a user can open.
    public static var standardLibraryPath: String { StandardLibrary.path }

    /// The static type of `text` (`:type`), found from the resolved code and the schema
    /// without evaluating anything, or its diagnostics.
    public func staticType(of text: String) -> EntryResult {
        let file = sources.add(path: Engine.replPath, text: text)
        let parsed = Parser.parse(file)
        if parsed.diagnostics.contains(where: { $0.severity == .error }) { return EntryResult(output: "", diagnostics: parsed.diagnostics) }
        guard parsed.syntax.items.count == 1, case .statement(let statement) = parsed.syntax.items[0],
              case .expression(let expression) = statement.kind else {
            return EntryResult(output: "", diagnostics: [Diagnostic(.undeclaredName, .error, "`:type` takes one expression",
                                                                    at: Span(file: file.id, start: 0, end: UInt32(file.bytes.count)))])
        }
        var resolver = Resolver(globals: globals, schemas: model.schemas)
        let code = resolver.resolveExpression(expression)
        if !resolver.diagnostics.isEmpty { return EntryResult(output: "", diagnostics: resolver.diagnostics) }
        var inference = StaticTypeInference(globals: globals, schemas: model.schemas, givenProgramDefaults: givenProgramDefaults())
        let type = withLargeStack { inference.infer(code) }
        if !inference.diagnostics.isEmpty { return EntryResult(output: "", diagnostics: inference.diagnostics) }
        return EntryResult(output: type.description + "\n", diagnostics: [])
    }

    /// The slots of the fields the `program` declaration gives (evaluated or not).
    private func givenProgramDefaults() -> Set<Int> {
        guard let program = model.entities(of: .program).first else { return [] }
        return Set(model.schema(of: program).fields.map(\.slot).filter { model.value(of: program, at: $0) != nil || model.pendingField(of: program, at: $0) != nil })
    }

    /// The field names of the entity kind `text` has statically (`with { … }` completion);
    /// empty when it is not an entity. Nothing is evaluated.
    public func withFieldNames(ofExpression text: String) -> [String] {
        let file = SourceFile(id: FileID(UInt32.max - 1), path: Engine.replPath, text: text)
        let parsed = Parser.parse(file)
        guard parsed.diagnostics.isEmpty, parsed.syntax.items.count == 1, case .statement(let statement) = parsed.syntax.items[0],
              case .expression(let expression) = statement.kind else { return [] }
        var resolver = Resolver(globals: globals, schemas: model.schemas)
        let code = resolver.resolveExpression(expression)
        guard resolver.diagnostics.isEmpty else { return [] }
        var inference = StaticTypeInference(globals: globals, schemas: model.schemas, givenProgramDefaults: givenProgramDefaults())
        guard case .entity(let kind) = withLargeStack({ inference.infer(code) }) else { return [] }
        return model.schemas.schema(of: kind).fields.map(\.name)
    }
}
