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
        let agreement: Entity?
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
                    return .success(MarkdownExporter(agreement: try reader.agreement(agreement), programTitle: programTitle).render())
                case .ics:
                    let calendar = ICalendarExporter(agreement: try reader.agreement(agreement), today: options.today, zone: zone)
                    let problems = calendar.problems(at: agreement.nameSpan)
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

    private var programTitle: String? {
        model.entities(of: .program).first?.title
    }

    /// The agreement `name` stands for, nil for the whole programme, or why there is none.
    private func exportedAgreement(named name: String?, format: ExportFormat) -> Result<Entity?, ExportFailure> {
        let agreements = model.entities(of: .agreement).map(\.id)
        guard let name else {
            if format == .json { return .success(nil) }
            return .failure(ExportFailure(diagnostics: [Diagnostic(
                .agreementRequired, .error, "`--format \(format.rawValue)` exports one agreement; name it before the paths",
                at: .unknown, help: Engine.agreementList(agreements))], isUsageError: true))
        }
        if let index = globals.index(of: name) {
            switch globals.bindings[index] {
            case .entity(let entity) where entity.kind == .agreement:
                return .success(entity)
            case .entity(let entity):
                return .failure(ExportFailure(diagnostics: [Diagnostic(
                    .notAnAgreement, .error, "`\(name)` is \(entity.kind.withArticle), not an agreement",
                    at: entity.nameSpan, label: "declared here", help: Engine.agreementList(agreements))], isUsageError: false))
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
