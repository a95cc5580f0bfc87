import MentorDiagnostics

/// JUnit XML as CI servers read it (the Ant schema's `testsuites` › `testsuite` › `testcase`):
/// the one writer of `check --format junit` and `test --format junit`, for one programme or
/// one `<testsuite>` per programme of `DIR/...`. The counts are derived from the cases.
enum JUnitXML {
    /// How a case did not pass: a `<failure>` (what it checks is not so) or an `<error>` (it
    /// could not run), with a one-line message, a type and the full text.
    struct Outcome {
        /// `failure` or `error`, the element's name.
        enum Kind: String { case failure, error }
        let kind: Kind
        let message: String
        let type: String
        let text: String

        /// A `<failure>`.
        static func failure(message: String, type: String, text: String) -> Outcome {
            Outcome(kind: .failure, message: message, type: type, text: text)
        }

        /// An `<error>`.
        static func error(message: String, type: String, text: String) -> Outcome {
            Outcome(kind: .error, message: message, type: type, text: text)
        }
    }

    /// One `<testcase>`; `file` and `line` are written when known.
    struct Case {
        let classname: String
        let name: String
        var file: String?
        var line: Int?
        /// Nil when the case passed.
        var outcome: Outcome?

        init(classname: String, name: String, file: String? = nil, line: Int? = nil, outcome: Outcome? = nil) {
            self.classname = classname
            self.name = name
            self.file = file
            self.line = line
            self.outcome = outcome
        }
    }

    /// One `<testsuite>` and its cases.
    struct Suite {
        let name: String
        var cases: [Case] = []

        /// The cases that failed.
        var failures: Int { cases.count { $0.outcome?.kind == .failure } }
        /// The cases that could not run.
        var errors: Int { cases.count { $0.outcome?.kind == .error } }
    }

    /// The document: `<testsuites name=…>` holding `suites`, with the counts added up.
    static func document(name: String, suites: [Suite]) -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(attribute(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites {
            xml += "  <testsuite name=\"\(attribute(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"0\">\n"
            for testCase in suite.cases { xml += element(testCase) }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>"
    }

    /// A `<testcase>`, empty when it passed.
    private static func element(_ testCase: Case) -> String {
        var xml = "    <testcase classname=\"\(attribute(testCase.classname))\" name=\"\(attribute(testCase.name))\""
        if let file = testCase.file { xml += " file=\"\(attribute(file))\"" }
        if let line = testCase.line { xml += " line=\"\(line)\"" }
        guard let outcome = testCase.outcome else { return xml + "/>\n" }
        xml += ">\n"
        xml += "      <\(outcome.kind.rawValue) message=\"\(attribute(outcome.message))\" type=\"\(attribute(outcome.type))\">"
        xml += XMLEscaping.escapeText(outcome.text)
        return xml + "</\(outcome.kind.rawValue)>\n    </testcase>\n"
    }

    private static func attribute(_ text: String) -> String { XMLEscaping.escapeAttribute(text) }
}
