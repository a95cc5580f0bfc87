import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import MentorSource

/// `mentor match [--mentee NAME]… [--start DATE] [--write DIR] [PATH…]`: mentors proposed for
/// mentees, valid only where the programme's rules pass on the pair's hypothetical agreement.
struct MatchCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Propose mentors for mentees, ranked by fit, where the programme's rules pass on the pair's agreement.",
        discussion: """
            Without --mentee, matches every person looking for a mentor (docs/match.md). Each excluded \
            mentor is listed with the rules that fail for the pair. Exit status: 0 matched, 1 errors in \
            the programme or an unknown --mentee, 2 usage or I/O errors.
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("mentee"), help: ArgumentHelp("Match this person (repeatable; default: everyone looking for a mentor).", valueName: "name"))
    var mentees: [String] = []

    @Option(help: ArgumentHelp("The start date of the proposed agreements, as YYYY-MM-DD (default: the day after --today).", valueName: "date"))
    var start: String?

    @Option(help: ArgumentHelp("Write each chosen proposal as DIR/NAME.mentor, formatted and ready to commit.", valueName: "dir"), completion: .directory)
    var write: String?

    @Argument(help: "Files or folders to load (default: the current directory).", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func validate() throws {
        if let start, EvaluationOptions.parseDate(start) == nil {
            throw ValidationError("--start needs a calendar date as YYYY-MM-DD, not '\(start)'")
        }
        if write == "" { throw ValidationError("--write needs a folder") }
    }

    func execute(_ context: CLIContext) -> Int32 {
        let options = common.engineOptions()
        let engine = Engine(options: options, output: context.writeErr)
        context.keepUntilExit(engine)
        let renderer = common.renderer(for: engine, isTerminal: context.stderrIsTerminal, context: context)
        let files: [SourceFile]
        switch WholeProgrammeLoad.load(paths, into: engine, common: common, renderer: renderer, context: context, command: "match", nothing: "nothing matched") {
        case .loaded(let loaded): files = loaded
        case .stopped(let status): return status
        }
        // The day after today: the first start at which a proposal is still pending, so it is
        // not yet due the signatures a pair adds once they accept it (docs/match.md).
        let startDate = start.flatMap(EvaluationOptions.parseDate) ?? options.today.adding(days: 1) ?? options.today
        let report: MatchReport
        switch Matcher(files: files, options: options).match(in: engine, mentees: mentees, start: startDate) {
        case .failure(let failure):
            let sources = failure.sources.map {
                TextDiagnosticRenderer(sources: $0, useColor: common.color.resolve(isTerminal: context.stderrIsTerminal, environment: context.environment))
            }
            context.writeErr((sources ?? renderer).render(failure.diagnostics))
            return failure.isUsageError ? MentorExit.usageOrIO : MentorExit.programErrors
        case .success(let found):
            report = found
        }
        context.writeOut(MatchCommand.text(report))
        guard let write else { return MentorExit.success }
        let proposals = report.mentees.compactMap(\.proposal)
        do {
            try POSIXFile.makeDirectories(write, mode: 0o755)
            for proposal in proposals {
                let path = (write.hasSuffix("/") ? write : write + "/") + proposal.name + ".mentor"
                do {
                    try AtomicFileWriter().write(Array(proposal.source.utf8), to: path, newFileMode: 0o644)
                } catch {
                    throw FileError(path: path, operation: "write", refusal: error.reason)
                }
            }
        } catch {
            context.writeErr(renderer.render([Diagnostic(
                .outputFolderUnwritable, .error, "cannot write the proposals to `\(DisplayText.escapeControls(write))`: \(error)",
                at: .unknown, help: "choose a folder you can write; files already there are replaced whole or left as they were")]))
            return MentorExit.usageOrIO
        }
        let unfinished = proposals.filter(\.needsTerms).count
        context.writeOut("wrote \(proposals.count) \(proposals.count == 1 ? "proposal" : "proposals") to \(DisplayText.escapeControls(write))"
                         + (unfinished == 0 ? "" : "; `check` fails on \(unfinished) of them until their pairs agree the terms named in them") + "\n")
        return MentorExit.success
    }

    /// The report as text: per mentee, the candidates best first, the exclusions and the proposal.
    static func text(_ report: MatchReport) -> String {
        let count = report.mentees.count
        var lines = ["Matching \(count) \(count == 1 ? "mentee" : "mentees"); proposed agreements start on \(report.start)."]
        for match in report.mentees {
            lines.append("")
            lines.append(describe(match.mentee))
            if !match.terms.isEmpty || !match.fieldsToGive.isEmpty {
                lines.append("  terms to agree (every mentor would need them):")
                for field in match.fieldsToGive {
                    lines.append("    field `\(field)`: every agreement needs it")
                }
                for term in match.terms {
                    lines.append("    rule `\(term.rule)`: \(DisplayText.escapeControls(term.message))")
                }
            }
            if match.candidates.isEmpty { lines.append("  no mentor passes the rules") }
            for (rank, candidate) in match.candidates.enumerated() {
                lines.append("  \(rank + 1). \(describe(candidate.mentor)): fit \(candidate.fit): \(candidate.fitSummary)")
                for warning in candidate.warnings {
                    lines.append("     warning: rule `\(warning.rule)`: \(DisplayText.escapeControls(warning.message))")
                }
            }
            for exclusion in match.excluded {
                for reason in exclusion.reasons {
                    lines.append("  why not \(describe(exclusion.mentor)): rule `\(reason.rule)`: \(DisplayText.escapeControls(reason.message))")
                }
            }
            if let proposal = match.proposal {
                lines.append("  proposed: agreement \(proposal.name) (mentor \(proposal.mentor.id))"
                             + (proposal.needsTerms ? ": `check` fails on it until the terms above are agreed" : ""))
            }
        }
        let proposed = report.mentees.filter { $0.proposal != nil }.count
        let unfinished = report.mentees.filter { $0.proposal?.needsTerms == true }.count
        lines.append("")
        lines.append("\(proposed) \(proposed == 1 ? "proposal" : "proposals") for \(count) \(count == 1 ? "mentee" : "mentees")"
                     + (unfinished == 0 ? "" : "; \(unfinished) \(unfinished == 1 ? "needs" : "need") terms agreed before `check` passes"))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ person: MatchPerson) -> String {
        person.name == person.id ? person.id : "\(person.id) (\(DisplayText.escapeControls(person.name)))"
    }
}
