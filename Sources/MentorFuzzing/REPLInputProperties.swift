import MentorREPL
import MentorRuntime
import struct MentorSyntax.PendingEntry

/// The REPL's line gathering: the input's lines are typed one by one into a real
/// `REPLSession` whose backend asks the real `Engine.isIncomplete`. Every entry the session
/// hands on must be complete, with nothing open (`PendingEntry`), except the last one when
/// the input ends; and the entries must
/// be the typed lines, in order, none lost or repeated.
enum REPLInputProperties {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let text = String(decoding: bytes, as: UTF8.self)
        // Meta-commands (`:load`, `:save` …) would reach the file system; they are the
        // session's business, not the parser's, so such lines are left out.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.drop(while: \.isWhitespace).hasPrefix(":") }
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!),
                            reader: RefusingReader(), output: { _ in })
        let backend = ParserOnlyBackend(engine: engine)
        let input = TypedLines(lines)
        let session = REPLSession(backend: backend, input: input, writer: DiscardingWriter())
        _ = session.run()

        var violations: [String] = []
        for (index, entry) in backend.entries.enumerated() where index != backend.entries.count - 1 {
            if engine.isIncomplete(entry) { violations.append("entry \(index + 1) was evaluated while incomplete") }
            var pending = PendingEntry()
            for line in entry.split(separator: "\n", omittingEmptySubsequences: false) { pending.append(line: line.utf8) }
            if pending.isOpen { violations.append("entry \(index + 1) was evaluated while a bracket, string or comment was open") }
        }
        let typed = lines.filter { !$0.allSatisfy(\.isWhitespace) }
        let evaluated = backend.entries.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        if typed != evaluated { violations.append("the entries are not the typed lines in order") }
        let summary = backend.entries.map { "entry (\(engine.isIncomplete($0) ? "incomplete" : "complete")):\n\($0)\n" }.joined()
        return FuzzOutcome(summary: summary, violations: violations)
    }
}

/// Answers `isIncomplete` with the real engine and records entries instead of running them.
private final class ParserOnlyBackend: REPLBackend {
    let engine: Engine
    var entries: [String] = []

    init(engine: Engine) { self.engine = engine }

    func isIncomplete(_ source: [UInt8]) -> Bool { engine.isIncomplete(source) }

    func evaluate(_ source: [UInt8]) -> REPLOutput {
        entries.append(String(decoding: source, as: UTF8.self))
        return REPLOutput()
    }

    func completions(for lineBeforeCursor: String) -> Completion { Completion(replacementStart: 0, candidates: []) }
    func runMetaCommand(_ name: String, argument: String) -> REPLOutput { REPLOutput() }
    var metaCommands: [(name: String, summary: String)] { [] }
    func requestInterrupt() {}
}

/// Lines piped in (not interactive), then the end of input.
private final class TypedLines: REPLLineSource {
    private var lines: [String]
    private var next = 0
    let isInteractive = false

    init(_ lines: [String]) { self.lines = lines }

    func readLine(prompt: String) -> LineEditor.Input {
        guard next < lines.count else { return .endOfFile }
        next += 1
        return .line(lines[next - 1])
    }

    func remember(_ entry: String) {}
}

/// Swallows the session's output.
private final class DiscardingWriter: REPLWriter {
    func write(_ text: String, to stream: REPLStream) {}
}
