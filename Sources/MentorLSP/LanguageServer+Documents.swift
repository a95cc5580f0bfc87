import MentorRuntime

extension LanguageServer {
    /// `textDocument/didOpen`: the buffer now stands in for the file on disk.
    func didOpen(_ params: JSONValue) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.stringValue, let text = item?["text"]?.stringValue else { return }
        documents[uri] = TextDocument(uri: uri, version: item?["version"]?.intValue ?? 0, text: text)
        contentChanged(immediately: true)
    }

    /// `textDocument/didChange`: edits applied in order; the edited file is checked at once
    /// when it can be on its own (`recheck`), and the build waits for the burst to pause.
    func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri] else { return }
        var changes: [TextDocument.Change] = []
        for change in params["contentChanges"]?.arrayValue ?? [] {
            guard let text = change["text"]?.stringValue else { continue }
            changes.append(TextDocument.Change(range: LSPRange.parse(change["range"]), text: text))
        }
        document.apply(changes, encoding: encoding)
        if let version = params["textDocument"]?["version"]?.intValue { document.version = version }
        documents[uri] = document
        contentChanged(immediately: false)
        recheck(uri)
    }

    /// `textDocument/didSave`: the file on disk changed too (what other files import may now differ).
    func didSave(_ params: JSONValue) {
        guard params["textDocument"]?["uri"]?.stringValue != nil else { return }
        contentChanged(immediately: true)
    }

    /// `textDocument/didClose`: the file on disk is the truth again.
    func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, documents.removeValue(forKey: uri) != nil else { return }
        contentChanged(immediately: true)
    }

    /// The open buffers that name files, by normalised path.
    var overlays: [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for (uri, document) in documents {
            if let path = DocumentURI.path(of: uri) { result[path] = document.bytes }
        }
        return result
    }

    /// Open documents' URIs by the path they name.
    var openURIByPath: [String: String] {
        var result: [String: String] = [:]
        for uri in documents.keys {
            if let path = DocumentURI.path(of: uri) { result[path] = uri }
        }
        return result
    }

    /// `textDocument/formatting` and `rangeFormatting`.
    func format(_ params: JSONValue, ranged: Bool) -> Result<JSONValue, ProtocolError> {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            return .failure(ProtocolError(ProtocolError.invalidParams, "missing textDocument.uri"))
        }
        guard let document = documents[uri] else {
            return .failure(ProtocolError(ProtocolError.invalidParams, "`\(uri)` is not open"))
        }
        var range: (start: LSPPosition, end: LSPPosition)?
        if ranged {
            guard let given = LSPRange.parse(params["range"]) else {
                return .failure(ProtocolError(ProtocolError.invalidParams, "missing or malformed range"))
            }
            range = given
        }
        return DocumentFormatting.edits(for: document, range: range, encoding: encoding)
            .mapError { ProtocolError(ProtocolError.requestFailed, $0.message) }
    }
}
