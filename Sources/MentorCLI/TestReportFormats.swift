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
        let sources = run.engine.sources
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("version", 1)
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
        return writer.output
    }

    /// JUnit XML: one test case per test, a failing one carrying its failures as text; when the
    /// programme has errors, one case `programme` with an `<error>` holding them instead.
    static func junit(_ run: TestRun) -> String {
        let renderer = TextDiagnosticRenderer(sources: run.engine.sources, useColor: false)
        let errors = run.programmeErrors.isEmpty ? 0 : 1
        let total = run.programmeErrors.isEmpty ? run.results.count : 1
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"mentor test\" tests=\"\(total)\" failures=\"\(run.failedCount)\" errors=\"\(errors)\">\n"
        xml += "  <testsuite name=\"tests\" tests=\"\(total)\" failures=\"\(run.failedCount)\" errors=\"\(errors)\" skipped=\"0\">\n"
        if !run.programmeErrors.isEmpty {
            xml += "    <testcase classname=\"mentor.tests\" name=\"programme\">\n"
            xml += "      <error message=\"tests not run: the programme has errors\" type=\"programme\">"
            xml += XMLEscaping.escapeText(renderer.render(run.programmeErrors))
            xml += "</error>\n    </testcase>\n"
        }
        for result in run.results {
            xml += "    <testcase classname=\"mentor.tests\" name=\"\(XMLEscaping.escapeAttribute(result.name))\""
            if let position = DiagnosticPosition(result.span, in: run.engine.sources) {
                xml += " file=\"\(XMLEscaping.escapeAttribute(position.path))\" line=\"\(position.line)\""
            }
            guard let first = result.failures.first else {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            xml += "      <failure message=\"\(XMLEscaping.escapeAttribute(first.message))\" type=\"\(first.code)\">"
            xml += XMLEscaping.escapeText(renderer.render(result.failures))
            xml += "</failure>\n    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>"
        return xml
    }

    /// TAP 14: a test point per test, a failing one with a YAML block of its failures; when the
    /// programme has errors, they are comments and the stream bails out before any test.
    static func tap(_ run: TestRun) -> String {
        let sources = run.engine.sources
        var tap = TAPWriter()
        if !run.programmeErrors.isEmpty {
            var text = TextDiagnosticRenderer(sources: sources, useColor: false).render(run.programmeErrors)
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
        for result in run.results {
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
            tap.point(ok: result.passed, result.name, yaml: yaml)
        }
        return tap.output
    }
}
