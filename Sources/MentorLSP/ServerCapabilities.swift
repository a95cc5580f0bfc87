import MentorRuntime

/// What the server tells the client it can do, in `initialize`'s reply.
enum ServerCapabilities {
    /// The capabilities object for the negotiated `encoding`.
    static func json(encoding: PositionEncoding) -> JSONValue {
        [
            "positionEncoding": .string(encoding.rawValue),
            // Incremental sync: the client sends only what changed.
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "documentFormattingProvider": true,
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "renameProvider": ["prepareProvider": true],
            "completionProvider": ["triggerCharacters": [".", ":", "\"", " "]],
            "documentSymbolProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            "executeCommandProvider": ["commands": [.string(LanguageServer.showLocationCommand)]],
            "workspaceSymbolProvider": true,
            "foldingRangeProvider": true,
            "semanticTokensProvider": [
                "legend": ["tokenTypes": .array(SemanticTokenType.legend.map { .string($0) }),
                           "tokenModifiers": .array(SemanticTokenModifier.legend.map { .string($0) })],
                "full": true,
            ],
            "documentRangeFormattingProvider": true,
            "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
        ]
    }
}
