import MentorRuntime

/// A build's diagnostics already in the protocol's form, by the URI they are published under:
/// converted on the worker thread, so the server's thread only compares and sends them.
struct ConvertedDiagnostics: Sendable {
    /// The edit generation the build saw.
    let generation: Int
    /// The non-empty diagnostic lists, by URI.
    let byURI: [String: JSONValue]
    /// Lines about paths that could not be read, logged as warnings.
    let problems: [String]
    /// Diagnostics that point at no file of the programme, logged as errors (`CODE: message`).
    let unplaced: [String]

    /// Converts `checked`'s diagnostics; a path is published under `openURIByPath`'s URI when
    /// the client has it open, else under its `file:` URI.
    init(_ checked: CheckedWorkspace, openURIByPath: [String: String], encoding: PositionEncoding, docsBaseURL: String?) {
        func uri(_ path: String) -> String { openURIByPath[path] ?? DocumentURI.uri(ofPath: path) }
        let conversion = DiagnosticConversion(locator: SpanLocator(encoding: encoding, uriOfPath: uri), docsBaseURL: docsBaseURL)
        var byURI: [String: JSONValue] = [:]
        for (path, diagnostics) in checked.diagnostics {
            let converted = diagnostics.compactMap { conversion.convert($0, sources: checked.engine.sources) }
            if !converted.isEmpty { byURI[uri(path)] = .array(converted) }
        }
        generation = checked.generation
        self.byURI = byURI
        problems = checked.problems
        unplaced = checked.unplaced.map { "\($0.code): \($0.message)" }
    }
}
