import MentorDiagnostics
import MentorRuntime
import MentorSource

extension LanguageServer {
    /// The fast path of an edit: the edited file's diagnostics, as the full build will report
    /// them, from the last build with only this file's new text (`Engine.recheck`), published
    /// at once with the document's version. It applies only when the last build was made from
    /// what every other file holds now, and only when `recheck` can be exact; otherwise the
    /// full build, due once the typing pauses, publishes as before.
    func recheck(_ uri: String) {
        guard let latest, latest.generation >= lastNonEditGeneration, let document = documents[uri],
              let path = DocumentURI.path(of: uri), let file = latest.files[path] else { return }
        // Another buffer edited since the build makes the build's view of the programme stale.
        for (other, buffer) in documents where other != uri {
            guard let otherPath = DocumentURI.path(of: other), let built = latest.files[otherPath] else { continue }
            guard built.bytes == buffer.bytes else { return logWholeCheck(of: path, because: "another open file changed since the last build") }
        }
        let diagnostics: [Diagnostic]
        let sources: SourceMap
        switch latest.engine.recheck(file.id, bytes: document.bytes, baseline: latest.checked.baseline) {
        case .checked(let found, let map):
            (diagnostics, sources) = (found, map)
        case .declined(let reason):
            return logWholeCheck(of: path, because: reason)
        }
        let openURIByPath = openURIByPath
        let locator = SpanLocator(encoding: encoding) { openURIByPath[$0] ?? DocumentURI.uri(ofPath: $0) }
        let conversion = DiagnosticConversion(locator: locator, docsBaseURL: docsBaseURL)
        let converted = JSONValue.array(diagnostics.compactMap { conversion.convert($0, sources: sources) })
        notify("textDocument/publishDiagnostics", ["uri": .string(uri), "version": .integer(document.version), "diagnostics": converted])
        if diagnostics.isEmpty { published[uri] = nil } else { published[uri] = converted }
    }

    /// Says in the client's log (type 4, shown in its output panel, never as a pop-up) why an
    /// edit waits for the whole programme's check: that takes about one `mentor check`, where
    /// the edited file alone takes milliseconds, and a user wondering why should find the reason.
    private func logWholeCheck(of path: String, because reason: String) {
        notify("window/logMessage", ["type": 4, "message": .string("\(path): checked with the whole programme after the pause: \(reason)")])
    }
}
