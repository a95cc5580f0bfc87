/// A JSON-RPC error reply: the code the protocol defines and a message for people.
public struct ProtocolError: Error, Sendable {
    /// The numeric code.
    public let code: Int
    /// What went wrong.
    public let message: String

    /// Creates an error reply.
    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The body was not JSON.
    public static let parseError = -32700
    /// JSON, but not a request or notification.
    public static let invalidRequest = -32600
    /// No such method.
    public static let methodNotFound = -32601
    /// The parameters do not fit the method.
    public static let invalidParams = -32602
    /// The server failed inside.
    public static let internalError = -32603
    /// A request came before `initialize`.
    public static let serverNotInitialized = -32002
    /// The request was valid but could not be carried out.
    public static let requestFailed = -32803
    /// The client cancelled the request.
    public static let requestCancelled = -32800
}
