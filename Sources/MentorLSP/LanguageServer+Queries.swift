import MentorRuntime
import MentorSource
import MentorSyntax

extension LanguageServer {
    /// The requests answered from the built programme: they wait for a build that is due or
    /// running, so they see the text the client sent last.
    static let programQueryMethods: Set<String> = [
        "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/prepareRename",
        "textDocument/rename", "textDocument/documentSymbol", "workspace/symbol", "textDocument/foldingRange",
        "textDocument/semanticTokens/full", "textDocument/codeAction",
    ]

    /// Places spans of the latest build in the client's positions.
    var locator: SpanLocator {
        let openURIs = openURIByPath
        return SpanLocator(encoding: encoding) { openURIs[$0] ?? DocumentURI.uri(ofPath: $0) }
    }

    /// The built file a request's `textDocument` names, with the offset of its `position` (if
    /// given); nil for a file that is not part of the programme (outside the workspace).
    func target(_ params: JSONValue) -> (build: WorkspaceBuild, file: SourceFile, offset: UInt32)? {
        guard let build = latest, let uri = params["textDocument"]?["uri"]?.stringValue,
              let path = DocumentURI.path(of: uri), let file = build.files[path] else { return nil }
        let offset = LSPPosition(json: params["position"]).map { locator.offset(of: $0, in: file) } ?? 0
        return (build, file, offset)
    }

    /// Answers one of `programQueryMethods`, or `completion`.
    func query(_ method: String, _ params: JSONValue) -> Result<JSONValue, ProtocolError> {
        if method == "workspace/symbol" { return .success(workspaceSymbols(params["query"]?.stringValue ?? "")) }
        if method == "textDocument/completion" { return .success(completion(params)) }
        // A file outside the programme has nothing to say about it: `null` (or an empty list).
        guard let (build, file, offset) = target(params) else {
            switch method {
            case "textDocument/references", "textDocument/documentSymbol", "textDocument/foldingRange": return .success([])
            case "textDocument/prepareRename", "textDocument/rename":
                return .failure(ProtocolError(ProtocolError.requestFailed, "the file is not part of the workspace's programme"))
            default: return .success(.null)
            }
        }
        let queries = build.queries
        let sources = build.engine.sources
        let locator = self.locator
        switch method {
        case "textDocument/hover":
            guard let hover = queries.hover(in: file.id, at: offset) else { return .success(.null) }
            return .success(["contents": ["kind": "markdown", "value": .string(hover.markdown)],
                             "range": locator.range(of: hover.span, in: file)])
        case "textDocument/definition":
            guard let span = queries.definition(in: file.id, at: offset) else { return .success(.null) }
            return .success(locator.location(of: span, sources: sources) ?? .null)
        case "textDocument/references":
            let including = params["context"]?["includeDeclaration"]?.boolValue ?? true
            return .success(.array(queries.references(in: file.id, at: offset, includingDeclaration: including)
                .compactMap { locator.location(of: $0, sources: sources) }))
        case "textDocument/prepareRename":
            switch queries.prepareRename(in: file.id, at: offset) {
            case .success(let span):
                return .success(["range": locator.range(of: span, in: file), "placeholder": .string(file.text(span))])
            case .failure(let refusal):
                return .failure(ProtocolError(ProtocolError.requestFailed, refusal.message))
            }
        case "textDocument/rename":
            guard let newName = params["newName"]?.stringValue else {
                return .failure(ProtocolError(ProtocolError.invalidParams, "missing newName"))
            }
            switch queries.rename(in: file.id, at: offset, to: newName) {
            case .success(let edits):
                var changes: [(String, JSONValue)] = []
                for (id, fileEdits) in edits.sorted(by: { $0.key < $1.key }) {
                    guard let edited = sources.file(id), edited.path != Engine.standardLibraryPath else { continue }
                    changes.append((locator.uriOfPath(LexicalPath.normalized(edited.path)), .array(fileEdits.map {
                        ["range": locator.range(of: $0.span, in: edited), "newText": .string($0.newText)]
                    })))
                }
                return .success(["changes": .object(changes)])
            case .failure(let refusal):
                return .failure(ProtocolError(ProtocolError.requestFailed, refusal.message))
            }
        case "textDocument/documentSymbol":
            return .success(.array(queries.documentSymbols(in: file.id).map { documentSymbol($0, in: file) }))
        case "textDocument/foldingRange":
            return .success(.array(queries.foldingRanges(in: file.id).compactMap { foldingRange($0, in: file) }))
        case "textDocument/semanticTokens/full":
            return .success(["data": .array(semanticTokenData(queries.semanticTokens(in: file.id), in: file).map { .integer($0) })])
        default:
            return .failure(ProtocolError(ProtocolError.methodNotFound, "unknown method `\(method)`"))
        }
    }

    private func documentSymbol(_ symbol: DocumentSymbol, in file: SourceFile) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(symbol.symbol.name)),
            ("detail", .string(symbol.symbol.title.map { "\(symbol.symbol.kind.word) \"\($0)\"" } ?? symbol.symbol.kind.word)),
            ("kind", .integer(LanguageServer.symbolKind(symbol.symbol.kind))),
            ("range", locator.range(of: symbol.symbol.span, in: file)),
            ("selectionRange", locator.range(of: symbol.symbol.nameSpan, in: file)),
        ]
        if !symbol.children.isEmpty { members.append(("children", .array(symbol.children.map { documentSymbol($0, in: file) }))) }
        return .object(members)
    }

    private func workspaceSymbols(_ query: String) -> JSONValue {
        guard let build = latest else { return [] }
        let locator = self.locator
        return .array(build.queries.workspaceSymbols(matching: query).compactMap { symbol in
            guard let location = locator.location(of: symbol.nameSpan, sources: build.engine.sources) else { return nil }
            var members: [(String, JSONValue)] = [
                ("name", .string(symbol.name)), ("kind", .integer(LanguageServer.symbolKind(symbol.kind))), ("location", location),
            ]
            if let container = symbol.containerName { members.append(("containerName", .string(container))) }
            return .object(members)
        })
    }

    /// A fold from the line of its first byte to the line before its closing bracket (so the
    /// bracket stays in sight), or to its last line for comments and strings.
    private func foldingRange(_ range: FoldingRange, in file: SourceFile) -> JSONValue? {
        let startLine = file.lineIndex(of: range.span.start)
        guard !file.bytes.isEmpty else { return nil }
        let last = min(range.span.end > range.span.start ? range.span.end - 1 : range.span.start, UInt32(file.bytes.count - 1))
        var endLine = file.lineIndex(of: last)
        if range.kind == .region, [UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")")].contains(file.bytes[Int(last)]) {
            endLine -= 1
        }
        guard endLine > startLine else { return nil }
        return ["startLine": .integer(startLine), "endLine": .integer(endLine),
                "kind": .string(range.kind == .comment ? "comment" : "region")]
    }

    /// The protocol's relative encoding: for each token, line and start relative to the one
    /// before, its length, its type's and its modifiers' places in the legend.
    private func semanticTokenData(_ tokens: [SemanticToken], in file: SourceFile) -> [Int] {
        let types = Dictionary(uniqueKeysWithValues: SemanticTokenType.allCases.enumerated().map { ($1, $0) })
        let modifiers = Dictionary(uniqueKeysWithValues: SemanticTokenModifier.allCases.enumerated().map { ($1, $0) })
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var previous = LSPPosition(line: 0, character: 0)
        for token in tokens.sorted(by: { $0.span.start < $1.span.start }) {
            let upper = min(Int(token.span.end), file.bytes.count)
            guard Int(token.span.start) < upper else { continue }
            let start = locator.position(of: Int(token.span.start), in: file)
            let length = encoding.units(in: file.bytes[Int(token.span.start)..<upper])
            guard length > 0 else { continue }
            let deltaLine = start.line - previous.line
            data += [deltaLine, deltaLine == 0 ? start.character - previous.character : start.character, length,
                     types[token.type] ?? 0, token.modifiers.reduce(0) { $0 | 1 << (modifiers[$1] ?? 0) }]
            previous = start
        }
        return data
    }

    /// `textDocument/completion`, from the buffer as typed (it need not parse) and the latest build.
    private func completion(_ params: JSONValue) -> JSONValue {
        guard let build = latest, let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri],
              let position = LSPPosition(json: params["position"]) else { return .null }
        // The engine's reading of the text (CRLF as LF), so offsets agree with the query's.
        let source = SourceFile(id: FileID(0), path: DocumentURI.path(of: uri) ?? uri, bytes: document.bytes)
        let locator = self.locator
        let offset = locator.offset(of: position, in: source)
        let items = build.queries.completions(path: source.path, text: String(decoding: source.bytes, as: UTF8.self), at: offset)
        return ["isIncomplete": false, "items": .array(items.map { item in
            var members: [(String, JSONValue)] = [("label", .string(item.label)), ("kind", .integer(LanguageServer.completionKind(item.kind)))]
            if let detail = item.detail { members.append(("detail", .string(detail))) }
            if let documentation = item.documentation {
                members.append(("documentation", ["kind": "markdown", "value": .string(documentation)]))
            }
            let replaced = Span(file: source.id, start: item.replacing.lowerBound, end: item.replacing.upperBound)
            members.append(("textEdit", ["range": locator.range(of: replaced, in: source), "newText": .string(item.insertText)]))
            return .object(members)
        })]
    }

    /// The protocol's `SymbolKind` for a symbol.
    static func symbolKind(_ kind: QuerySymbolKind) -> Int {
        switch kind {
        case .declaration(let declaration):
            switch declaration {
            case .program, .pathway: 3  // Namespace
            case .person: 5  // Class
            case .competency: 10  // Enum
            case .step, .session: 22  // EnumMember
            case .agreement: 23  // Struct
            case .goal: 24  // Event
            case .agenda: 11  // Interface
            case .rule, .test: 6  // Method
            case .waiver: 19  // Object
            case .field: 8  // Field
            }
        case .topLevelLet: 13  // Variable
        case .topLevelFunction: 12  // Function
        case .local(let local): local == .function ? 12 : 13
        }
    }

    /// The protocol's `CompletionItemKind` for an item.
    static func completionKind(_ kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .field: 5  // Field
        case .member: 10  // Property
        case .name: 6  // Variable
        case .keyword: 14  // Keyword
        case .value: 12  // Value
        case .standardRule: 3  // Function
        case .file: 17  // File
        }
    }
}
