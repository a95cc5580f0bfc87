#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorRuntime

/// `mentor lsp`: a Language Server Protocol 3.17 server over a pair of byte streams. One
/// loop answers the client in order; builds of the programme run on a worker thread, so
/// typing is never blocked by a check, and a build made stale by a newer edit is dropped.
public final class LanguageServer {
    /// Where the server is in the protocol's lifecycle.
    enum Phase {
        case waitingForInitialize, running, shutDown
    }

    let channel: MessageChannel
    let queue = EventQueue()
    let options: EngineOptions
    /// Lines for the server's own log (standard error), never the protocol stream.
    let log: (String) -> Void
    var phase = Phase.waitingForInitialize
    var encoding = PositionEncoding.utf16
    /// The workspace folders, as absolute normalised paths.
    var folders: [String] = []
    /// Open documents by URI.
    var documents: [String: TextDocument] = [:]
    /// Prefix of each diagnostic code's documentation link, from `initializationOptions`.
    var docsBaseURL: String?
    /// Bumped by every change to what the programme is built from.
    var generation = 0
    /// The generation of the last change other than an edit of an open buffer (an open, a
    /// close, a save, a file or folder change): a build older than it saw other files.
    var lastNonEditGeneration = 0
    /// When the next build should start (monotonic seconds); nil when none is due.
    var buildDue: Double?
    /// The build running on the worker, if any.
    var runningBuild: BuildJob?
    /// The thread builds run on.
    let worker = BuildWorker()
    /// True once a build was released since the heap was last trimmed (see `FreedMemory`).
    var releasedBuild = false
    /// The latest build whose generation was current when it finished.
    var latest: WorkspaceBuild?
    /// The diagnostics last published for each URI (only non-empty lists are kept).
    var published: [String: JSONValue] = [:]
    /// How long a burst of edits must pause before a build starts.
    let debounce: Double
    /// True when the client accepts a file watch registered at run time.
    var watchedFilesRegistrable = false
    /// Requests about the programme that wait for the build in progress.
    var deferred: [JSONValue] = []
    /// Ids for the requests the server sends the client.
    var nextOutgoingID = 1

    /// Creates a server reading `input` and writing `output` (file descriptors).
    public init(options: EngineOptions, input: Int32 = 0, output: Int32 = 1, debounce: Double = 0.05,
                log: @escaping (String) -> Void) {
        var options = options
        // Hover, definition, references and rename need to know where each name is used.
        options.recordsNameUses = true
        self.options = options
        self.channel = MessageChannel(input: input, output: output)
        self.debounce = debounce
        self.log = log
    }

    /// Serves until `exit` or the end of input; returns the process exit status the protocol
    /// asks for: 0 after `shutdown`, 1 otherwise.
    public func run() -> Int32 {
        guard channel.startReading(into: queue) else {
            log("mentor lsp: cannot start the reader thread\n")
            return 1
        }
        while true {
            // Here the last event (which may hold a dropped build) is gone too.
            if releasedBuild {
                releasedBuild = false
                FreedMemory.release()
            }
            let wait = buildDue.map { runningBuild == nil ? max(0, $0 - LanguageServer.now()) : nil } ?? nil
            guard let event = queue.next(timeout: runningBuild == nil ? wait : nil) else {
                startBuild()
                continue
            }
            switch event {
            case .message(let message):
                if let status = handle(message) { return status }
            case .unreadable(let reason):
                // The id is unknown, so the reply's is null (JSON-RPC 2.0 §5).
                send(errorReply(id: .null, ProtocolError(ProtocolError.parseError, reason)))
            case .endOfInput:
                // The client vanished (or closed the stream after `exit`'s absence): stop quietly.
                return phase == .shutDown ? 0 : 1
            case .checked(let diagnostics):
                checked(diagnostics)
            case .built(let build):
                finished(build)
            case .abandoned:
                runningBuild = nil
                releasedBuild = true
            }
        }
    }

    /// Handles one message; returns the exit status when the server must stop.
    func handle(_ message: JSONValue) -> Int32? {
        guard case .object = message, message["jsonrpc"]?.stringValue == "2.0" else {
            send(errorReply(id: message["id"] ?? .null, ProtocolError(ProtocolError.invalidRequest, "not a JSON-RPC 2.0 message")))
            return nil
        }
        let id = message["id"]
        guard let method = message["method"]?.stringValue else {
            // A response to a request the server sent (such as registering file watchers).
            if id != nil, message["result"] != nil || message["error"] != nil { return nil }
            send(errorReply(id: id ?? .null, ProtocolError(ProtocolError.invalidRequest, "message has no method")))
            return nil
        }
        let params = message["params"] ?? .null
        guard let id else {
            return notification(method, params)
        }
        if queue.takeCancellation(id) {
            send(errorReply(id: id, ProtocolError(ProtocolError.requestCancelled, "request cancelled")))
            return nil
        }
        // Completion reads the buffer as typed, so it waits only for the first build.
        let waits = LanguageServer.programQueryMethods.contains(method) || (method == "textDocument/completion" && latest == nil)
        if phase == .running, waits, buildDue != nil || runningBuild != nil {
            deferred.append(message)
            return nil
        }
        let reply: Result<JSONValue, ProtocolError>
        switch phase {
        case .waitingForInitialize where method != "initialize":
            reply = .failure(ProtocolError(ProtocolError.serverNotInitialized, "the server has not been initialized"))
        case .shutDown:
            reply = .failure(ProtocolError(ProtocolError.invalidRequest, "the server is shut down; only `exit` is accepted"))
        default:
            reply = request(method, params)
        }
        switch reply {
        case .success(let result): send(["jsonrpc": "2.0", "id": id, "result": result])
        case .failure(let error): send(errorReply(id: id, error))
        }
        return nil
    }

    /// Handles a notification; returns the exit status for `exit`.
    func notification(_ method: String, _ params: JSONValue) -> Int32? {
        if method == "exit" { return phase == .shutDown ? 0 : 1 }
        // Before `initialize` every notification but `exit` is dropped, as the protocol says.
        guard phase == .running else { return nil }
        switch method {
        case "initialized": initialized()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(params)
        case "workspace/didChangeWatchedFiles": contentChanged(immediately: true)
        default: break  // Unknown notifications (`$/…` included) are ignored.
        }
        return nil
    }

    /// Answers a request once the server is initialised.
    func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, ProtocolError> {
        switch method {
        case "initialize":
            guard phase == .waitingForInitialize else {
                return .failure(ProtocolError(ProtocolError.invalidRequest, "`initialize` was already received"))
            }
            return .success(initialize(params))
        case "shutdown":
            // Requests waiting for a build are answered from the last one before the end.
            runningBuild?.abandon()
            runningBuild = nil
            buildDue = nil
            let waiting = deferred
            deferred = []
            for message in waiting { _ = handle(message) }
            phase = .shutDown
            return .success(.null)
        case "textDocument/formatting", "textDocument/rangeFormatting":
            return format(params, ranged: method == "textDocument/rangeFormatting")
        case "textDocument/completion":
            return query(method, params)
        case "textDocument/codeAction":
            return codeActions(params)
        case "workspace/executeCommand":
            return executeCommand(params)
        case _ where LanguageServer.programQueryMethods.contains(method):
            return query(method, params)
        default:
            return .failure(ProtocolError(ProtocolError.methodNotFound, "unknown method `\(method)`"))
        }
    }

    func errorReply(id: JSONValue, _ error: ProtocolError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .integer(error.code), "message": .string(error.message)]]
    }

    func send(_ message: JSONValue) {
        channel.send(message)
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Seconds on a clock that never goes back.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
