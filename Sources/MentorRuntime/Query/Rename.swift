import MentorSyntax
import MentorSource

/// One replacement of the bytes of a span by new text.
public struct TextEdit: Sendable, Hashable {
    /// The bytes replaced (empty to insert at `span.start`).
    public var span: Span
    /// What replaces them.
    public var newText: String

    /// Creates an edit.
    public init(span: Span, newText: String) {
        self.span = span
        self.newText = newText
    }
}

/// Why a rename cannot be made, in a sentence for the user.
public struct RenameRefusal: Error, Sendable, Hashable {
    /// What is wrong (`` `if` is a reserved word ``).
    public var message: String
}

extension ProgramQueries {
    /// The span of the renamable name at `offset` of `file`; a refusal when the name there cannot
    /// be renamed (a built-in, a session number, the standard library), when the programme has
    /// syntax errors, or there is no name.
    public func prepareRename(in file: FileID, at offset: UInt32) -> Result<Span, RenameRefusal> {
        guard let occurrence = index.occurrence(in: file, at: offset) else {
            return .failure(RenameRefusal(message: "there is no declared name here"))
        }
        let symbol = index.symbols[occurrence.symbol]
        guard symbol.isRenamable else {
            return .failure(RenameRefusal(message: "`\(symbol.name)` cannot be renamed here"))
        }
        // The uses in the text the parser skipped are not known: a rename would leave them behind.
        guard !engine.program.isRecovered else {
            return .failure(RenameRefusal(message: "the programme has syntax errors: fix them first, so that every use of `\(symbol.name)` is renamed"))
        }
        return .success(occurrence.span)
    }

    /// The edits, by file, that rename the name at `offset` of `file` to `newName` everywhere it
    /// stands; a refusal when `newName` is not a name, is a reserved word, or is already declared
    /// where the renamed name is.
    public func rename(in file: FileID, at offset: UInt32, to newName: String) -> Result<[FileID: [TextEdit]], RenameRefusal> {
        let prepared = prepareRename(in: file, at: offset)
        guard case .success = prepared, let occurrence = index.occurrence(in: file, at: offset) else {
            if case .failure(let refusal) = prepared { return .failure(refusal) }
            return .failure(RenameRefusal(message: "there is no declared name here"))
        }
        let symbol = index.symbols[occurrence.symbol]
        if let refusal = refusal(renaming: occurrence.symbol, to: newName) { return .failure(refusal) }
        var edits: [FileID: [TextEdit]] = [:]
        for span in Set(index.occurrencesBySymbol[occurrence.symbol] ?? []) where newName != symbol.name {
            edits[span.file, default: []].append(TextEdit(span: span, newText: newName))
        }
        for file in edits.keys { edits[file]!.sort { $0.span.start < $1.span.start } }
        return .success(edits)
    }

    private func refusal(renaming id: SymbolIndex.SymbolID, to newName: String) -> RenameRefusal? {
        let symbol = index.symbols[id]
        if SyntaxVocabulary.reservedWords.contains(where: { $0.word == newName }) {
            return RenameRefusal(message: "`\(newName)` is a reserved word")
        }
        guard SyntaxVocabulary.isName(newName) else {
            return RenameRefusal(message: "`\(newName)` is not a name: a name starts with a letter or `_` and goes on with letters, digits and `_`")
        }
        if newName == symbol.name { return nil }
        // A declared or local name is found before a bare word (`channels: [video]`), so the
        // word would start meaning the renamed thing wherever it is written.
        if SymbolVocabulary.all.contains(newName) {
            return RenameRefusal(message: "`\(newName)` is a word of the language's vocabulary: where it is written bare it would name `\(symbol.name)` instead")
        }
        switch symbol.kind {
        case .declaration where symbol.containerName != nil:
            guard let entity = index.entities[id], let parent = engine.model.parent(of: entity) else { return nil }
            if engine.model.children(of: parent).contains(where: { engine.model.name(of: $0) == newName }) {
                return RenameRefusal(message: "`\(newName)` is already declared in \(parent.kind.rawValue) `\(engine.model.name(of: parent))`")
            }
        case .declaration, .topLevelLet, .topLevelFunction:
            if let other = index.globalSymbol(named: newName) {
                let where_ = engine.sources.file(index.symbols[other].nameSpan.file).map { " (\($0.path):\($0.location(of: index.symbols[other].nameSpan.start).line))" } ?? ""
                return RenameRefusal(message: "`\(newName)` is already declared\(where_)")
            }
            if engine.globals.index(of: newName) != nil {
                return RenameRefusal(message: "`\(newName)` is a built-in name")
            }
        case .local:
            guard let block = index.localBlocks[id] else { return nil }
            if index.locals(inBlock: block).contains(where: { index.symbols[$0].name == newName }) {
                return RenameRefusal(message: "`\(newName)` is already declared in the same scope")
            }
        }
        return captureRefusal(renaming: id, to: newName)
    }

    /// A refusal when the new name would change what a name means somewhere: a place of the
    /// renamed symbol inside the scope of a local already called `newName` (the local would
    /// capture it), or, for a local, a use of another `newName` inside its scope (the renamed
    /// local would hide it). A `let`'s own value counts as inside its scope, which refuses a
    /// rare rename that would have been safe rather than make one that is not.
    private func captureRefusal(renaming id: SymbolIndex.SymbolID, to newName: String) -> RenameRefusal? {
        let others = index.symbols.indices.filter { $0 != id && index.symbols[$0].name == newName }
        let localOthers = others.filter { index.localBlocks[$0] != nil }
        for place in index.placesInBlocks[id] ?? [] {
            for local in localOthers where sees(local, place) {
                return RenameRefusal(message: "`\(newName)` would mean the local `\(newName)` declared at \(describe(index.symbols[local].nameSpan))"
                                     + " where `\(index.symbols[id].name)` is used at \(describe(place.span))")
            }
        }
        guard index.localBlocks[id] != nil else { return nil }
        for other in others {
            // A local declared inside the renamed one's scope is nearer to its own uses.
            if let block = index.localBlocks[other], sees(id, (index.symbols[other].nameSpan, block)) { continue }
            for place in index.placesInBlocks[other] ?? [] where place.span != index.symbols[other].nameSpan && sees(id, place) {
                return RenameRefusal(message: "the local would hide `\(newName)` used at \(describe(place.span))")
            }
        }
        return nil
    }

    /// True when the local `local` is in scope at `place`: declared in the place's block or one
    /// around it, earlier in the same file.
    private func sees(_ local: SymbolIndex.SymbolID, _ place: (span: Span, block: Int)) -> Bool {
        guard let block = index.localBlocks[local] else { return false }
        let declared = index.symbols[local].nameSpan
        return declared.file == place.span.file && declared.start < place.span.start && index.block(place.block, isInside: block)
    }

    /// `path:line:column` of a span's start.
    private func describe(_ span: Span) -> String {
        guard let file = engine.sources.file(span.file) else { return "an unknown place" }
        let location = file.location(of: span.start)
        return "\(file.path):\(location.line):\(location.column)"
    }
}
