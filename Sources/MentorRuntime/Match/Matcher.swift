import MentorDiagnostics
import MentorSource
import MentorSyntax

/// Why `mentor match` produced no report: diagnostics to show, and whether the cause lies in
/// how the command was used (exit 2) rather than in the programme (exit 1).
public struct MatchFailure: Error, Sendable {
    /// What went wrong.
    public var diagnostics: [Diagnostic]
    /// True for usage problems.
    public var isUsageError: Bool
    /// The sources the diagnostics point into when not the programme's own engine's (a
    /// hypothetical programme's, which holds one more file).
    public var sources: SourceMap?
}

/// `mentor match`: proposes mentors for mentees, a proposal being valid only when the
/// programme's rules (and std's, when imported) pass on the hypothetical agreement of the
/// pair. The hypothesis is a real agreement declared in an extra source beside the
/// programme; each candidate mentor is tried as a `with` copy of it, run through every rule
/// with `violations(rule, x)`'s machinery (the copy stands in for the declaration and the
/// rules' `for`s over agreements bind only it). A violation counts against the pair when it
/// is about the hypothetical agreement, or when the programme without it does not have it
/// (a mentor over capacity, say). Mentees are matched in order, each chosen proposal becoming
/// part of the programme the next mentee is matched in.
public struct Matcher {
    /// The programme's files, loaded again for every hypothetical programme.
    let files: [(path: String, bytes: [UInt8])]
    /// The options of every engine (the same `today` and limits).
    let options: EngineOptions

    /// A matcher over the files the programme was loaded from.
    public init(files: [SourceFile], options: EngineOptions) {
        self.files = files.map { ($0.path, $0.bytes) }
        self.options = options
    }

    /// Matches the `requested` mentees (by name; every person looking for a mentor when
    /// empty) in `engine`, which holds the programme loaded without errors; every agreement
    /// proposed starts on `start`.
    public func match(in engine: Engine, mentees requested: [String], start: CivilDate) -> Result<MatchReport, MatchFailure> {
        var mentees: [EntityRef] = []
        for name in requested {
            switch engine.namedPerson(name) {
            case .success(let person): if !mentees.contains(where: { $0.index == person.index }) { mentees.append(person) }
            case .failure(let failure): return .failure(MatchFailure(diagnostics: failure.diagnostics, isUsageError: false))
            }
        }
        let roles: MatchRoles
        switch engine.withLargeStack({ Result { try MatchRoles(engine: engine) } }) {
        case .success(let found): roles = found
        case .failure(let error): return .failure(MatchFailure(diagnostics: Matcher.diagnostics(of: error), isUsageError: false))
        }
        if requested.isEmpty { mentees = roles.lookingForMentor }
        var report = MatchReport(start: start, mentees: [])
        var chosen: [String] = []
        var world = engine
        var baseline = MatchBaseline(engine: world)
        for mentee in mentees {
            let menteeName = engine.model.name(of: mentee)
            let candidates = roles.mentors.filter { $0 != menteeName }
            let person = MatchPerson(id: menteeName, name: roles.names[menteeName] ?? menteeName)
            guard let first = candidates.first else {
                report.mentees.append(MenteeMatch(mentee: person, terms: [], candidates: [], excluded: [], proposal: nil))
                continue
            }
            let placeholder = world.unusedName("match_candidate")
            let text = "agreement \(placeholder) {\n  mentor: \(first)\n  mentee: \(menteeName)\n  start: \(start)\n}\n"
            let hypothetical: Engine
            switch load(extra: chosen + [text]) {
            case .success(let loaded): hypothetical = loaded
            case .failure(let failure): return .failure(failure)
            }
            var match: MenteeMatch
            let tried = hypothetical.withLargeStack {
                Result { try hypothetical.trial(of: menteeName, placeholder: placeholder, mentors: candidates, against: baseline, fits: world) }
            }
            switch tried {
            case .success(let found): match = found
            case .failure(let error):
                return .failure(MatchFailure(diagnostics: Matcher.diagnostics(of: error), isUsageError: false, sources: hypothetical.sources))
            }
            match.mentee = person
            if let best = match.candidates.first {
                let name = world.unusedName("\(best.mentor.id)_\(menteeName)")
                let proposal = Matcher.proposalSource(name: name, mentor: best, mentee: menteeName, start: start, today: options.today,
                                                      terms: match.terms, fieldsToGive: match.fieldsToGive)
                match.proposal = MatchProposal(name: name, mentor: best.mentor, source: proposal,
                                               needsTerms: !match.terms.isEmpty || !match.fieldsToGive.isEmpty)
                chosen.append(proposal)
                switch load(extra: chosen) {
                case .success(let loaded): world = loaded
                case .failure(let failure): return .failure(failure)
                }
                baseline = MatchBaseline(engine: world)
            }
            report.mentees.append(match)
        }
        return .success(report)
    }

    /// The proposal as `mentor fmt` writes it, with a doc comment saying where it came from and,
    /// where its fields go, a comment per term the pair still has to agree.
    static func proposalSource(name: String, mentor: MatchCandidate, mentee: String, start: CivilDate, today: CivilDate,
                               terms: [MatchReason], fieldsToGive: [String] = []) -> String {
        var text = "/// Proposed by `mentor match` on \(today): fit \(mentor.fit) (\(mentor.fitSummary)).\n"
            + "agreement \(name) {\n  mentor: \(mentor.mentor.id)\n  mentee: \(mentee)\n  start: \(start)\n"
        if !terms.isEmpty || !fieldsToGive.isEmpty {
            text += "  // `check` fails until the pair agrees these terms (every mentor would need them):\n"
            for field in fieldsToGive {
                text += "  // - field `\(field)`: every agreement needs it\n"
            }
            for term in terms {
                // A message is one line of a comment: a line break in it would end the comment.
                text += "  // - rule `\(term.rule)`: \(DisplayText.escapeControls(term.message))\n"
            }
        }
        text += "}\n"
        let file = SourceFile(id: FileID(0), path: "\(name).mentor", text: text)
        return SourceFormatter.format(file).formatted ?? text
    }

    /// A fresh engine holding the programme and the `extra` sources.
    private func load(extra: [String]) -> Result<Engine, MatchFailure> {
        let engine = Engine(options: options, output: { _ in })
        var sources = files.map { engine.addSource(path: $0.path, bytes: $0.bytes) }
        for (index, text) in extra.enumerated() {
            sources.append(engine.addSource(path: "<match \(index + 1)>", bytes: Array(text.utf8)))
        }
        let loaded = engine.load(sources)
        // A required field of the programme's own is one a proposal cannot know: the pair gives
        // it (`MenteeMatch.fieldsToGive`), and until then the trial reads it as `none`.
        let hypotheses = Set(sources.suffix(extra.count).map(\.id))
        let errors = loaded.diagnostics.filter {
            $0.severity == .error && !($0.code == .missingField && hypotheses.contains($0.span.file))
        }
        if !errors.isEmpty {
            // The programme loaded without errors, so the hypothesis caused these; they are
            // shown as they are, the hypothetical agreement's file named `<match N>`.
            return .failure(MatchFailure(diagnostics: engine.sources.inReadingOrder(errors),
                                         isUsageError: false, sources: engine.sources))
        }
        return .success(engine)
    }

    private static func diagnostics(of error: Error) -> [Diagnostic] {
        if let error = error as? RuntimeError { return [error.diagnostic] }
        return []
    }
}

extension MatchCandidate {
    /// "2 shared competencies, credentialed, 1 of 3 places left".
    public var fitSummary: String {
        var parts = [shared.isEmpty ? "no shared competency"
                     : "\(shared.count) shared \(shared.count == 1 ? "competency" : "competencies") (\(shared.joined(separator: ", ")))"]
        parts.append(credentialed ? "credentialed" : "not credentialed")
        if let placesLeft { parts.append("\(placesLeft) \(placesLeft == 1 ? "place" : "places") left") }
        return parts.joined(separator: ", ")
    }
}
