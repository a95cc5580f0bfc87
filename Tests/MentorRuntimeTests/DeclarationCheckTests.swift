import MentorDiagnostics
import MentorRuntime
import Testing

/// The `requires` cycle (M0506) and completed-step (M0507, M0508) checks, whose walks were
/// made linear: the diagnostics must stay those of the old per-competency walk.
struct DeclarationCheckTests {
    /// `line: message` of each diagnostic with `code` after loading `source`.
    private static func diagnostics(_ code: DiagnosticCode, in source: String) -> [String] {
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        let file = engine.addSource(path: "checks.mentor", bytes: Array(source.utf8))
        return engine.load([file]).diagnostics.filter { $0.code == code }.map {
            "\(file.location(of: $0.span.start).line): \($0.message)"
        }
    }

    private static func competencies(_ requires: [(String, [String])]) -> String {
        requires.map { name, required in
            "competency \(name) \"\(name)\" { requires: [\(required.joined(separator: ", "))] }"
        }.joined(separator: "\n")
    }

    /// Competencies with what each requires, and the M0506 diagnostics expected.
    struct CycleCase: Sendable {
        var graph: [(String, [String])]
        var expected: [String]
        init(_ graph: [(String, [String])], _ expected: [String]) {
            self.graph = graph
            self.expected = expected
        }
    }

    static let cycleCases: [CycleCase] = [
        // The golden's pair, reported at the name that sorts first.
        CycleCase([("listening", ["questioning"]), ("questioning", ["listening"])],
                  ["1: competency `listening` requires itself: `listening` → `questioning` → `listening`"]),
        CycleCase([("questioning", ["listening"]), ("listening", ["questioning"])],
                  ["2: competency `listening` requires itself: `listening` → `questioning` → `listening`"]),
        CycleCase([("a", ["a"])], ["1: competency `a` requires itself: `a` → `a`"]),
        // A ring written out of order is reported once, starting at its first name.
        CycleCase([("d", ["b"]), ("c", ["d"]), ("b", ["a"]), ("a", ["c"])],
                  ["4: competency `a` requires itself: `a` → `c` → `d` → `b` → `a`"]),
        // A tail into a cycle: only the cycle is reported, not the competency leading to it.
        CycleCase([("a", ["b"]), ("b", ["c"]), ("c", ["b"])], ["2: competency `b` requires itself: `b` → `c` → `b`"]),
        // The walk follows `requires` in written order, through a branch that leads nowhere.
        CycleCase([("a", ["x", "b"]), ("x", ["y"]), ("y", []), ("b", ["a"])],
                  ["1: competency `a` requires itself: `a` → `b` → `a`"]),
        CycleCase([("a", ["b", "c"]), ("b", ["c"]), ("c", ["a"])],
                  ["1: competency `a` requires itself: `a` → `b` → `c` → `a`"]),
        // Two separate cycles, each once.
        CycleCase([("p", ["q"]), ("q", ["p"]), ("m", ["n"]), ("n", ["m"])],
                  ["1: competency `p` requires itself: `p` → `q` → `p`", "3: competency `m` requires itself: `m` → `n` → `m`"]),
        // No cycle: a chain, a diamond, a competency required twice.
        CycleCase([("a", ["b"]), ("b", ["c"]), ("c", [])], []),
        CycleCase([("a", ["b", "c"]), ("b", ["d"]), ("c", ["d"]), ("d", [])], []),
        CycleCase([("a", ["b", "b"]), ("b", [])], []),
    
    ]

    @Test(arguments: cycleCases)
    func requiresCyclesAreReportedOnceAtTheirFirstName(_ example: CycleCase) {
        #expect(Self.diagnostics(.requiresCycle, in: Self.competencies(example.graph)) == example.expected)
    }

    @Test func aLongRequiresChainHasNoCycleAndALongRingOneDiagnostic() {
        let count = 20_000
        let chain = (0..<count).map { ("c\($0)", $0 + 1 < count ? ["c\($0 + 1)"] : []) }
        #expect(Self.diagnostics(.requiresCycle, in: Self.competencies(chain)) == [])
        let ring = (0..<count).map { ("c\($0)", ["c\(($0 + 1) % count)"]) }
        let found = Self.diagnostics(.requiresCycle, in: Self.competencies(ring))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("1: competency `c0` requires itself: `c0` → `c1` → `c2` → ") == true)
        #expect(found.first?.hasSuffix("→ `c19999` → `c0`") == true)
    }

    private static func person(completing steps: [(String, String)], pathway: [String]) -> String {
        """
        pathway p "P" {
        \(pathway.map { "  step \($0) \"\($0)\"" }.joined(separator: "\n"))
        }
        person ana "Ana" {
          pathway: p
          completed: { \(steps.map { "\($0): \($1)" }.joined(separator: ", ")) }
        }
        """
    }

    @Test func completedStepsAreCheckedAgainstThePathwayByName() {
        let source = Self.person(
            completing: [("b", "2026-02-01"), ("zz", "2026-02-02"), ("a", "2026-03-01"), ("c", "2026-01-15"), ("yy", "2026-04-01")],
            pathway: ["a", "b", "c"])
        #expect(Self.diagnostics(.stepNotInPathway, in: source) == [
            "8: `zz` is not a step of pathway `p`", "8: `yy` is not a step of pathway `p`",
        ])
        #expect(Self.diagnostics(.stepsOutOfOrder, in: source) == [
            "8: `c` was completed on 2026-01-15, before the earlier step `a` (2026-03-01)",
        ])
    }
}
