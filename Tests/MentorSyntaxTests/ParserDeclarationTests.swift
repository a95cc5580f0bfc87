import MentorDiagnostics
import Testing

@testable import MentorSyntax

@Suite struct ParserDeclarationTests {
    /// Every declaration form, and how the tree reads back.
    static let forms: [(String, String)] = [
        ("program \"Mentor Credential Program\" { term: 12 months }",
         "program \"Mentor Credential Program\" { term: 12month }"),
        ("program { max_mentees: 3 }", "program { max_mentees: 3 }"),
        ("program \"Only a title\"", "program \"Only a title\""),
        ("competency adult_learning \"Adult learning\"", "competency adult_learning \"Adult learning\""),
        ("competency x", "competency x"),
        ("competency x {}", "competency x"),
        ("competency s \"S\" {\n  requires: [problem_solving]\n}", "competency s \"S\" { requires: [problem_solving] }"),
        ("person lee \"Lee Park\"", "person lee \"Lee Park\""),
        ("person dave \"Dave Okafor\" { supervisor: lee }", "person dave \"Dave Okafor\" { supervisor: lee }"),
        ("person p { a: 1, b: 2, }", "person p { a: 1; b: 2 }"),
        ("person p {\n  a: 1,\n  b: 2\n\n  c: 3\n}", "person p { a: 1; b: 2; c: 3 }"),
        ("person p \"P\"\n{\n  a: 1\n}", "person p \"P\" { a: 1 }"),
        ("pathway credential \"C\" {\n  step application \"Application submitted\"\n  step training \"T\" { competencies: [a, b] }\n}",
         "pathway credential \"C\" { step application \"Application submitted\"; step training \"T\" { competencies: [a, b] } }"),
        ("agreement ana_dave {\n  mentor: ana\n  goal savings \"Cut cost\" {\n    target: 15%\n  }\n}",
         "agreement ana_dave { mentor: ana; goal savings \"Cut cost\" { target: 15.0% } }"),
        ("agreement a { cadence: weekly for 4 weeks, then monthly }",
         "agreement a { cadence: ((weekly for 4week), then monthly) }"),
        ("agreement a {\n  cadence: weekly for 4 weeks,\n    then biweekly for 2 months,\n    then monthly\n  review: every 3 months\n}",
         "agreement a { cadence: ((weekly for 4week), then (biweekly for 2month), then monthly); review: (every 3month) }"),
        ("agreement a { x: 1, y: 2 }", "agreement a { x: 1; y: 2 }"),
        ("agenda plan for ana_dave {\n  at: 09:30\n  session 1 \"Getting started\" { topics: [\"Build rapport\"] }\n  session 3 \"Industry trends\"\n}",
         "agenda plan for ana_dave { at: time(9:30); session #1 \"Getting started\" { topics: [\"Build rapport\"] }; session #3 \"Industry trends\" }"),
        ("agenda plan \"P\" for ana_dave", "agenda plan \"P\" for ana_dave"),
        ("rule no_supervisor \"A mentor never supervises\" {\n  for a in agreements {\n    require a.mentee.supervisor != a.mentor\n      else \"\\(a.mentor.name) supervises\"\n  }\n}",
         "rule no_supervisor \"A mentor never supervises\" { for a in agreements { require (a.mentee.supervisor != a.mentor) else \"\\(a.mentor.name) supervises\" } }"),
        ("rule capacity warning \"At most\" { fail \"x\" }", "rule capacity warning \"At most\" { fail \"x\" }"),
        ("rule bare { }", "rule bare {  }"),
        ("rule w warning { }", "rule w warning {  }"),
        ("test \"the rhythm\" {\n  expect a.schedule.count == 15\n}", "test \"the rhythm\" { expect (a.schedule.count == 15) }"),
        ("import \"agreements/ana_dave.mentor\"", "import \"agreements/ana_dave.mentor\""),
        ("import std", "import std"),
        // Any kind is accepted in any body; the checker reports misplaced ones.
        ("person p {\n  goal g \"G\"\n  competency c\n}", "person p { goal g \"G\"; competency c }"),
        // A nested declaration may be followed by a comma on its line.
        ("pathway p { step a \"A\", step b \"B\" }", "pathway p { step a \"A\"; step b \"B\" }"),
    ]

    @Test(arguments: forms)
    func declarationForm(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(TreeDump.file(result.syntax) == expected)
        #expect(!result.isIncomplete)
    }

    /// Declaration words are ordinary names where no declaration can begin.
    static let contextualWords: [(String, String)] = [
        ("program.max_mentees", "program.max_mentees"),
        ("print(program)", "print(program)"),
        ("let person = 1", "let person = 1"),
        ("agreement", "agreement"),
        ("rule", "rule"),
        ("test(1)", "test(1)"),
        ("test\n\"x\"", "test\n\"x\""),
        ("person\nlee", "person\nlee"),
        ("competency x\n\"not a title\"", "competency x\n\"not a title\""),
        ("competency x\nfor c in cs { }", "competency x\nfor c in cs {  }"),
        ("rule r\n{ }", "rule r {  }"),
        ("agreement a { step: 1, goal: 2, session: 3 }", "agreement a { step: 1; goal: 2; session: 3 }"),
        ("agenda a { session: 1 }", "agenda a { session: 1 }"),
    ]

    @Test(arguments: contextualWords)
    func contextualWord(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(TreeDump.file(result.syntax) == expected)
    }

    @Test func declarationPartsAndSpans() throws {
        let source = "agenda plan \"Plan\" for ana_dave {\n  session 2 \"Goals\"\n}\nrule r warning { }"
        let (result, file) = parse(source)
        #expect(result.diagnostics.isEmpty)
        guard case .declaration(let agenda) = result.syntax.items[0], case .declaration(let rule) = result.syntax.items[1]
        else {
            Issue.record("expected two declarations")
            return
        }
        #expect(agenda.kind == .agenda)
        #expect(file.text(agenda.kindSpan) == "agenda")
        #expect(agenda.name?.name == "plan")
        #expect(file.text(try #require(agenda.name).span) == "plan")
        #expect(file.text(try #require(agenda.title).span) == "\"Plan\"")
        #expect(agenda.target?.name == "ana_dave")
        #expect(file.text(try #require(agenda.target).span) == "ana_dave")
        #expect(file.text(agenda.span) == "agenda plan \"Plan\" for ana_dave {\n  session 2 \"Goals\"\n}")
        #expect(file.text(agenda.nameSpan) == "plan")
        guard case .nested(let session) = agenda.members[0] else {
            Issue.record("expected a nested session")
            return
        }
        #expect(session.kind == .session)
        #expect(session.number == 2)
        #expect(file.text(try #require(session.numberSpan)) == "2")
        #expect(file.text(session.nameSpan) == "2")
        #expect(file.text(session.span) == "session 2 \"Goals\"")
        #expect(rule.isWarning)
        #expect(rule.body.isEmpty)
        #expect(file.text(rule.span) == "rule r warning { }")
    }

    @Test func programAndTestHaveNoName() throws {
        let (result, file) = parse("program \"P\" { }\ntest \"t\" { expect true }")
        guard case .declaration(let program) = result.syntax.items[0], case .declaration(let test) = result.syntax.items[1]
        else {
            Issue.record("expected two declarations")
            return
        }
        #expect(program.name == nil)
        #expect(file.text(program.nameSpan) == "program")
        #expect(test.name == nil)
        #expect(file.text(try #require(test.title).span) == "\"t\"")
        #expect(test.body.count == 1)
    }

    @Test func importSpans() throws {
        let (result, file) = parse("import \"a/b.mentor\"\nimport std")
        guard case .importDecl(let path) = result.syntax.items[0], case .importDecl(let std) = result.syntax.items[1]
        else {
            Issue.record("expected two imports")
            return
        }
        #expect(path.target == .path("a/b.mentor"))
        #expect(file.text(path.targetSpan) == "\"a/b.mentor\"")
        #expect(file.text(path.span) == "import \"a/b.mentor\"")
        #expect(std.target == .std(.all))
        #expect(file.text(std.targetSpan) == "std")
        #expect(file.text(std.span) == "import std")
    }

    @Test func standardSelections() throws {
        let (result, file) = parse("import std.smart_goals\nimport std except no_supervisor,\n  boundaries\nimport std")
        #expect(result.diagnostics.isEmpty)
        let imports = result.syntax.items.compactMap { item -> ImportDecl? in
            if case .importDecl(let decl) = item { decl } else { nil }
        }
        #expect(imports.count == 3)
        guard imports.count == 3 else { return }
        guard case .std(.only(let one)) = imports[0].target, case .std(.except(let left)) = imports[1].target else {
            Issue.record("expected `std.NAME` and `std except …`")
            return
        }
        #expect(one.name == "smart_goals")
        #expect(left.map(\.name) == ["no_supervisor", "boundaries"])
        #expect(file.text(imports[1].targetSpan) == "std except no_supervisor,\n  boundaries")
        #expect(imports[2].target == .std(.all))
    }

    @Test(arguments: ["import std.", "import std except", "import std except a,", "import std.\"x\""])
    func unreadableStandardSelections(_ source: String) {
        let (result, _) = parse(source)
        #expect(result.diagnostics.map(\.code) == [.unexpectedToken])
    }

    /// Doc comments: which `///` lines document what.
    static let docComments: [(String, String?)] = [
        ("/// One line.\nperson p", "One line."),
        ("/// First\n///   indented\n///no space\nperson p", "First\n  indented\nno space"),
        ("/// Detached.\n\nperson p", nil),
        ("// plain\nperson p", nil),
        ("/// Doc\n// plain\nperson p", nil),
        ("x /// trailing\nperson p", nil),
        ("///\nperson p", ""),
        ("  /// Indented doc\n  person p", "Indented doc"),
        ("//// Decoration\nperson p", nil),
    ]

    @Test(arguments: docComments)
    func docCommentAttachment(source: String, expected: String?) throws {
        let (result, _) = parse(source)
        let declaration = try #require(result.syntax.items.compactMap { item -> Declaration? in
            if case .declaration(let value) = item { return value }
            return nil
        }.first)
        #expect(declaration.docComment == expected)
    }

    @Test func docCommentsOnNestedDeclarationsAndTopLevelBindings() throws {
        let source = """
            /// The pathway.
            pathway p {
              /// The first step.
              step a "A"
              b: 1
            }
            /// A helper.
            fn double(x) = x * 2
            /// A constant.
            let answer = 42
            /// Not for expressions.
            print(1)
            """
        let (result, file) = parse(source)
        #expect(result.diagnostics.isEmpty)
        guard case .declaration(let pathway) = result.syntax.items[0], case .nested(let step) = pathway.members[0],
            case .statement(let function) = result.syntax.items[1], case .statement(let binding) = result.syntax.items[2],
            case .statement(let printing) = result.syntax.items[3]
        else {
            Issue.record("unexpected items")
            return
        }
        #expect(pathway.docComment == "The pathway.")
        #expect(file.text(pathway.span).hasPrefix("pathway p {"))
        #expect(step.docComment == "The first step.")
        #expect(function.docComment == "A helper.")
        #expect(file.text(function.span) == "fn double(x) = x * 2")
        #expect(binding.docComment == "A constant.")
        #expect(printing.docComment == nil)
        #expect(result.syntax.comments.count == 5)
        #expect(result.syntax.comments.allSatisfy { $0.kind == .doc })
    }

    @Test func everyCommentIsKept() {
        let source = "// line\nlet x = 1 /* block */ + 2 // trailing\n/// doc\nperson p"
        let (result, file) = parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.syntax.comments.map(\.kind) == [.line, .block, .line, .doc])
        #expect(result.syntax.comments.map { file.text($0.span) } == ["// line", "/* block */", "// trailing", "/// doc"])
        #expect(TreeDump.file(result.syntax) == "let x = (1 + 2)\nperson p")
    }
}
