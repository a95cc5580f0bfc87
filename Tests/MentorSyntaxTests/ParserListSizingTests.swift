import MentorSource
@testable import MentorSyntax
import Testing

/// The parser allocates each member list, record and list literal at its length (trees are
/// held until every file is declared), collecting nested lists above their parents' elements.
@Suite("Parser list sizing")
struct ParserListSizingTests {
    static let source = """
        agreement ana_dave {
          mentor: dave
          channels: [chat]
          signed: { dave: 2026-01-02, ana: 2026-01-03, notes: [["a"], [1, 2, 3, 4, 5]] }
          goal speaking "Speak up" {
            measure: "talks"
            target: [1]
            step first { done: [] }
          }
          cadence: weekly
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

    /// The array's length, give or take the allocator rounding a block up to its size class
    /// (an element, or an eighth for a long array); the parser used to reserve four elements
    /// a list and eight members a body.
    static func isExact<Element>(_ array: [Element]) -> Bool {
        array.capacity <= array.count + max(1, array.count / 8)
    }

    @Test("nested members, records and lists are read in order, each at its length")
    func listsHaveTheirLength() throws {
        let file = SourceMap().add(path: "sizes.mentor", text: Self.source)
        let parsed = Parser.parse(file)
        #expect(parsed.diagnostics.isEmpty)
        guard case .declaration(let agreement) = parsed.syntax.items[0] else {
            Issue.record("the first item is not a declaration")
            return
        }
        let names = agreement.members.map { member -> String in
            switch member {
            case .field(let field): field.name.name
            case .nested(let child): child.name?.name ?? "?"
            }
        }
        #expect(names == ["mentor", "channels", "signed", "speaking", "cadence"])
        #expect(Self.isExact(agreement.members))
        guard case .nested(let goal) = agreement.members[3] else {
            Issue.record("the fourth member is not the goal")
            return
        }
        #expect(goal.members.count == 3)
        #expect(Self.isExact(goal.members))
        let lists = Self.lists(in: parsed.syntax)
        #expect(lists.map(\.count) == [1, 2, 1, 5, 1, 0])
        for list in lists { #expect(Self.isExact(list)) }
        guard case .field(let signed) = agreement.members[2], case .record(let fields, _) = signed.value.kind else {
            Issue.record("`signed` is not a record")
            return
        }
        #expect(fields.map(\.name.name) == ["dave", "ana", "notes"])
        #expect(Self.isExact(fields))
    }

    @Test("a list abandoned after an error leaves the next lists whole")
    func abandonedListLeavesNoElements() {
        let source = """
            agreement a {
              one: [1, 2, (
              two: [3, 4]
            }
            agreement b { three: [5] }
            """
        let parsed = Parser.parse(SourceMap().add(path: "broken.mentor", text: source))
        #expect(!parsed.diagnostics.isEmpty)
        let lists = Self.lists(in: parsed.syntax)
        #expect(lists.last.map { $0.count } == 1)
    }
}
