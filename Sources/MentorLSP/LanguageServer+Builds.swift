import MentorDiagnostics
import MentorRuntime

extension LanguageServer {
    /// Something the programme is built from changed: a build is due now (open, save) or once
    /// the burst of edits pauses (typing); a build already running is abandoned.
    func contentChanged(immediately: Bool) {
        generation += 1
        runningBuild?.abandon()
        let due = LanguageServer.now() + (immediately ? 0 : debounce)
        buildDue = immediately ? min(buildDue ?? due, due) : due
    }

    /// Starts the due build on the worker thread (here, if no thread can be started).
    func startBuild() {
        guard runningBuild == nil, buildDue != nil else { return }
        buildDue = nil
        let job = BuildJob(generation: generation)
        runningBuild = job
        let folders = folders
        let overlays = overlays
        let options = options
        let queue = queue
        let work: @Sendable () -> Void = {
            let build = WorkspaceBuild.build(folders: folders, overlays: overlays, options: options, generation: job.generation,
                                             shouldStop: { job.isStale }, started: { job.attach($0.interrupt) })
            queue.post(.built(build))
        }
        if !worker.submit(work) { work() }
    }

    /// A build finished: published when nothing changed since it started, else dropped (the
    /// next one is already due).
    func finished(_ build: WorkspaceBuild) {
        runningBuild = nil
        // Either this build or the one it replaces is released now.
        releasedBuild = true
        guard build.generation == generation, phase == .running else { return }
        latest = build
        publish(build)
        let waiting = deferred
        deferred = []
        for message in waiting { _ = handle(message) }
    }

    /// Publishes each file's diagnostics that changed, every open document's (so the client
    /// sees its edit was checked), and an empty list for files that became clean or left the programme.
    func publish(_ build: WorkspaceBuild) {
        let openURIs = openURIByPath
        func uri(_ path: String) -> String { openURIs[path] ?? DocumentURI.uri(ofPath: path) }
        let conversion = DiagnosticConversion(locator: SpanLocator(encoding: encoding, uriOfPath: uri), docsBaseURL: docsBaseURL)
        var now: [String: JSONValue] = [:]
        for (path, diagnostics) in build.diagnostics {
            let converted = diagnostics.compactMap { conversion.convert($0, sources: build.engine.sources) }
            if !converted.isEmpty { now[uri(path)] = .array(converted) }
        }
        let openDocuments = Set(documents.keys)
        let touched = Set(now.keys).union(published.keys).union(openDocuments)
        for target in touched.sorted() {
            let current = now[target] ?? .array([])
            guard current != (published[target] ?? .array([])) || openDocuments.contains(target) else { continue }
            var params: [(String, JSONValue)] = [("uri", .string(target))]
            if let document = documents[target] { params.append(("version", .integer(document.version))) }
            params.append(("diagnostics", current))
            notify("textDocument/publishDiagnostics", .object(params))
        }
        published = now
        for problem in build.problems { notify("window/logMessage", ["type": 2, "message": .string(problem)]) }
        for diagnostic in build.unplaced {
            notify("window/logMessage", ["type": 1, "message": .string("\(diagnostic.code): \(diagnostic.message)")])
        }
    }
}
