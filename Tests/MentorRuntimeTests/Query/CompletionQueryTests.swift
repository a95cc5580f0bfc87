import Testing
import MentorRuntime
import MentorSource

@Suite("Position queries: completion")
struct CompletionQueryTests {
    /// The labels offered where `|` stands in `text` (the marker removed), typed in `path`.
    static func labels(_ fixture: QueryFixture, _ text: String, path: String = "agreements/new.mentor") -> [String] {
        items(fixture, text, path: path).map(\.label)
    }

    static func items(_ fixture: QueryFixture, _ text: String, path: String = "agreements/new.mentor") -> [CompletionItem] {
        let marker = text.range(of: "|")!
        let offset = UInt32(text[..<marker.lowerBound].utf8.count)
        return fixture.queries.completions(path: path, text: text.replacingOccurrences(of: "|", with: ""), at: offset)
    }

    @Test("in an agreement being written: its fields, less those given, with type and doc")
    func agreementFields() throws {
        let fixture = try QueryFixture.credentialExample()
        let items = Self.items(fixture, "agreement x {\n  mentor: ana\n  |\n}\n")
        let labels = items.map(\.label)
        #expect(labels.contains("mentee"))
        #expect(labels.contains("start"))
        #expect(labels.contains("goal"))
        #expect(!labels.contains("mentor"))
        let mentee = try #require(items.first { $0.label == "mentee" })
        #expect(mentee.kind == .field)
        #expect(mentee.insertText == "mentee: ")
        #expect(mentee.detail == "a person (required)")
        #expect(mentee.documentation?.isEmpty == false)
        #expect(Self.labels(fixture, "agreement x {\n  mentor: ana\n  st|\n}\n") == ["start"])
    }

    @Test("the value of `mentor:` offers people; `requires:` competencies; `channels:` the channel words")
    func expectedKinds() throws {
        let fixture = try QueryFixture.credentialExample()
        #expect(Self.labels(fixture, "agreement x {\n  mentor: |\n}\n") == ["ana", "bo", "lee", "dave", "ines"])
        #expect(Self.labels(fixture, "agreement x {\n  mentor: d|\n}\n") == ["dave"])
        let competencies = Self.labels(fixture, "competency c {\n  requires: [adult_learning, |]\n}\n")
        #expect(competencies == ["adult_learning", "stages_of_learning", "problem_solving", "strategic_planning"])
        #expect(Self.labels(fixture, "agreement x {\n  channels: [video, |\n}\n") == ["chat", "email", "in_person", "phone", "video"])
        #expect(Self.labels(fixture, "agreement x {\n  cadence: |\n}\n") == ["weekly", "biweekly", "monthly", "every"])
        let replaced = Self.items(fixture, "agreement x {\n  mentee: in|\n}\n")
        #expect(replaced.map(\.label) == ["ines"])
        #expect(replaced[0].replacing == 24..<26)
    }

    @Test("after `.`: the members of the receiver's kind, of a loop variable's, or of a list")
    func members() throws {
        let fixture = try QueryFixture.credentialExample()
        let agreement = Self.labels(fixture, "let e = ana_dave.|")
        #expect(agreement.contains("end"))
        #expect(agreement.contains("mentor"))
        #expect(agreement.contains("next_session"))
        #expect(!agreement.contains("supervisor"))
        let loop = Self.labels(fixture, "rule r \"R\" {\n  for a in agreements, g in a.goals {\n    require g.d|\n  }\n}\n")
        #expect(loop == ["due"])
        #expect(Self.labels(fixture, "let n = ana_dave.mentor.su|") == ["supervisor"])
        #expect(Self.labels(fixture, "let n = agreements.co|") == ["contains", "count"])
        #expect(Self.labels(fixture, "let r = std.|").isEmpty)
    }

    /// Both were found by the `queries` fuzz target as stack overflows (Tests/Regressions/queries).
    @Test("a loop's collection named like its variable is the outer binding; a chain of any length is typed")
    func selfReferentAndLongChains() throws {
        let fixture = try QueryFixture.credentialExample()
        let shadowing = "rule r \"R\" {\n  for g in agreements {\n    for g in g.goals {\n      require g.d|\n"
        #expect(Self.labels(fixture, shadowing) == ["due"])
        // Nothing outside binds `a`: the receiver is unknown, so every member is offered.
        #expect(Self.labels(fixture, "rule r \"R\" {\n  for a in a.|") == Self.labels(fixture, "let n = unbound.|"))
        let chain = "let n = ana_dave.mentor" + String(repeating: ".supervisor", count: 100_000) + ".su|"
        #expect(Self.labels(fixture, chain) == ["supervisor"])
    }

    @Test("`std.` offers the standard rules once the programme imports std")
    func standardRules() {
        let fixture = QueryFixture([("main.mentor", "import std\nperson p\n")])
        let items = Self.items(fixture, "let r = std.sm|", path: "main.mentor")
        #expect(items.map(\.label) == ["smart_goals"])
        #expect(items[0].kind == .standardRule)
    }

    @Test("at the top level: declaration words, let, fn, import; in an expression: names and keywords")
    func keywordsAndNames() throws {
        let fixture = try QueryFixture.credentialExample()
        let top = Self.labels(fixture, "ag|")
        #expect(top.contains("agreement"))
        #expect(top.contains("agenda"))
        #expect(Self.labels(fixture, "fo|") == [])
        let expression = Self.labels(fixture, "let x = no|")
        #expect(expression == ["no_supervisor", "none", "not"])
    }

    @Test("names bound before the cursor in the item being written: lets, fns, parameters, loop variables")
    func locals() throws {
        let fixture = try QueryFixture.credentialExample()
        let items = Self.items(fixture, "fn f(alpha, beta) {\n  let gamma = alpha\n  [1].map(delta => |)\n}\n")
        let locals = items.filter { $0.detail != nil && ["fn", "let", "parameter", "loop variable"].contains($0.detail!) && $0.kind == .name }
        #expect(locals.map(\.label) == ["f", "alpha", "beta", "gamma", "delta"])
        let loop = Self.labels(fixture, "rule r \"R\" {\n  for ag in agreements {\n    require a|\n")
        #expect(loop.first == "ag")
    }

    @Test("in the string after `import`: the programme's files, relative to the importing file")
    func importPaths() throws {
        let fixture = try QueryFixture.credentialExample()
        let items = Self.items(fixture, "import \"|\"\n")
        #expect(items.map(\.label) == ["../people.mentor", "../program.mentor", "ana_dave.mentor", "ana_ines.mentor"])
        #expect(items.allSatisfy { $0.kind == .file })
        #expect(Self.labels(fixture, "import \"../pe|\"\n") == ["../people.mentor"])
        #expect(Self.labels(fixture, "import \"agreements/|\"\n", path: "main.mentor") == ["agreements/ana_dave.mentor", "agreements/ana_ines.mentor"])
    }
}
