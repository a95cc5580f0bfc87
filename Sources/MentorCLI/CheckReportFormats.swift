import MentorDiagnostics
import MentorRuntime
import MentorSource

/// The machine-readable outputs of `mentor check`: JSON, SARIF 2.1.0, JUnit XML, GitHub Actions
/// annotations and TAP 14 (all in docs/cli.md).
enum CheckReportFormats {
    /// `{"version":1,"summary":{…},"diagnostics":[…]}`, each diagnostic in `JSONDiagnosticRenderer`'s shape.
    static func json(_ run: CheckRun) -> String {
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("version", 1)
            writeJSONReport(run, into: &w)
        }
        return writer.output
    }

    /// The `summary` and `diagnostics` of one programme's JSON report, into the open object `w`.
    static func writeJSONReport(_ run: CheckRun, into w: inout JSONWriter) {
        w.object("summary") { s in
            s.field("files", run.fileCount)
            s.field("errors", run.errorCount)
            s.field("warnings", run.warningCount)
            s.field("waived", run.summary.waived)
        }
        w.key("diagnostics")
        w.array { array in
            for diagnostic in run.listed { JSONDiagnosticRenderer.write(diagnostic, sources: run.engine.sources, into: &array) }
        }
    }

    /// SARIF 2.1.0: one run, one rule per diagnostic code or programme rule, one result per diagnostic.
    static func sarif(_ run: CheckRun) -> String {
        sarifLog { runs in writeSARIFRun(run, into: &runs) }
    }

    /// A SARIF 2.1.0 log whose `runs` array `writeRuns` fills.
    static func sarifLog(_ writeRuns: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            w.field("version", "2.1.0")
            w.key("runs")
            w.array(writeRuns)
        }
        return writer.output
    }

    /// The tool of every run: mentor, with `rules` (nothing when `rules` writes nothing).
    static func writeSARIFTool(into r: inout JSONWriter, rules: (inout JSONWriter) -> Void) {
        r.object("tool") { tool in
            tool.object("driver") { driver in
                driver.field("name", "mentor")
                driver.field("version", mentorVersion)
                driver.key("rules")
                driver.array(rules)
            }
        }
    }

    /// One programme's run, into the `runs` array; `programme` (for `DIR/...`) names it in
    /// `automationDetails`, whose `id` ending in `/` makes the programme the run's category,
    /// so a viewer (GitHub code scanning among them) keeps each programme's results apart.
    static func writeSARIFRun(_ run: CheckRun, programme: String? = nil, into runs: inout JSONWriter) {
        var ruleIDs: [String] = []
        var ruleCodes: [DiagnosticCode] = []
        for d in run.diagnostics where !ruleIDs.contains(ruleID(d)) {
            ruleIDs.append(ruleID(d))
            ruleCodes.append(d.code)
        }
        runs.object { r in
            writeSARIFTool(into: &r) { rules in
                for (id, code) in zip(ruleIDs, ruleCodes) {
                    rules.object { rule in
                        rule.field("id", id)
                        if let title = run.rules.first(where: { $0.name == id })?.title {
                            rule.object("shortDescription") { $0.field("text", title) }
                        }
                        // A programme rule's help is its code's (M0520 …): what a violation means and how to act on it.
                        if let doc = DiagnosticDocs.doc(for: code) {
                            rule.object("help") { help in
                                help.field("text", doc.plainHelp)
                                help.field("markdown", doc.markdown)
                            }
                        }
                    }
                }
            }
            if let programme { writeSARIFAutomationDetails(programme, into: &r) }
            r.key("results")
            r.array { results in
                for d in run.diagnostics {
                    results.object { result in
                        result.field("ruleId", ruleID(d))
                        result.field("ruleIndex", ruleIDs.firstIndex(of: ruleID(d)))
                        result.field("level", d.severity == .error ? "error" : (d.severity == .warning ? "warning" : "note"))
                        result.object("message") { $0.field("text", d.message) }
                        if let waiver = d.waiver { suppressions(waiver, into: &result) }
                        result.key("locations")
                        result.array { locations in
                            if let file = run.engine.sources.file(d.span.file) {
                                let start = file.location(of: d.span.start)
                                let end = file.location(of: d.span.end)
                                locations.object { location in
                                    location.object("physicalLocation") { physical in
                                        physical.object("artifactLocation") { $0.field("uri", uri(file.path)) }
                                        physical.object("region") { region in
                                            region.field("startLine", start.line)
                                            region.field("startColumn", start.column)
                                            region.field("endLine", end.line)
                                            region.field("endColumn", max(end.column, start.line == end.line ? start.column + 1 : 1))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `automationDetails` naming a programme of `DIR/...`: its path, ending in `/`, as the id.
    static func writeSARIFAutomationDetails(_ programme: String, into r: inout JSONWriter) {
        r.object("automationDetails") { details in
            details.field("id", programme + "/")
        }
    }

    /// A waived result's `suppressions`: declared in the programme's source, accepted, with the
    /// waiver's reason as the justification (SARIF 2.1.0 §3.35).
    private static func suppressions(_ waiver: DiagnosticWaiver, into result: inout JSONWriter) {
        result.key("suppressions")
        result.array { list in
            list.object { suppression in
                suppression.field("kind", "inSource")
                suppression.field("status", "accepted")
                suppression.field("justification", waiver.reason)
                suppression.object("properties") { properties in
                    properties.field("waiver", waiver.name)
                    if let approver = waiver.approver { properties.field("approver", approver) }
                    if let until = waiver.until { properties.field("until", until) }
                }
            }
        }
    }

    /// The SARIF rule of a diagnostic: the programme rule's name for violations, else the code.
    private static func ruleID(_ d: Diagnostic) -> String {
        d.rule ?? d.code.description
    }

    private static func uri(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
            }
        }
        return result.hasPrefix("./") ? String(result.dropFirst(2)) : result
    }

    /// JUnit XML: one test case per rule, failures carrying its violations; other diagnostics in a `mentor` case.
    static func junit(_ run: CheckRun) -> String {
        let suite = junitSuite(run, name: "rules", classname: "mentor.rules")
        return JUnitXML.document(name: "mentor check", suites: [suite])
    }

    /// One programme's `<testsuite>`: a case `declarations` for the checks that are not rules,
    /// then one per rule, each failing with its errors.
    static func junitSuite(_ run: CheckRun, name: String, classname: String) -> JUnitXML.Suite {
        let renderer = TextDiagnosticRenderer(sources: run.engine.sources, useColor: false)
        var cases: [(name: String, failures: [Diagnostic])] = run.rules.map { ($0.name, $0.diagnostics.filter { $0.severity == .error && !$0.isWaived }) }
        // A rule that stopped (M0522) names itself in its message rather than in `rule`.
        let others = run.diagnostics.filter { $0.severity == .error && $0.rule == nil && $0.code != .ruleFailed }
        cases.insert(("declarations", others), at: 0)
        var suite = JUnitXML.Suite(name: name)
        for testCase in cases {
            let failure = testCase.failures.first.map { first in
                JUnitXML.Outcome.failure(message: first.message, type: "violation", text: renderer.render(testCase.failures))
            }
            suite.cases.append(JUnitXML.Case(classname: classname, name: testCase.name, outcome: failure))
        }
        return suite
    }
}

extension CheckReportFormats {
    /// GitHub Actions workflow commands, one per diagnostic, then the summary line.
    static func github(_ run: CheckRun) -> String {
        GitHubAnnotations.render(run.shown, sources: run.engine.sources, summary: run.summaryLine)
    }

    /// TAP 14 with one test point per file checked, in the order they were loaded: `not ok` when
    /// the file has an error (or, with `strict`, a warning), and a YAML block listing the file's
    /// diagnostics whenever it has any. Diagnostics of no user file (the programme as a whole, the
    /// standard library) make one more point, `programme`. One point a file keeps the plan the
    /// same from run to run, however many problems there are.
    static func tap(_ run: CheckRun, strict: Bool) -> String {
        let points = tapPoints(run, strict: strict)
        var tap = TAPWriter()
        if points.isEmpty {
            tap.plan(0, skipping: "no .mentor files to check")
            return tap.output
        }
        tap.plan(points.count)
        for point in points { tap.point(point) }
        return tap.output
    }

    /// The test points of one programme's TAP report, one per file (and `programme`).
    static func tapPoints(_ run: CheckRun, strict: Bool) -> [TAPPoint] {
        let files = run.engine.userFiles
        var byFile: [FileID: [Diagnostic]] = [:]
        var elsewhere: [Diagnostic] = []
        let userFiles = Set(files)
        for diagnostic in run.shown {
            if userFiles.contains(diagnostic.span.file) {
                byFile[diagnostic.span.file, default: []].append(diagnostic)
            } else {
                elsewhere.append(diagnostic)
            }
        }
        var points: [(name: String, diagnostics: [Diagnostic])] = files.map { id in
            (run.engine.sources.file(id)?.path ?? "?", byFile[id] ?? [])
        }
        if !elsewhere.isEmpty { points.append(("programme", elsewhere)) }
        return points.map { point in
            let summary = CheckSummary(diagnostics: point.diagnostics, fileCount: 1)
            let failed = summary.errors > 0 || (strict && summary.warnings > 0)
            var yaml: [(String, YAMLValue)] = []
            if !point.diagnostics.isEmpty {
                let counts = [(summary.errors, "error"), (summary.warnings, "warning")].filter { $0.0 > 0 }.map { plural($0.0, $0.1) }
                yaml.append(("message", .string(counts.isEmpty ? plural(point.diagnostics.count, "note") : counts.joined(separator: ", "))))
                yaml.append(("severity", .string(failed ? "fail" : "comment")))
                yaml.append(("diagnostics", .list(point.diagnostics.map { TAPWriter.yaml(of: $0, sources: run.engine.sources) })))
            }
            let name = point.name.hasPrefix("./") ? String(point.name.dropFirst(2)) : point.name
            return TAPPoint(ok: !failed, description: name, yaml: yaml)
        }
    }
}

extension String {
    /// The string padded on the left with zeros to `width`.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
