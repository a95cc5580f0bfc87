/// The fuzz targets: each names one path through the toolchain and the properties that must
/// hold for every input on it. `Fuzz/Targets/*.swift` hand libFuzzer's bytes to `violations`,
/// and the regression tests feed every saved reproducer through the same function, so a
/// finding stays fixed on exactly the path where it was found.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `Lexer.tokenize` and the lexical diagnostics.
    case lexer
    /// `Parser.parse` and rendering its diagnostics.
    case parser
    /// `mentor check` on one file: load, resolve, type-check, every rule, `import std`.
    case check
    /// The REPL gathering lines into entries with `Engine.isIncomplete`.
    case repl
    /// `mentor fmt`: formatting keeps the tree and comments, and formatting twice changes nothing.
    case fmt
    /// The language server's build (name uses recorded, past syntax errors) and every position query.
    case queries

    /// Runs `bytes` down this target's path. A crash, hang or sanitizer report is a finding
    /// too, caught by libFuzzer rather than here.
    public func run(_ bytes: [UInt8]) -> FuzzOutcome {
        switch self {
        case .lexer: LexerProperties.run(bytes)
        case .parser: ParserProperties.run(bytes)
        case .check: CheckPipelineProperties.run(bytes)
        case .repl: REPLInputProperties.run(bytes)
        case .fmt: FormatterProperties.run(bytes)
        case .queries: QueryProperties.run(bytes)
        }
    }

    /// The libFuzzer entry point's body: stops the process with the violations, which
    /// libFuzzer records as a crash with its input.
    public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let found = run(bytes).violations
        if !found.isEmpty {
            fatalError("\(rawValue) fuzz target: " + found.joined(separator: "; "))
        }
        return 0
    }
}
