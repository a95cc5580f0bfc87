import MentorDiagnostics
import MentorRuntime

extension LanguageServer {
    /// Something the programme is built from changed: a build is due now (open, save) or once
    /// the burst of edits pauses (typing); a build already running is abandoned.
    func contentChanged(immediately: Bool) {
        generation += 1
        if immediately { lastNonEditGeneration = generation }
        runningBuild?.abandon(byEdit: !immediately)
        let due = LanguageServer.now() + (immediately ? 0 : debounce)
        buildDue = immediately ? min(buildDue ?? due, due) : due
    }

    /// Starts the due build on the worker thread (here, if no thread can be started). The
    /// worker checks the programme and sends its diagnostics, already converted, before it
    /// indexes the programme for queries: an edit's diagnostics need not wait for the index.
    func startBuild() {
        guard runningBuild == nil, buildDue != nil else { return }
        buildDue = nil
        let job = BuildJob(generation: generation)
        runningBuild = job
        let folders = folders
        let overlays = overlays
        let options = options
        let queue = queue
        let openURIByPath = openURIByPath
        let encoding = encoding
        let docsBaseURL = docsBaseURL
        let work: @Sendable () -> Void = {
            let checked = WorkspaceBuild.check(folders: folders, overlays: overlays, options: options, generation: job.generation,
                                               shouldStop: { job.isStale }, started: { job.attach($0.interrupt) })
            guard !job.isStale else { return queue.post(.abandoned) }
            queue.post(.checked(ConvertedDiagnostics(checked, openURIByPath: openURIByPath, encoding: encoding,
                                                     docsBaseURL: docsBaseURL)))
            // Typing after the check finished leaves a whole programme: indexed, it is the
            // base the next edits are rechecked against (`recheck`), though its diagnostics are stale.
            guard !job.isStale || job.isBaseForEdits else { return queue.post(.abandoned) }
            queue.post(.built(WorkspaceBuild(indexing: checked)))
        }
        if !worker.submit(work) { work() }
    }

    /// A build's diagnostics: published when nothing changed since it started, else dropped.
    func checked(_ diagnostics: ConvertedDiagnostics) {
        guard diagnostics.generation == generation, phase == .running else { return }
        publish(diagnostics)
    }

    /// A build finished: kept for queries when nothing changed since it started, else dropped
    /// (the next one is already due); one made stale only by edits of open buffers replaces an
    /// older `latest` too, as the base `recheck` needs, while requests keep waiting for the next.
    func finished(_ build: WorkspaceBuild) {
        runningBuild = nil
        // Either this build or the one it replaces is released now.
        releasedBuild = true
        guard phase == .running else { return }
        if build.generation != generation {
            guard build.generation >= lastNonEditGeneration, build.generation > latest?.generation ?? -1 else { return }
            // Its abandonment asked its engine to stop; the check had finished, and rechecks evaluate in it.
            build.engine.interrupt.clear()
            let replaced = latest
            latest = build
            withExtendedLifetime(replaced) {}
            return
        }
        // The build replaced is released after the waiting requests are answered: freeing a
        // large programme takes a while and nobody waits for it.
        let replaced = latest
        latest = build
        let waiting = deferred
        deferred = []
        for message in waiting { _ = handle(message) }
        withExtendedLifetime(replaced) {}
    }

    /// Publishes each file's diagnostics that changed, every open document's (so the client
    /// sees its edit was checked), and an empty list for files that became clean or left the programme.
    func publish(_ diagnostics: ConvertedDiagnostics) {
        let now = diagnostics.byURI
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
        for problem in diagnostics.problems { notify("window/logMessage", ["type": 2, "message": .string(problem)]) }
        for line in diagnostics.unplaced { notify("window/logMessage", ["type": 1, "message": .string(line)]) }
    }
}
