@testable import MentorRuntime
import Testing

/// `GlobalTable` finds every name it was given at the index it was given, through its
/// open-addressed `NameIndex`, as its table grows, when a name is bound again, and after `removeAll`.
@Suite("GlobalTable names")
struct GlobalTableTests {
    @Test("every name is found at its index as the table grows; others are not found")
    func growing() {
        let globals = GlobalTable()
        // Past several doublings of the 16 buckets it starts with, names sharing long prefixes.
        let names = (0..<3_000).map { "agreement_\($0)" } + ["a", "b", "é", ""]
        for (position, name) in names.enumerated() { #expect(globals.define(name, .value(.integer(Int64(position)))) == position) }
        for (position, name) in names.enumerated() { #expect(globals.index(of: name) == position) }
        for missing in ["agreement_3000", "agreement_", "c", "agreement_12 "] { #expect(globals.index(of: missing) == nil) }
        #expect(globals.allNames == names)
    }

    @Test("a name bound again keeps its index; reserve refuses a bound name")
    func rebinding() {
        let globals = GlobalTable()
        globals.reserveCapacity(100)
        #expect(globals.reserve("ana") == 0)
        #expect(globals.reserve("ana") == nil)
        #expect(globals.define("bo", .value(.integer(1))) == 1)
        #expect(globals.define("ana", .value(.integer(2))) == 0)
        guard case .value(.number(.integer(2))) = globals.bindings[0] else { Issue.record("ana was not bound again"); return }
        #expect(globals.allNames == ["ana", "bo"])
        globals.removeAll()
        #expect(globals.index(of: "ana") == nil)
        #expect(globals.define("bo", .value(.none)) == 0)
        #expect(globals.index(of: "bo") == 0)
    }
}
