import MentorDiagnostics
@testable import MentorRuntime
import MentorSource
import MentorSyntax
import Testing

/// Files resolved on several threads at once leave the programme exactly as files resolved
/// one by one: the same diagnostics in the same order, the same fields, rule bodies and scripts.
@Suite("Parallel resolve")
struct ParallelResolveTests {
    /// What declaring and resolving a set of files left, in a comparable form.
    struct Outcome: Equatable {
        var diagnostics: [Diagnostic]
        var entities: [String]
        var givenFields: [[String]]
        var pendingSlots: [[Int]]
        var storedValues: [[String]]
        var ruleBodies: [Int]
        var scriptStatements: [Int]
    }

    /// Twelve files, each with people, an agreement with a literal and a computed field, an
    /// undeclared name, an unknown field, a missing field, a top-level `let` and `fn`, a rule
    /// and a script statement: every kind of result the resolve pass hands back.
    static func sources() -> [String] {
        (0..<12).map { n in
            """
            person p\(n) "Person \(n)" { email: "p\(n)@example.org" }
            person q\(n) "Person Q\(n)" { supervisor: p\(n), colour: "blue" }
            let span\(n) = 3
            fn twice\(n)(x) { x * 2 }
            agreement a\(n) "Agreement \(n)" {
              mentor: p\(n)
              mentee: q\(n)
              start: 2026-01-12
              term: span\(n) months
              cadence: weekly
              goal g\(n) "Goal \(n)" { measure: "talks", target: twice\(n)(1), due: 2026-05-01 }
            }
            agreement b\(n) { mentor: p\(n), mentee: nobody\(n) }
            rule r\(n) "Rule \(n)" { for a in agreements { require a.term != 0 months } }
            print(span\(n))
            """
        }
    }

    static func resolve(workers: Int) throws -> Outcome {
        let sources = SourceMap()
        let files = Self.sources().enumerated().map { sources.add(path: "file\($0.offset).mentor", text: $0.element) }
        var parsed = files.map { ($0, Parser.parse($0).syntax) }
        let model = ProgramModel()
        let globals = GlobalTable()
        Builtins.install(into: globals)
        var declarer = Declarer(model: model, globals: globals, sources: sources, index: DeclarationIndex(), replacing: false)
        for (_, syntax) in parsed { declarer.declare(syntax, isStandard: false) }
        declarer.resolveAll(&parsed, workers: workers)
        #expect(parsed.isEmpty, "the trees are taken")
        let entities = model.store.all
        return Outcome(
            diagnostics: declarer.diagnostics,
            entities: entities.map(model.name),
            givenFields: entities.map { model.site(of: $0).givenFields.map(\.name) },
            pendingSlots: entities.map { model.pendingSlotsByName(of: $0) },
            storedValues: entities.map { entity in model.schema(of: entity).fields.map { "\(model.value(of: entity, at: $0.slot).map { "\($0)" } ?? "-")" } },
            ruleBodies: declarer.ruleBodies.keys.sorted().map(\.offset),
            scriptStatements: declarer.scripts.map(\.statements.count))
    }

    @Test("resolving on several threads gives what resolving on one gives", arguments: [2, 4])
    func parallelMatchesSerial(workers: Int) throws {
        let serial = try Self.resolve(workers: 1)
        #expect(serial.diagnostics.count >= 24, "every file reports its undeclared name and unknown field")
        #expect(serial.ruleBodies.count == 12)
        #expect(serial.scriptStatements == Array(repeating: 1, count: 12))
        #expect(serial.pendingSlots.contains { !$0.isEmpty }, "computed fields wait for elaboration")
        let parallel = try Self.resolve(workers: workers)
        #expect(parallel == serial)
    }
}
