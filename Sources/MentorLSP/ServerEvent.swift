/// What wakes the server's loop.
enum ServerEvent: Sendable {
    /// A message from the client, parsed.
    case message(JSONValue)
    /// A body that is not JSON, or a header block that could not be used.
    case unreadable(String)
    /// The client closed its end of the stream (or it failed): no more input will come.
    case endOfInput
    /// A build finished on the worker thread.
    case built(WorkspaceBuild)
}
