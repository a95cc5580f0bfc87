import Testing

/// Usage errors quote the offending argument; golden files cannot hold raw control bytes in
/// their `// mentor:` line, so these cases call `mentor` in-process with them.
@Suite("Usage errors show arguments escaped")
struct UsageErrorTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        /// The escaped form of the argument that must appear in the message.
        let shown: String
        var testDescription: String { shown }
    }

    @Test(arguments: [
        Case(arguments: ["run", "--today", "20\u{1B}[2J26", "x.mentor"], shown: "'20\\u{1B}[2J26'"),
        Case(arguments: ["check", "--color", "\u{1B}]8;;https://evil.example\u{7}"],
             shown: "'\\u{1B}]8;;https://evil.example\\u{07}'"),
        Case(arguments: ["export", "--format", "ics\u{9B}2J"], shown: "'ics\\u{9B}2J'"),
        Case(arguments: ["check", "--\u{1B}[31mbad"], shown: "'--\\u{1B}[31mbad'"),
        Case(arguments: ["\u{202E}run"], shown: "'\\u{202E}run'"),
        Case(arguments: ["explain", "M0501", "\u{85}extra\u{1B}[0m"], shown: "'\\u{85}extra\\u{1B}[0m'"),
    ])
    func argumentIsEscaped(_ usage: Case) {
        let result = runMentor(usage.arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let raw: [Unicode.Scalar] = ["\u{1B}", "\u{7}", "\u{85}", "\u{9B}", "\u{202E}"]
        #expect(!result.stderr.unicodeScalars.contains(where: raw.contains), "raw control in: \(result.stderr)")
        #expect(result.stderr.contains(usage.shown), "\(result.stderr)")
        // The message keeps its own layout: the usage line and the hint stay on lines of their own.
        #expect(result.stderr.split(separator: "\n").contains { $0.hasPrefix("Usage: mentor") })
    }
}
