import Testing

@testable import MentorREPL

@Suite("Meta-commands")
struct MetaCommandTests {
    @Test(
        "a line starting with a colon splits into name and trimmed argument",
        arguments: [
            (":load a.mentor b.mentor", "load", "a.mentor b.mentor"),
            ("  :quit", "quit", ""),
            (":show   ana_dave  ", "show", "ana_dave"),
            (":", "", ""),
        ])
    func parsing(line: String, name: String, argument: String) {
        #expect(MetaCommandLine(line) == MetaCommandLine(name: name, argument: argument))
    }

    @Test("other lines are not meta-commands")
    func notMeta() {
        #expect(MetaCommandLine("1 + 2") == nil)
        #expect(MetaCommandLine("") == nil)
    }

    @Test(
        "names resolve exactly, then by unique prefix, else with suggestions",
        arguments: [
            ("load", MetaCommandResolution.command("load")),
            ("q", .command("quit")),
            ("he", .command("help")),
            ("l", .ambiguous(["load", "list"])),
            ("lod", .unknown(suggestions: ["load"])),
            ("chek", .unknown(suggestions: ["check"])),
            ("xyzzy", .unknown(suggestions: [])),
            ("", .unknown(suggestions: [])),
        ])
    func resolution(typed: String, expected: MetaCommandResolution) {
        #expect(MetaCommandResolution(typed, among: ["help", "load", "list", "check", "quit"]) == expected)
    }

    @Test(
        "edit distance",
        arguments: [("", "abc", 3), ("load", "load", 0), ("lod", "load", 1), ("kitten", "sitting", 3), ("Inês", "Ines", 1)])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.between(a, b) == expected)
        #expect(EditDistance.between(b, a) == expected)
    }
}

extension MetaCommandLine {
    init(name: String, argument: String) {
        self = MetaCommandLine(":" + name + " " + argument)!
    }
}
