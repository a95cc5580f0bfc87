import Foundation
import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

/// The package's `Tests/` directory, found from this file's path.
let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

/// Every `.mentor` file below `directory`, sorted by path.
func mentorFiles(under directory: URL) -> [URL] {
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
        if url.pathExtension == "mentor" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
}

func parseFile(_ url: URL) throws -> (ParseResult, SourceFile) {
    let bytes = Array(try Data(contentsOf: url))
    let file = SourceFile(id: FileID(0), path: url.lastPathComponent, bytes: bytes)
    return (Parser.parse(file), file)
}

@Suite struct ParserFixtureTests {
    static let fixtures = mentorFiles(under: testsDirectory.appendingPathComponent("Fixtures"))

    @Test func fixturesArePresent() {
        let names = Set(Self.fixtures.map(\.lastPathComponent))
        #expect(names.isSuperset(of: ["tour.mentor", "program.mentor", "people.mentor", "ana_dave.mentor", "ana_ines.mentor"]))
    }

    @Test(arguments: fixtures)
    func fixtureParsesWithoutDiagnostics(url: URL) throws {
        let (result, file) = try parseFile(url)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(!result.isIncomplete)
        #expect(!TreeDump.file(result.syntax).contains("<error>"))
    }

    @Test func tourHasTheExpectedShape() throws {
        let (result, _) = try parseFile(testsDirectory.appendingPathComponent("Fixtures/tour.mentor"))
        let kinds = result.syntax.items.map { item -> String in
            switch item {
            case .declaration(let declaration): declaration.kind.rawValue
            case .importDecl: "import"
            case .statement: "statement"
            }
        }
        #expect(kinds == [
            "program", "competency", "competency", "competency", "competency", "pathway",
            "person", "person", "person", "agreement", "agenda", "rule", "rule", "rule", "test", "test",
        ])
        guard case .declaration(let program) = result.syntax.items[0], case .declaration(let agreement) = result.syntax.items[9],
            case .declaration(let capacity) = result.syntax.items[13]
        else {
            Issue.record("unexpected items")
            return
        }
        #expect(program.docComment == "The program's shared definitions. `///` comments document the next declaration.")
        #expect(program.members.map(TreeDump.member) == [
            "term: 12month", "cadence: ((weekly for 4week), then monthly)", "session_length: 60minute", "max_mentees: 3",
        ])
        #expect(agreement.members.count == 10)
        #expect(capacity.isWarning)
        #expect(TreeDump.declaration(capacity) == """
            rule capacity warning "A mentor has at most the program's number of mentees" { for m in people where \
            (m.mentees.count > program.max_mentees) { fail "\\(m.name) mentors \\(m.mentees.count) people" } }
            """)
        let last = try #require(result.syntax.items.last)
        #expect(TreeDump.item(last) == """
            test "no_supervisor catches a supervising mentor" { expect (violations(no_supervisor, \
            (ana_dave with {mentor: lee})).count == 1) }
            """)
    }

    @Test func everyNodeSpanLiesInsideItsParent() throws {
        for url in Self.fixtures {
            let (result, file) = try parseFile(url)
            for item in result.syntax.items {
                switch item {
                case .declaration(let declaration): SpanCheck.declaration(declaration, in: file)
                case .statement(let statement): SpanCheck.statement(statement, within: nil, in: file)
                case .importDecl: break
                }
            }
        }
    }
}

/// Walks a tree and checks every span is non-empty and inside its parent's.
enum SpanCheck {
    static func inside(_ span: Span, _ parent: Span?, _ file: SourceFile) {
        #expect(span.file == file.id)
        #expect(span.length > 0)
        #expect(Int(span.end) <= file.bytes.count)
        if let parent { #expect(parent.start <= span.start && span.end <= parent.end) }
    }

    static func declaration(_ declaration: Declaration, in file: SourceFile) {
        inside(declaration.kindSpan, declaration.span, file)
        if let name = declaration.name { inside(name.span, declaration.span, file) }
        if let title = declaration.title { expression(title, within: declaration.span, in: file) }
        for member in declaration.members {
            switch member {
            case .field(let field):
                inside(field.span, declaration.span, file)
                expression(field.value, within: field.span, in: file)
            case .nested(let nested):
                inside(nested.span, declaration.span, file)
                self.declaration(nested, in: file)
            }
        }
        for statement in declaration.body { self.statement(statement, within: declaration.span, in: file) }
    }

    static func statement(_ statement: Stmt, within parent: Span?, in file: SourceFile) {
        inside(statement.span, parent, file)
        let span = statement.span
        switch statement.kind {
        case .letBinding(_, let value, _): expression(value, within: span, in: file)
        case .function(let function, _):
            switch function.body {
            case .expression(let body): expression(body, within: span, in: file)
            case .block(let body): for inner in body { self.statement(inner, within: span, in: file) }
            }
        case .ifStatement(let condition, let thenBody, let elseBody, _):
            expression(condition, within: span, in: file)
            for inner in thenBody + (elseBody ?? []) { self.statement(inner, within: span, in: file) }
        case .forLoop(let bindings, let filter, let body, _, _, let bindingFilters):
            for binding in bindings { expression(binding.collection, within: span, in: file) }
            for bindingFilter in bindingFilters { expression(bindingFilter.condition, within: span, in: file) }
            if let filter { expression(filter, within: span, in: file) }
            for inner in body { self.statement(inner, within: span, in: file) }
        case .require(let condition, let message, _), .warn(let condition, let message, _), .expect(let condition, let message, _):
            expression(condition, within: span, in: file)
            if let message { expression(message, within: span, in: file) }
        case .fail(let message): expression(message, within: span, in: file)
        case .expression(let value): expression(value, within: span, in: file)
        case .error: break
        }
    }

    static func expression(_ expression: Expr, within parent: Span, in file: SourceFile) {
        inside(expression.span, parent, file)
        let span = expression.span
        switch expression.kind {
        case .stringLiteral(let parts):
            for case .interpolation(let inner) in parts { self.expression(inner, within: span, in: file) }
        case .list(let elements, _), .cadenceThen(let elements, _):
            for element in elements { self.expression(element, within: span, in: file) }
        case .record(let fields, _), .with(_, let fields, _, _):
            if case .with(let base, _, _, _) = expression.kind { self.expression(base, within: span, in: file) }
            for field in fields { self.expression(field.value, within: field.span, in: file) }
        case .unary(_, let operand), .every(let operand), .parenthesized(let operand, _):
            self.expression(operand, within: span, in: file)
        case .cadenceOn(let cadence, let ordinal, let weekday, _, _):
            self.expression(cadence, within: span, in: file)
            inside(ordinal.span, span, file)
            inside(weekday.span, span, file)
        case .binary(_, let left, let right, _), .cadenceFor(let left, let right, _):
            self.expression(left, within: span, in: file)
            self.expression(right, within: span, in: file)
        case .conditional(let condition, let then, let otherwise, _, _):
            for part in [condition, then, otherwise] { self.expression(part, within: span, in: file) }
        case .lambda(_, let body, _, _): self.expression(body, within: span, in: file)
        case .call(let callee, let arguments, _):
            self.expression(callee, within: span, in: file)
            for argument in arguments { self.expression(argument.value, within: span, in: file) }
        case .member(let base, let name, _):
            self.expression(base, within: span, in: file)
            inside(name.span, span, file)
        case .index(let base, let index, _):
            self.expression(base, within: span, in: file)
            self.expression(index, within: span, in: file)
        default: break
        }
    }
}
