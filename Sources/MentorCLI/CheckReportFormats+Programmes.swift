import MentorDiagnostics
import MentorRuntime

/// `check DIR/...` in the machine formats: every programme's report in one document, each
/// programme's part shaped as its own report would be (docs/cli.md, "Several programmes").
extension CheckReportFormats {
    /// What a programme none of whose files could be read gets instead of a report.
    static let notChecked = "not checked: no file of it could be read"

    /// `{"version":1,"summary":{…},"programmes":[{"path":…,"summary":…,"diagnostics":[…]}]}`: the
    /// summary adds the programmes' up; a programme that could not be read has a `null` summary.
    static func json(_ programmes: [ProgrammeRun<CheckRun>]) -> String {
        let summary = CheckSummary(adding: programmes.compactMap { $0.run?.summary })
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("version", 1)
            w.object("summary") { s in
                s.field("programmes", programmes.count)
                s.field("files", summary.fileCount)
                s.field("errors", summary.errors)
                s.field("warnings", summary.warnings)
                s.field("waived", summary.waived)
            }
            w.programmes(programmes, emptyLists: ["diagnostics"]) { writeJSONReport($0, into: &$1) }
        }
        return writer.output
    }

    /// SARIF 2.1.0 with one run per programme, each named by `automationDetails`; a programme
    /// that could not be read is a run with no results whose invocation did not succeed.
    static func sarif(_ programmes: [ProgrammeRun<CheckRun>]) -> String {
        sarifLog { runs in
            for programme in programmes {
                if let run = programme.run {
                    writeSARIFRun(run, programme: programme.name, into: &runs)
                    continue
                }
                runs.object { r in
                    writeSARIFTool(into: &r) { _ in }
                    writeSARIFAutomationDetails(programme.name, into: &r)
                    r.array("invocations") { invocations in
                        invocations.object { invocation in
                            invocation.field("executionSuccessful", false)
                            invocation.array("toolExecutionNotifications") { notifications in
                                notifications.object { notification in
                                    notification.field("level", "error")
                                    notification.object("message") { $0.field("text", notChecked) }
                                }
                            }
                        }
                    }
                    r.array("results") { _ in }
                }
            }
        }
    }

    /// JUnit XML with one `<testsuite>` per programme, named by its path, which is also its
    /// cases' `classname` (as go-junit-report names a Go package's), so the same rule in two
    /// programmes is two cases. A programme that could not be read has one case, `programme`,
    /// with an `<error>`.
    static func junit(_ programmes: [ProgrammeRun<CheckRun>]) -> String {
        let suites = programmes.map { programme in
            guard let run = programme.run else { return unreadSuite(programme.name, message: notChecked) }
            return junitSuite(run, name: programme.name, classname: programme.name)
        }
        return JUnitXML.document(name: "mentor check", suites: suites)
    }

    /// The `<testsuite>` of a programme that could not be read: one case with an `<error>`.
    static func unreadSuite(_ name: String, message: String) -> JUnitXML.Suite {
        JUnitXML.Suite(name: name, cases: [JUnitXML.Case(classname: name, name: "programme",
                                                         outcome: .error(message: message, type: "io", text: message))])
    }

    /// One TAP stream: a comment naming each programme, then its points (one per file, as for one
    /// programme), numbered on from the previous programme's; a programme that could not be read
    /// is one failing point named by its path.
    static func tap(_ programmes: [ProgrammeRun<CheckRun>], strict: Bool) -> String {
        let parts = programmes.map { programme in
            (programme.name, programme.run.map { tapPoints($0, strict: strict) }
                ?? [TAPPoint(ok: false, description: programme.name, yaml: [("message", .string(notChecked)), ("severity", .string("fail"))])])
        }
        return TAPWriter.programmes(parts, emptyReason: "no .mentor files to check")
    }
}
