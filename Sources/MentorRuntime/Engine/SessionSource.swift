import MentorSyntax
import MentorSource

/// One top-level item the session holds: a declaration, the programme, a test, a `let` or an
/// `fn`, with the comments that belong to it, as it was loaded or typed.
public struct SessionItem: Sendable, Equatable {
    /// The name it declares (`program` for the programme); nil for a test.
    public let name: String?
    /// Its text with its doc comment and the comments around it, unformatted.
    public let text: String
    /// True when it was typed at the prompt rather than loaded from a file.
    public let isTyped: Bool
}

/// What `:save` writes: the session as one self-contained, formatted source file.
public struct SessionSource: Sendable {
    /// The file's text, in `mentor fmt`'s layout.
    public let text: String
    /// How many declarations (the programme, tests, lets and fns included) it holds.
    public let declarationCount: Int
}

/// Cuts a file into the text each top-level item owns, so an item keeps its comments when it
/// is saved or dropped: an item owns everything after the item before it (its doc comment and
/// the comments above it) up to the end of its own last line (a comment after it on that
/// line); the last item also owns the comments that close the file.
enum SourceChunks {
    /// One byte range per span in `spans` (the items' extents, in order) of `bytes`.
    static func ranges(of spans: [Span], in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(spans.count)
        var start = 0
        for (position, span) in spans.enumerated() {
            let itemEnd = min(max(Int(span.end), start), bytes.count)
            var end = bytes.count
            if position + 1 < spans.count {
                end = itemEnd
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                // Two items on one line (`let a = 1; let b = 2`): the line is shared at the item's end.
                if Int(spans[position + 1].start) < end { end = itemEnd }
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// `bytes[range]` without the blank lines, blanks and statement separators around it.
    static func text(_ range: Range<Int>, of bytes: [UInt8]) -> String {
        func isPadding(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";")
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isPadding(bytes[lower]) { lower += 1 }
        while upper > lower, isPadding(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The extent of a top-level item.
    static func span(of item: TopLevelItem) -> Span {
        switch item {
        case .declaration(let declaration): declaration.span
        case .importDecl(let importDecl): importDecl.span
        case .statement(let statement): statement.span
        }
    }
}

extension Engine {
    /// True when `import std` brought the standard library into the session.
    public var importsStandard: Bool { !program.standardRules.isEmpty }

    /// The one `import std` line that brings in the standard rules the session has: `import std`
    /// for all of them, `import std.NAME` for one, else `import std except …`; nil for none.
    public var standardImportLine: String? {
        let loaded = program.standardRules
        guard let one = loaded.first else { return nil }
        let missing = StandardLibrary.ruleNames.filter { !loaded.contains($0) }
        if missing.isEmpty { return "import std" }
        if loaded.count == 1 { return "import std.\(one)" }
        return "import std except " + missing.joined(separator: ", ")
    }

    /// The declarations, programme, tests, lets and fns the session holds, each once in the
    /// form that stands now, in the order they were loaded or typed; imported files' items
    /// stand where their `import` did.
    ///
    /// The session's own tables decide what stands (a redeclared name points at its latest
    /// declaration), so what was replaced, and statements that only ran, are left out.
    public func heldItems() -> [SessionItem] {
        withLargeStack { collectHeldItems() }
    }

    private func collectHeldItems() -> [SessionItem] {
        let programSpan = model.entities(of: .program).first.map { model.site(of: $0).span }
        let testSpans = Set(model.entities(of: .test).map { model.site(of: $0).span })
        let spans = names.spans
        var items: [SessionItem] = []
        var importedPaths: Set<String> = []
        let allFiles = sources.allFiles

        // A load's history lists its imported files after the file importing them, so each
        // file is visited once: inlined where its `import` stood.
        var visited: Set<FileID> = []

        func visit(_ file: SourceFile, typed: Bool) {
            guard visited.insert(file.id).inserted else { return }
            let syntax = Parser.parse(file).syntax
            let ranges = SourceChunks.ranges(of: syntax.items.map(SourceChunks.span(of:)), in: file.bytes)
            for (item, range) in zip(syntax.items, ranges) {
                let name: String?
                switch item {
                case .importDecl(let importDecl):
                    guard case .path(let relative) = importDecl.target else { continue }
                    // A rebuild reuses the file an import read, but the latest of that path is the one in use.
                    let path = Engine.importedPath(relative, from: file.path)
                    guard let imported = allFiles.last(where: { $0.path == path }),
                          importedPaths.insert(reader.canonicalPath(path)).inserted else { continue }
                    visit(imported, typed: typed)
                    continue
                case .declaration(let declaration):
                    switch declaration.kind {
                    case .program:
                        guard declaration.span == programSpan else { continue }
                        name = "program"
                    case .test:
                        guard testSpans.contains(declaration.span) else { continue }
                        name = nil
                    case .field:
                        name = nil
                    default:
                        guard let identifier = declaration.name, spans[identifier.name] == identifier.span else { continue }
                        name = identifier.name
                    }
                case .statement(let statement):
                    let identifier: Identifier
                    switch statement.kind {
                    case .letBinding(let bound, _, _): identifier = bound
                    case .function(let function, _): identifier = function.name
                    default: continue
                    }
                    guard spans[identifier.name] == identifier.span else { continue }
                    name = identifier.name
                }
                items.append(SessionItem(name: name, text: SourceChunks.text(range, of: file.bytes), isTyped: typed))
            }
        }

        for step in loadHistory {
            for file in step.files { visit(file, typed: step.isEntry && step.namedFiles.contains(file.id)) }
        }
        return items
    }

    /// The session as one self-contained file for `:save`: `import std` once if the session
    /// imported it, then every held item (imported files inlined), in `mentor fmt`'s layout, so
    /// `check` and `test` on the file judge the programme `:check` judges.
    public func savedSource() -> SessionSource {
        let items = heldItems()
        var raw = standardImportLine.map { $0 + "\n\n" } ?? ""
        raw += items.map(\.text).joined(separator: "\n\n") + "\n"
        // Every item parsed on its own, so the whole parses; were it refused, the text as
        // loaded is still better than nothing written.
        let formatted = SourceFormatter.format(SourceFile(id: FileID(0), path: "<save>", text: raw)).formatted
        return SessionSource(text: formatted ?? raw, declarationCount: items.count)
    }

    /// True when `path` names a file loaded (or imported) into the session.
    public func isLoadedFile(_ path: String) -> Bool {
        loadedPaths.contains(reader.canonicalPath(path))
    }

    /// The path an `import` of `relative` in the file at `importer` reads, as loading resolves it.
    static func importedPath(_ relative: String, from importer: String) -> String {
        guard let slash = importer.lastIndex(of: "/"), importer[..<slash] != "." else { return relative }
        return String(importer[..<slash]) + "/" + relative
    }
}
