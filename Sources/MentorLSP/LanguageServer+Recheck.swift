import MentorRuntime

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
            guard built.bytes == buffer.bytes else { return }
        }
        guard case .checked(let diagnostics, let sources) = latest.engine.recheck(file.id, bytes: document.bytes,
                                                                                  baseline: latest.checked.baseline) else { return }
        let openURIByPath = openURIByPath
        let locator = SpanLocator(encoding: encoding) { openURIByPath[$0] ?? DocumentURI.uri(ofPath: $0) }
        let conversion = DiagnosticConversion(locator: locator, docsBaseURL: docsBaseURL)
        let converted = JSONValue.array(diagnostics.compactMap { conversion.convert($0, sources: sources) })
        notify("textDocument/publishDiagnostics", ["uri": .string(uri), "version": .integer(document.version), "diagnostics": converted])
        if diagnostics.isEmpty { published[uri] = nil } else { published[uri] = converted }
    }
}
