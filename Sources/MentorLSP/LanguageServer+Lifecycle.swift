import MentorRuntime

extension LanguageServer {
    /// `initialize`: takes the client's encodings, folders and options; answers what the server can do.
    func initialize(_ params: JSONValue) -> JSONValue {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue)
        encoding = PositionEncoding.negotiated(offered: offered)
        if let workspaceFolders = params["workspaceFolders"]?.arrayValue {
            folders = workspaceFolders.compactMap { $0["uri"]?.stringValue.flatMap(DocumentURI.path(of:)) }
        } else if let rootURI = params["rootUri"]?.stringValue, let path = DocumentURI.path(of: rootURI) {
            folders = [path]
        } else if let rootPath = params["rootPath"]?.stringValue, rootPath.hasPrefix("/") {
            folders = [LexicalPath.normalized(rootPath)]
        }
        docsBaseURL = params["initializationOptions"]?["diagnosticsDocsBaseUrl"]?.stringValue
        watchedFilesRegistrable = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue == true
        phase = .running
        return [
            "capabilities": ServerCapabilities.json(encoding: encoding),
            "serverInfo": ["name": "mentor", "version": .string(mentorVersion)],
        ]
    }

    /// `initialized`: the first build of the whole workspace, and (when the client can) a
    /// watch on the programme's files so changes made outside the editor are seen.
    func initialized() {
        if watchedFilesRegistrable {
            let id = nextOutgoingID
            nextOutgoingID += 1
            send([
                "jsonrpc": "2.0", "id": .string("mentor-\(id)"), "method": "client/registerCapability",
                "params": ["registrations": [[
                    "id": "mentor-watch", "method": "workspace/didChangeWatchedFiles",
                    "registerOptions": ["watchers": [["globPattern": "**/*.mentor"]]],
                ]]],
            ])
        }
        contentChanged(immediately: true)
    }

    /// `workspace/didChangeWorkspaceFolders`: folders added and removed, then a new build.
    func didChangeWorkspaceFolders(_ params: JSONValue) {
        let removed = Set((params["event"]?["removed"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue.flatMap(DocumentURI.path(of:)) })
        let added = (params["event"]?["added"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue.flatMap(DocumentURI.path(of:)) }
        folders.removeAll { removed.contains($0) }
        for folder in added where !folders.contains(folder) { folders.append(folder) }
        contentChanged(immediately: true)
    }
}
