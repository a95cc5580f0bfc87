import MentorDiagnostics
import MentorRuntime

/// `test DIR/...` in the machine formats: every programme's results in one document, each
/// programme's part shaped as its own report would be (docs/cli.md, `test`).
extension TestReportFormats {
    /// What a programme none of whose files could be read gets instead of results.
    static let notTested = "not tested: no file of it could be read"
    /// Why a programme with errors has no results.
    static let notRun = "tests not run: the programme has errors"

    /// `{"version":1,"summary":{…},"programmes":[{"path":…,"summary":…,"tests":[…],"diagnostics":[…]}]}`:
    /// the summary adds the programmes' up; a programme that could not be read has a `null` summary.
    static func json(_ programmes: [ProgrammeRun<TestRun>]) -> String {
        let runs = programmes.compactMap(\.run)
        func total(_ count: (TestRun) -> Int) -> Int { runs.reduce(0) { $0 + count($1) } }
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("version", 1)
            w.object("summary") { s in
                s.field("programmes", programmes.count)
                s.field("files", total(\.fileCount))
                s.field("tests", total(\.results.count))
                s.field("passed", total(\.passedCount))
                s.field("failed", total(\.failedCount))
                s.field("errors", total(\.programmeErrors.count))
            }
            w.programmes(programmes, emptyLists: ["tests", "diagnostics"]) { writeJSONReport($0, into: &$1) }
        }
        return writer.output
    }

    /// JUnit XML with one `<testsuite>` per programme, named by its path, which is also its
    /// cases' `classname`, as for `check`.
    static func junit(_ programmes: [ProgrammeRun<TestRun>]) -> String {
        let suites = programmes.map { programme in
            guard let run = programme.run else { return CheckReportFormats.unreadSuite(programme.name, message: notTested) }
            return junitSuite(run, name: programme.name, classname: programme.name)
        }
        return JUnitXML.document(name: "mentor test", suites: suites)
    }

    /// One TAP stream: a comment naming each programme, then a point per test, numbered on. A
    /// programme with errors cannot bail the whole stream out: it is one failing point named by
    /// its path, whose YAML block lists the errors; so is a programme that could not be read.
    static func tap(_ programmes: [ProgrammeRun<TestRun>]) -> String {
        let parts = programmes.map { programme -> (String, [TAPPoint]) in
            guard let run = programme.run else {
                return (programme.name, [TAPPoint(ok: false, description: programme.name,
                                                  yaml: [("message", .string(notTested)), ("severity", .string("fail"))])])
            }
            guard run.programmeErrors.isEmpty else {
                let errors = run.programmeErrors.map { TAPWriter.yaml(of: $0, sources: run.engine.sources) }
                return (programme.name, [TAPPoint(ok: false, description: programme.name,
                                                  yaml: [("message", .string(notRun)), ("severity", .string("fail")),
                                                         ("diagnostics", .list(errors))])])
            }
            return (programme.name, tapPoints(run))
        }
        return TAPWriter.programmes(parts, emptyReason: "no tests")
    }
}
