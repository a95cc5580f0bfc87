import MentorDiagnostics
import MentorSyntax
import MentorSource

extension Engine {
    /// Exports a loaded programme (after `load` succeeded): the text of the calendar, handout
    /// or JSON document, or the diagnostics that explain why there is none.
    public func export(_ request: ExportRequest) -> Result<String, ExportFailure> {
        var zone: TimeZoneRules?
        if request.format == .ics, let name = request.timeZone {
            do {
                zone = try request.zoneDatabase.rules(for: name)
            } catch {
                return .failure(ExportFailure(diagnostics: [Engine.diagnostic(for: error, zone: name)], isUsageError: true))
            }
        }
        if request.format == .ics, request.calendar != .agreement {
            return exportCalendar(request.calendar, zone: zone)
        }
        let agreement: EntityRef?
        switch exportedAgreement(named: request.agreement, format: request.format) {
        case .success(let found): agreement = found
        case .failure(let failure): return .failure(failure)
        }
        return withLargeStack {
            interpreter.resetBudget()
            let reader = ExportReader(model: model, interpreter: interpreter)
            do {
                let json = JSONExporter(today: options.today, reader: reader)
                guard let agreement else { return .success(try json.renderProgramme()) }
                switch request.format {
                case .json:
                    return .success(try json.render(agreement))
                case .md:
                    return .success(MarkdownExporter(agreement: try reader.agreement(agreement), programTitle: programTitle, names: model.store).render())
                case .ics:
                    let calendar = ICalendarExporter(agreement: try reader.agreement(agreement), today: options.today, zone: zone)
                    let problems = calendar.problems(at: model.nameSpan(of: agreement))
                    if !problems.isEmpty { return .failure(ExportFailure(diagnostics: problems, isUsageError: false)) }
                    return .success(calendar.render())
                }
            } catch let error as RuntimeError {
                return .failure(ExportFailure(diagnostics: [error.diagnostic], isUsageError: false))
            } catch {
                return .failure(ExportFailure(diagnostics: [], isUsageError: false))
            }
        }
    }

    /// The programme's or one person's calendar.
    private func exportCalendar(_ selection: CalendarSelection, zone: TimeZoneRules?) -> Result<String, ExportFailure> {
        var person: EntityRef?
        if case .person(let name) = selection {
            switch namedPerson(name) {
            case .success(let found): person = found
            case .failure(let failure): return .failure(failure)
            }
        }
        return withLargeStack {
            interpreter.resetBudget()
            let reader = ExportReader(model: model, interpreter: interpreter)
            do {
                var agreements: [ExportedAgreement] = []
                for entity in model.entities(of: .agreement) {
                    if let person {
                        let parties = [AgreementField.mentor, AgreementField.mentee, AgreementField.coMentor]
                        guard try parties.contains(where: { try reader.entity(entity, $0)?.index == person.index }) else { continue }
                    }
                    agreements.append(try reader.agreement(entity))
                }
                if let person, let shown = try reader.person(person) {
                    let calendar = PersonCalendarExporter(person: shown, agreements: agreements, today: options.today, zone: zone)
                    if calendar.isEmpty {
                        return .failure(ExportFailure(diagnostics: [Diagnostic(
                            .emptyCalendar, .error, "`\(model.name(of: person))` has no scheduled session in any agreement to put in a calendar",
                            at: model.nameSpan(of: person),
                            help: agreements.isEmpty ? "\(shown.name) is the mentor, mentee or co-mentor of no agreement"
                                : "give their agreements (or the `program`) a `cadence`")], isUsageError: false))
                    }
                    return .success(calendar.render())
                }
                if agreements.isEmpty {
                    return .failure(ExportFailure(diagnostics: [Diagnostic(
                        .emptyCalendar, .error, "the programme declares no agreement to put in a calendar", at: .unknown,
                        help: "a programme calendar has each agreement's start, signatures, reviews, lapse deadline and end")],
                        isUsageError: false))
                }
                return .success(ProgrammeCalendarExporter(agreements: agreements, programTitle: programTitle, today: options.today).render())
            } catch let error as RuntimeError {
                return .failure(ExportFailure(diagnostics: [error.diagnostic], isUsageError: false))
            } catch {
                return .failure(ExportFailure(diagnostics: [], isUsageError: false))
            }
        }
    }

    /// The person `name` names, or M0660 with suggestions among the people.
    func namedPerson(_ name: String) -> Result<EntityRef, ExportFailure> {
        if let index = globals.index(of: name), case .entity(let entity, _) = globals.bindings[index], entity.kind == .person {
            return .success(entity)
        }
        return .failure(ExportFailure(diagnostics: [unknownPerson(name)], isUsageError: false))
    }

    /// M0660 for `name` on the command line (`export --person`, `match --mentee`, `status
    /// --person`), with the closest person's name, or the people when none is close.
    func unknownPerson(_ name: String) -> Diagnostic {
        let people = model.entities(of: .person).map(model.name)
        let shown = people.prefix(10).map { "`\($0)`" }.joined(separator: ", ") + (people.count > 10 ? " and \(people.count - 10) more" : "")
        let help = !NameSuggester.suggestions(for: name, among: people).isEmpty ? nil
            : people.isEmpty ? "the programme declares no person" : "the programme's people: " + shown
        return .unknownName(.unknownPerson, .error, "no person named `\(DisplayText.escapeControls(name))`",
                            name: name, at: .unknown, among: people, label: "unknown person", help: help)
    }

    private var programTitle: String? {
        model.entities(of: .program).first.flatMap(model.title)
    }

    /// The agreement `name` stands for, nil for the whole programme, or why there is none.
    private func exportedAgreement(named name: String?, format: ExportFormat) -> Result<EntityRef?, ExportFailure> {
        let agreements = model.entities(of: .agreement).map(model.name)
        guard let name else {
            if format == .json { return .success(nil) }
            return .failure(ExportFailure(diagnostics: [Diagnostic(
                .agreementRequired, .error, "`--format \(format.rawValue)` exports one agreement; name it before the paths",
                at: .unknown, help: Engine.agreementList(agreements))], isUsageError: true))
        }
        if let index = globals.index(of: name) {
            switch globals.bindings[index] {
            case .entity(let entity, _) where entity.kind == .agreement:
                return .success(entity)
            case .entity(let entity, _):
                return .failure(ExportFailure(diagnostics: [Diagnostic(
                    .notAnAgreement, .error, "`\(name)` is \(entity.kind.withArticle), not an agreement",
                    at: model.nameSpan(of: entity), label: "declared here", help: Engine.agreementList(agreements))], isUsageError: false))
            case .lazyLet:
                return .failure(Engine.notAnAgreement(name, "a top-level `let`", at: names.spans[name], agreements))
            case .function:
                return .failure(Engine.notAnAgreement(name, names.spans[name] == nil ? "a built-in function" : "a function",
                                                      at: names.spans[name], agreements))
            default:
                let what = "a built-in name"
                return .failure(ExportFailure(diagnostics: [Diagnostic(
                    .notAnAgreement, .error, "`\(name)` is \(what), not an agreement",
                    at: names.spans[name] ?? .unknown, help: Engine.agreementList(agreements))], isUsageError: false))
            }
        }
        let suggestions = NameSuggester.suggestions(for: name, among: agreements)
        let help = suggestions.isEmpty ? Engine.agreementList(agreements)
            : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
        return .failure(ExportFailure(diagnostics: [Diagnostic(
            .unknownAgreement, .error, "no agreement named `\(DisplayText.escapeControls(name))`", at: .unknown, help: help)],
            isUsageError: false))
    }

    private static func notAnAgreement(_ name: String, _ what: String, at span: Span?, _ agreements: [String]) -> ExportFailure {
        ExportFailure(diagnostics: [Diagnostic(.notAnAgreement, .error, "`\(name)` is \(what), not an agreement",
                                               at: span ?? .unknown, help: Engine.agreementList(agreements))], isUsageError: false)
    }

    /// "the agreements are `a`, `b` and `c`", shortened after ten names.
    private static func agreementList(_ names: [String]) -> String {
        guard !names.isEmpty else { return "the programme declares no agreement" }
        let shown = names.prefix(10).map { "`\($0)`" }
        let more = names.count > 10 ? " and \(names.count - 10) more" : ""
        return "the programme's agreements: " + shown.joined(separator: ", ") + more
    }

    private static func diagnostic(for error: TimeZoneDatabase.LookupError, zone: String) -> Diagnostic {
        let name = DisplayText.escapeControls(zone)
        switch error {
        case .databaseMissing(let directory):
            return Diagnostic(.timeZoneDatabaseMissing, .error,
                              "no time-zone database at `\(DisplayText.escapeControls(directory))`, so `--tz \(name)` cannot be used",
                              at: .unknown,
                              help: "install the tz database (the `tzdata` package), point `--zoneinfo` or `TZDIR` at it, or leave out `--tz` for floating times")
        case .unknownZone(let suggestions):
            let help = suggestions.isEmpty
                ? "zones are named like `Europe/Berlin` or `America/New_York`"
                : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
            return Diagnostic(.unknownTimeZone, .error, "unknown time zone `\(name)`", at: .unknown, help: help)
        case .invalidFile(let path, let reason):
            return Diagnostic(.invalidTimeZoneFile, .error,
                              "the zone file `\(DisplayText.escapeControls(path))` cannot be read: \(reason)", at: .unknown,
                              help: "reinstall the tz database, or choose another zone")
        }
    }
}
