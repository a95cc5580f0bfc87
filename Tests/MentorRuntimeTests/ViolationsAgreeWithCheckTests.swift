import Foundation
@testable import MentorRuntime
import MentorDiagnostics
import MentorSyntax
import Testing

/// `violations(rule, x)` is how a programme tests its rules, so it must say what `check` says:
/// for every rule (the programme's and std's) and every entity `x`, the violations it returns
/// about `x` are exactly the diagnostics `check` reports at `x` for that rule; and for `x with
/// { … }` they are what `check` reports at `x` on a programme where `x` was edited that way.
@Suite("violations agrees with check")
struct ViolationsAgreeWithCheckTests {
    static let today = CivilDate(year: 2026, month: 6, day: 1)!

    /// A programme as a list of top-level declarations, so a test can edit one and rebuild it.
    struct Programme {
        var declarations: [(name: String, kind: String, fields: [(String, String)], body: String)]

        var source: String {
            var text = "import std\n"
            text += "program \"Generated\" { max_mentees: 2, term: 12 months, cadence: every 2 weeks, review: every 3 months }\n"
            text += """
                rule busy "A mentor's agreements fit the programme's capacity" {
                  for a in agreements {
                    require a.mentor.agreements.count <= program.max_mentees else "\\(a.mentor.name) is in \\(a.mentor.agreements.count) agreements"
                  }
                }
                rule capacity warning "A mentor has at most max_mentees mentees" {
                  for m in people where m.mentees.count > program.max_mentees {
                    fail "\\(m.name) mentors \\(m.mentees.count) people"
                  }
                }

                """
            for declaration in declarations {
                let fields = declaration.fields.map { "  \($0.0): \($0.1)\n" }.joined()
                text += "\(declaration.kind) \(declaration.name) {\n\(fields)\(declaration.body)}\n"
            }
            return text
        }
    }

    /// A small random programme: people with supervisors and competencies, agreements with
    /// goals, some fields missing so that every standard rule has something to find.
    static func generate(seed: UInt64) -> Programme {
        var random = SplitMix(seed: seed)
        var declarations = Programme(declarations: [])
        declarations.declarations.append(("listening", "competency", [], ""))
        declarations.declarations.append(("coaching", "competency", [("requires", "[listening]")], ""))
        let people = (0..<random.next(in: 3...6)).map { "p\($0)" }
        for person in people {
            var fields: [(String, String)] = []
            if random.chance(0.5) { fields.append(("supervisor", people[random.next(in: 0...(people.count - 1))])) }
            if random.chance(0.4) { fields.append(("competencies", random.chance(0.5) ? "[coaching]" : "[listening, coaching]")) }
            declarations.declarations.append((person, "person", fields, ""))
        }
        for index in 0..<random.next(in: 2...7) {
            let mentor = people[random.next(in: 0...(people.count - 1))]
            var mentee = people[random.next(in: 0...(people.count - 1))]
            if mentee == mentor { mentee = people[(people.firstIndex(of: mentor)! + 1) % people.count] }
            var fields: [(String, String)] = [("mentor", mentor), ("mentee", mentee), ("start", "2026-0\(random.next(in: 1...5))-12")]
            if random.chance(0.7) { fields.append(("channels", "[video]")) }
            if random.chance(0.7) { fields.append(("contact", "\"weekdays\"")) }
            if random.chance(0.6) { fields.append(("ending", "\"at any review\"")) }
            if random.chance(0.5) { fields.append(("signed", "{ \(mentor): 2026-01-02, \(mentee): 2026-01-03 }")) }
            var body = ""
            for goal in 0..<random.next(in: 0...2) {
                let measure = random.chance(0.7) ? " measure: \"talks\"," : ""
                let due = random.chance(0.5) ? "2026-11-30" : "2028-01-01"
                body += "  goal g\(index)_\(goal) \"Goal\" {\(measure) target: 1, due: \(due) }\n"
            }
            declarations.declarations.append(("a\(index)", "agreement", fields, body))
        }
        return declarations
    }

    static func engine(_ files: [(path: String, text: String)]) -> Engine {
        let engine = Engine(options: EngineOptions(today: today), output: { _ in })
        let sources = files.map { engine.addSource(path: $0.path, bytes: Array($0.text.utf8)) }
        let loaded = engine.load(sources)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.message))")
        return engine
    }

    /// The messages `check` reports for `rule` at `entity`, sorted.
    static func checkMessages(_ engine: Engine, rule: String, at entity: EntityRef) -> [String] {
        engine.check().diagnostics.filter { $0.rule == rule && $0.span == engine.model.nameSpan(of: entity) }.map(\.message).sorted()
    }

    /// Top-level entities that rules report at, by name (nested goals are reached through their agreement).
    static func subjects(_ engine: Engine) -> [(expression: String, entity: EntityRef)] {
        var result: [(String, EntityRef)] = []
        for kind in [DeclarationKind.agreement, .person, .agenda] {
            for entity in engine.model.entities(of: kind) {
                result.append((engine.model.name(of: entity), entity))
                for child in engine.model.children(of: entity) where child.kind == .goal {
                    result.append(("\(engine.model.name(of: entity)).goals.filter(g => g.id == \"\(engine.model.name(of: child))\").first", child))
                }
            }
        }
        return result
    }

    /// Every rule as a programme names it (`std.smart_goals` for the standard library's).
    static func ruleNames(_ engine: Engine) -> [String] {
        engine.model.entities(of: .rule).map(engine.model.name)
    }

    /// Checks the agreement for every rule and every subject of `engine`'s programme.
    static func assertAgreement(_ engine: Engine, label: String) {
        let check = engine.check().diagnostics
        for rule in ruleNames(engine) {
            for subject in subjects(engine) {
                let expected = check.filter { $0.rule == rule && $0.span == engine.model.nameSpan(of: subject.entity) }.map(\.message).sorted()
                let expression = subject.expression.contains(" ") ? "(\(subject.expression))" : subject.expression
                let got = violationMessagesOf(engine, rule: rule, subject: expression, identity: expression)
                #expect(got == expected, "\(label): violations(\(rule), \(subject.expression))")
            }
        }
    }

    /// The messages `violations(rule, subject)` returns about `subject`, sorted.
    /// `identity` names the entity `subject` stands for (itself, or the original of a copy).
    static func violationMessagesOf(_ engine: Engine, rule: String, subject: String, identity: String) -> [String] {
        var printed = ""
        engine.output = { printed += $0 }
        let entry = "for v in violations(\(rule), \(subject)) where v.entity == \(identity) { print(v.message) }"
        let result = engine.evaluateEntry(entry)
        #expect(result.diagnostics.isEmpty, "\(entry): \(result.diagnostics.map(\.message))")
        return (printed + result.output).split(separator: "\n").map(String.init).sorted()
    }

    @Test("on the credential example")
    func credentialExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/credential-program")
        let paths = ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"]
        let files = try paths.map { (path: $0, text: try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
        Self.assertAgreement(Self.engine(files), label: "credential example")
    }

    @Test("on generated programmes", arguments: 0..<24)
    func generated(seed: Int) {
        let programme = Self.generate(seed: UInt64(seed))
        Self.assertAgreement(Self.engine([("generated.mentor", programme.source)]), label: "seed \(seed)")
    }

    @Test("with a copy: what check says of the edited programme", arguments: 0..<24)
    func editedCopy(seed: Int) {
        let programme = Self.generate(seed: UInt64(seed))
        var random = SplitMix(seed: UInt64(seed) &+ 1_000)
        let agreements = programme.declarations.indices.filter { programme.declarations[$0].kind == "agreement" }
        let people = programme.declarations.filter { $0.kind == "person" }.map(\.name)
        let position = agreements[random.next(in: 0...(agreements.count - 1))]
        let newMentor = people[random.next(in: 0...(people.count - 1))]
        let name = programme.declarations[position].name
        guard programme.declarations[position].fields.first(where: { $0.0 == "mentee" })?.1 != newMentor else { return }
        // A new mentor signs in the old one's place, so the edited declaration stays valid.
        let oldMentor = programme.declarations[position].fields.first { $0.0 == "mentor" }!.1
        var changes = [("mentor", newMentor)]
        if let signed = programme.declarations[position].fields.first(where: { $0.0 == "signed" })?.1 {
            changes.append(("signed", signed.replacingOccurrences(of: "{ \(oldMentor):", with: "{ \(newMentor):")))
        }
        var edited = programme
        edited.declarations[position].fields = edited.declarations[position].fields.map { field in
            changes.first { $0.0 == field.0 } ?? field
        }
        let with = changes.map { "\($0.0): \($0.1)" }.joined(separator: ", ")

        let original = Self.engine([("generated.mentor", programme.source)])
        let changed = Self.engine([("generated.mentor", edited.source)])
        let subject = changed.model.entities(of: .agreement).first { changed.model.name(of: $0) == name }!
        for rule in Self.ruleNames(changed) {
            let expected = Self.checkMessages(changed, rule: rule, at: subject)
            let got = Self.violationMessagesOf(original, rule: rule, subject: "\(name) with { \(with) }", identity: name)
            #expect(got == expected, "seed \(seed): violations(\(rule), \(name) with { \(with) })")
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed can be run again.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func nextRaw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(nextRaw() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(nextRaw() % 1_000_000) / 1_000_000 < probability
    }
}
