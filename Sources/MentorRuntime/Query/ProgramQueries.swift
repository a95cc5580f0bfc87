import MentorSyntax
import MentorSource

/// Answers an editor's questions about positions in a built programme: what a name names,
/// where it is used, how to rename it, what a file declares, what to show on hover, what to
/// offer while typing. Positions are files and UTF-8 byte offsets; answers are spans, with no
/// protocol types. Built from an engine whose options record name uses
/// (`EngineOptions.recordsNameUses`) after it loaded the programme; a new programme needs a new
/// `ProgramQueries`. Not thread-safe: use it where the engine is used.
public final class ProgramQueries {
    let engine: Engine
    let index: SymbolIndex

    /// Indexes the programme `engine` holds now; after a load with syntax errors, what the
    /// parser recovered is declared and resolved first (`Engine.declareRecovered`).
    public init(engine: Engine) {
        self.engine = engine
        engine.declareRecovered()
        index = SymbolIndex(engine: engine)
    }

    /// Every named thing of the programme (the standard library's rules included).
    public var symbols: [QuerySymbol] { index.symbols }

    /// The symbol whose name (declared or used) stands at `offset` of `file`, with the span of
    /// the name there.
    public func symbol(in file: FileID, at offset: UInt32) -> (symbol: QuerySymbol, nameSpan: Span)? {
        guard let occurrence = index.occurrence(in: file, at: offset) else { return nil }
        return (index.symbols[occurrence.symbol], occurrence.span)
    }

    /// Where the name at `offset` of `file` is declared: the span of its name in the declaration.
    public func definition(in file: FileID, at offset: UInt32) -> Span? {
        symbol(in: file, at: offset)?.symbol.nameSpan
    }

    /// Every place the name at `offset` of `file` stands, in every file, in reading order (its
    /// declaration included when `includingDeclaration`).
    public func references(in file: FileID, at offset: UInt32, includingDeclaration: Bool = true) -> [Span] {
        guard let occurrence = index.occurrence(in: file, at: offset) else { return [] }
        let declaration = index.symbols[occurrence.symbol].nameSpan
        let spans = (index.occurrencesBySymbol[occurrence.symbol] ?? []).filter { includingDeclaration || $0 != declaration }
        return Array(Set(spans)).sorted { ($0.file, $0.start) < ($1.file, $1.start) }
    }
}
