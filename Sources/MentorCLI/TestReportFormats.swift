import MentorDiagnostics
import MentorRuntime

/// The outputs of `mentor test`: text, JSON, JUnit XML and TAP 14 (all in docs/cli.md).
enum TestReportFormats {
    /// `PASS name` / `FAIL name` with each failure, then `N passed, M failed`; or the
    /// programme's errors and `tests not run: the programme has errors`.
    static func text(_ run: TestRun, renderer: TextDiagnosticRenderer, cap: DiagnosticCap) -> String {
        var cap = cap
        if !run.programmeErrors.isEmpty {
            return cap.render(run.programmeErrors, with: renderer) + cap.omittedLine + "tests not run: the programme has errors\n"
        }
        var output = ""
        for result in run.results {
            output += (result.passed ? "PASS " : "FAIL ") + DisplayText.escapeControls(result.name) + "\n"
            if !result.passed { output += cap.render(result.failures, with: renderer) }
        }
        return output + cap.omittedLine + "\(run.passedCount) passed, \(run.failedCount) failed\n"
    }

    /// `{"version":1,"summary":{…},"tests":[…],"diagnostics":[…]}`: each test with its place and
    /// failures, and the programme's errors (when there are any, no test ran). Diagnostics have
    /// `JSONDiagnosticRenderer`'s shape, as in `check --format json`.
    static func json(_ run: TestRun) -> String {
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("version", 1)
            writeJSONReport(run, into: &w)
        }
        return writer.output
    }

    /// The `summary`, `tests` and `diagnostics` of one programme's JSON report, into the open object `w`.
    static func writeJSONReport(_ run: TestRun, into w: inout JSONWriter) {
        let sources = run.engine.sources
        w.object("summary") { s in
            s.field("files", run.fileCount)
            s.field("tests", run.results.count)
            s.field("passed", run.passedCount)
            s.field("failed", run.failedCount)
            s.field("errors", run.programmeErrors.count)
        }
        w.array("tests") { tests in
            for result in run.results {
                tests.object { test in
                    test.field("name", result.name)
                    test.field("passed", result.passed)
                    JSONDiagnosticRenderer.writeLocation(result.span, sources: sources, into: &test)
                    test.array("failures") { failures in
                        for failure in result.failures { JSONDiagnosticRenderer.write(failure, sources: sources, into: &failures) }
                    }
                }
            }
        }
        w.array("diagnostics") { diagnostics in
            for error in run.programmeErrors { JSONDiagnosticRenderer.write(error, sources: sources, into: &diagnostics) }
        }
    }

    /// JUnit XML: one test case per test, a failing one carrying its failures as text; when the
    /// programme has errors, one case `programme` with an `<error>` holding them instead.
    static func junit(_ run: TestRun) -> String {
        JUnitXML.document(name: "mentor test", suites: [junitSuite(run, name: "tests", classname: "mentor.tests")])
    }

    /// One programme's `<testsuite>`: a case per test, or the one case `programme` when it has errors.
    static func junitSuite(_ run: TestRun, name: String, classname: String) -> JUnitXML.Suite {
        let renderer = TextDiagnosticRenderer(sources: run.engine.sources, useColor: false)
        var suite = JUnitXML.Suite(name: name)
        if !run.programmeErrors.isEmpty {
            suite.cases.append(JUnitXML.Case(
                classname: classname, name: "programme",
                outcome: .error(message: "tests not run: the programme has errors", type: "programme",
                                text: renderer.render(run.programmeErrors))))
        }
        for result in run.results {
            var testCase = JUnitXML.Case(classname: classname, name: result.name)
            if let position = DiagnosticPosition(result.span, in: run.engine.sources) {
                testCase.file = position.path
                testCase.line = position.line
            }
            if let first = result.failures.first {
                testCase.outcome = .failure(message: first.message, type: first.code.description, text: renderer.render(result.failures))
            }
            suite.cases.append(testCase)
        }
        return suite
    }

    /// TAP 14: a test point per test, a failing one with a YAML block of its failures; when the
    /// programme has errors, they are comments and the stream bails out before any test.
    static func tap(_ run: TestRun) -> String {
        var tap = TAPWriter()
        if !run.programmeErrors.isEmpty {
            var text = TextDiagnosticRenderer(sources: run.engine.sources, useColor: false).render(run.programmeErrors)
            while text.hasSuffix("\n") { text.removeLast() }
            tap.comment(text)
            tap.bailOut("tests not run: the programme has errors")
            return tap.output
        }
        if run.results.isEmpty {
            tap.plan(0, skipping: "no tests")
            return tap.output
        }
        tap.plan(run.results.count)
        for point in tapPoints(run) { tap.point(point) }
        return tap.output
    }

    /// A test point per test of a programme that ran its tests.
    static func tapPoints(_ run: TestRun) -> [TAPPoint] {
        let sources = run.engine.sources
        return run.results.map { result in
            var yaml: [(String, YAMLValue)] = []
            if let first = result.failures.first {
                yaml.append(("message", .string(first.message)))
                yaml.append(("severity", .string("fail")))
                if let position = DiagnosticPosition(result.span, in: sources) {
                    yaml.append(("at", .map([("file", .string(position.path)), ("line", .int(position.line)),
                                             ("column", .int(position.column))])))
                }
                yaml.append(("failures", .list(result.failures.map { TAPWriter.yaml(of: $0, sources: sources) })))
            }
            return TAPPoint(ok: result.passed, description: result.name, yaml: yaml)
        }
    }
}
