import MentorREPL

/// A backend that records what the loop asks and answers from tables.
final class RecordingBackend: REPLBackend {
    var evaluated: [String] = []
    /// The entries exactly as the session handed them on.
    var evaluatedBytes: [[UInt8]] = []
    var metaCalls: [(name: String, argument: String)] = []
    var completionRequests: [String] = []
    var interruptRequests = 0
    var outputs: [String: REPLOutput] = [:]
    var metaCommands: [(name: String, summary: String)] = [
        ("load", "Load FILE... into the session"), ("list", "List declarations"), ("check", "Run every rule"),
    ]
    var onEvaluate: ((String) -> Void)?

    /// When set, `isIncomplete` always says complete, as the parser does for an entry with an error.
    var parserSeesErrors = false

    /// Incomplete while brackets are open or the text ends with an operator or comma.
    func isIncomplete(_ bytes: [UInt8]) -> Bool {
        if parserSeesErrors { return false }
        let source = String(decoding: bytes, as: UTF8.self)
        var depth = 0
        for character in source {
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
        }
        let last = source.last { !$0.isWhitespace }
        return depth > 0 || last == "+" || last == ","
    }

    func evaluate(_ bytes: [UInt8]) -> REPLOutput {
        evaluatedBytes.append(bytes)
        let source = String(decoding: bytes, as: UTF8.self)
        evaluated.append(source)
        onEvaluate?(source)
        return outputs[source] ?? REPLOutput(stdout: "value of \(source)")
    }

    func completions(for lineBeforeCursor: String) -> Completion {
        completionRequests.append(lineBeforeCursor)
        return Completion(replacementStart: 0, candidates: ["backend"])
    }

    func runMetaCommand(_ name: String, argument: String) -> REPLOutput {
        metaCalls.append((name, argument))
        return REPLOutput(stdout: "ran \(name)(\(argument))", shouldQuit: name == "check" && argument == "and leave")
    }

    func requestInterrupt() { interruptRequests += 1 }
}

/// Lines typed from a script; records the prompts shown and the entries remembered.
final class ScriptedInput: REPLLineSource {
    var script: [LineEditor.Input]
    var prompts: [String] = []
    var remembered: [String] = []
    let isInteractive: Bool

    init(_ script: [LineEditor.Input], interactive: Bool = true) {
        self.script = script
        self.isInteractive = interactive
    }

    convenience init(lines: [String], interactive: Bool = true) {
        self.init(lines.map { .line($0) }, interactive: interactive)
    }

    func readLine(prompt: String) -> LineEditor.Input {
        prompts.append(prompt)
        return script.isEmpty ? .endOfFile : script.removeFirst()
    }

    func remember(_ entry: String) { remembered.append(entry) }
}

/// Keeps what the loop prints, per stream.
final class CapturingWriter: REPLWriter {
    var standardOutput = ""
    var standardError = ""

    func write(_ text: String, to stream: REPLStream) {
        switch stream {
        case .standardOutput: standardOutput += text
        case .standardError: standardError += text
        }
    }
}
