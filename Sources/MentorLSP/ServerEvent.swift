/// What wakes the server's loop.
enum ServerEvent: Sendable {
    /// A message from the client, parsed.
    case message(JSONValue)
    /// A body that is not JSON, or a header block that could not be used.
    case unreadable(String)
    /// The client closed its end of the stream (or it failed): no more input will come.
    case endOfInput
    /// A build on the worker thread was checked: its diagnostics, ready to publish.
    case checked(ConvertedDiagnostics)
    /// A build finished on the worker thread, indexed for queries.
    case built(WorkspaceBuild)
    /// A build on the worker thread stopped because a newer edit made it stale.
    case abandoned
}
