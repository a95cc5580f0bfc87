#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import MentorDiagnostics
import MentorSyntax
import MentorSource

// `mentor-bench lex|parse [--repeat N] [--threads K] FILE…`: reads the files, times N runs
// over all of them, and prints the best run as one JSON line for `Scripts/bench` to collect.
// `mentor-bench tokens FILE…` prints the tokens instead (see `TokenDump`), and
// `mentor-bench declarations FILE…` the parser's declarations (see `DeclarationDump`), and
// `mentor-bench treehash FILE…` a hash of each file's parse (see `TreeHash`).

let usage = "usage: mentor-bench lex|parse [--repeat N] [--threads K] FILE...\n       mentor-bench tokens|declarations|treehash FILE..."

func fail(_ message: String) -> Never {
    // Through the descriptor: the C `stderr` global is shared mutable state to Swift 6.
    let text = Array("mentor-bench: \(message)\n\(usage)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, ["lex", "parse", "tokens", "declarations", "treehash"].contains(mode) else {
    fail("expected lex, parse, tokens, declarations or treehash")
}
arguments.removeFirst()

var repetitions = 5
var threads = 1
var paths: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--repeat", "--threads":
        guard let text = arguments.first, let value = Int(text), value > 0 else { fail("\(argument) needs a positive number") }
        arguments.removeFirst()
        if argument == "--repeat" { repetitions = value } else { threads = value }
    default:
        paths.append(argument)
    }
}
if paths.isEmpty { fail("no files") }
if mode == "lex" && threads != 1 { fail("--threads applies to parse only") }

let files: [SourceFile]
switch SourceLoader.load(paths) {
case .success(let loaded): files = loaded
case .failure(let failure): fail("cannot read \(failure.path)")
}
switch mode {
case "tokens": for line in TokenDump.lines(for: files) { print(line) }
case "declarations": for line in DeclarationDump.lines(for: files) { print(line) }
case "treehash": for line in TreeHash.lines(for: files) { print(line) }
default: break
}
if mode != "lex" && mode != "parse" { exit(0) }
let totalBytes = files.reduce(0) { $0 + $1.bytes.count }

/// Runs the selected work once over all files and returns its checksum.
func runOnce(mode: String, threads: Int, files: [SourceFile]) -> Int {
    switch (mode, threads) {
    case ("lex", _):
        return files.reduce(0) { $0 + Lexer.tokenize($1).count }
    case (_, 1):
        return files.reduce(0) { $0 + ParseChecksum.of(Parser.parse($1)) }
    default:
        return ConcurrentParse.run(ConcurrentParse.shares(of: files, threads: threads))
    }
}

var best = Double.infinity
var checksum = 0
for _ in 0..<repetitions {
    let start = MonotonicClock.now()
    checksum = runOnce(mode: mode, threads: threads, files: files)
    best = min(best, MonotonicClock.now() - start)
}

let megabytesPerSecond = Double(totalBytes) / 1_000_000 / best
print(#"{"mode":"\#(mode)","threads":\#(threads),"files":\#(files.count),"bytes":\#(totalBytes),"repetitions":\#(repetitions),"seconds":\#(best),"mbPerSecond":\#(megabytesPerSecond),"checksum":\#(checksum)}"#)
