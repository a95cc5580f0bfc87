@testable import MentorRuntime
import MentorSource
import MentorSyntax
import Testing

/// `SyntaxCompaction` changes no tree, only the room its arrays hold; `ParallelParsing`
/// hands back each file's compacted parse in the files' order.
@Suite("SyntaxCompaction")
struct SyntaxCompactionTests {
    static let source = """
        agreement ana_dave {
          mentor: dave
          channels: [chat]
          signed: { dave: 2026-01-02, ana: 2026-01-03, notes: [["a"], [1, 2, 3, 4, 5]] }
          goal speaking "Speak up" {
            measure: "talks"
            target: [1]
          }
        }
        let xs = [1]
        rule r { require 1 == 1 }
        """

    /// Every list literal's array in a field value, depth first.
    static func lists(in syntax: SourceFileSyntax) -> [[Expr]] {
        var found: [[Expr]] = []
        func visit(_ expr: Expr) {
            switch expr.kind {
            case .list(let elements, _):
                found.append(elements)
                elements.forEach(visit)
            case .record(let fields, _):
                fields.forEach { visit($0.value) }
            default:
                break
            }
        }
        func visit(_ declaration: Declaration) {
            for member in declaration.members {
                switch member {
                case .field(let field): visit(field.value)
                case .nested(let child): visit(child)
                }
            }
        }
        for case .declaration(let declaration) in syntax.items { visit(declaration) }
        return found
    }

    @Test("the compacted tree equals the parsed one, with its lists sized to their elements")
    func compactionKeepsTheTree() {
        let file = SourceMap().add(path: "compact.mentor", text: Self.source)
        let parsed = Parser.parse(file)
        #expect(parsed.diagnostics.isEmpty)
        var compacted = parsed.syntax
        SyntaxCompaction.compact(&compacted)
        #expect(compacted == parsed.syntax)
        let before = Self.lists(in: parsed.syntax)
        let after = Self.lists(in: compacted)
        #expect(after.map(\.count) == [1, 2, 1, 5, 1])
        // The parser reserves room for four elements; a compacted one-element list holds less
        // (the allocator may round a small array up by an element or so).
        #expect(before[0].capacity >= 4)
        #expect(after[0].capacity < 4)
    }

    @Test("files are parsed in their order, each compacted", arguments: [1, 2, 7])
    func parallelParseKeepsOrder(fileCount: Int) {
        let sources = SourceMap()
        let files = (0..<fileCount).map { sources.add(path: "f\($0).mentor", text: "let x\($0) = [\($0)]\n" + Self.source) }
        let results = ParallelParsing.parse(files)
        #expect(results.map(\.syntax.file) == files.map(\.id))
        for (file, result) in zip(files, results) {
            #expect(result.syntax == Parser.parse(file).syntax)
        }
    }
}
