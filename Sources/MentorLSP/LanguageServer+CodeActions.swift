import MentorDiagnostics
import MentorRuntime
import MentorSource

extension LanguageServer {
    /// The command a "show the rule" action runs: the server asks the client to show the place.
    static let showLocationCommand = "mentor.showLocation"

    /// `textDocument/codeAction`: for each diagnostic of the latest build in the requested range
    /// (those the client lists, when it lists any), the queries' actions: did-you-mean
    /// replacements and a missing field added as edits, the rule of a violation as a command.
    func codeActions(_ params: JSONValue) -> Result<JSONValue, ProtocolError> {
        guard let (build, file, _) = target(params), let range = LSPRange.parse(params["range"]),
              let path = build.path(of: file.id) else { return .success([]) }
        let locator = self.locator
        let start = locator.offset(of: range.start, in: file)
        let end = locator.offset(of: range.end, in: file)
        let conversion = DiagnosticConversion(locator: locator, docsBaseURL: docsBaseURL)
        let listed = params["context"]?["diagnostics"]?.arrayValue ?? []
        var actions: [JSONValue] = []
        for diagnostic in build.diagnostics[path] ?? [] {
            // Touching the range counts, so a cursor at either end of the underlined name offers the fix.
            guard diagnostic.span.start <= end, start <= diagnostic.span.end,
                  let converted = conversion.convert(diagnostic, sources: build.engine.sources) else { continue }
            if !listed.isEmpty, !listed.contains(where: { $0["code"] == converted["code"] && $0["range"] == converted["range"] }) {
                continue
            }
            for action in build.queries.codeActions(for: diagnostic) {
                var members: [(String, JSONValue)] = [("title", .string(action.title))]
                switch action.kind {
                case .quickFix:
                    var changes: [(String, JSONValue)] = []
                    for (id, edits) in action.edits.sorted(by: { $0.key < $1.key }) {
                        guard let edited = build.engine.sources.file(id), let editedPath = build.path(of: id) else { continue }
                        changes.append((locator.uriOfPath(editedPath), .array(edits.map {
                            ["range": locator.range(of: $0.span, in: edited), "newText": .string($0.newText)]
                        })))
                    }
                    members += [("kind", "quickfix"), ("diagnostics", [converted]), ("isPreferred", .bool(action.isPreferred)),
                                ("edit", ["changes": .object(changes)])]
                case .showLocation:
                    guard let span = action.location, let location = locator.location(of: span, sources: build.engine.sources) else {
                        continue
                    }
                    members += [("diagnostics", [converted]),
                                ("command", ["title": .string(action.title), "command": .string(LanguageServer.showLocationCommand),
                                             "arguments": [location]])]
                }
                actions.append(.object(members))
            }
        }
        return .success(.array(actions))
    }

    /// `workspace/executeCommand` for `mentor.showLocation`: asks the client (`window/showDocument`)
    /// to show the location given as the argument.
    func executeCommand(_ params: JSONValue) -> Result<JSONValue, ProtocolError> {
        guard params["command"]?.stringValue == LanguageServer.showLocationCommand,
              let location = params["arguments"]?.arrayValue?.first, let uri = location["uri"]?.stringValue,
              let range = location["range"] else {
            return .failure(ProtocolError(ProtocolError.invalidParams, "unknown command or arguments"))
        }
        let id = nextOutgoingID
        nextOutgoingID += 1
        send(["jsonrpc": "2.0", "id": .string("mentor-\(id)"), "method": "window/showDocument",
              "params": ["uri": .string(uri), "takeFocus": true, "selection": range]])
        return .success(.null)
    }
}
