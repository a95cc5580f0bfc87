import MentorDiagnostics
@testable import MentorRuntime
import MentorSource
import MentorSyntax
import Testing

/// The phases between a parsed file and an elaborated programme, each run on its own: the
/// declare and resolve passes of `Declarer`, then `Elaborator`, given a model, a global table
/// and an interpreter made here, with no `Engine`.
@Suite("Phases")
struct PhaseTests {
    /// What one phase run leaves behind.
    struct Built {
        let model: ProgramModel
        let globals: GlobalTable
        let interpreter: Interpreter
        var declarer: Declarer
        let syntax: SourceFileSyntax
        let file: SourceFile
    }

    static let today = CivilDate(year: 2026, month: 6, day: 1)!

    /// Parses `source` and runs the declare pass only.
    static func declared(_ source: String) throws -> Built {
        let sources = SourceMap()
        let file = sources.add(path: "phase.mentor", text: source)
        let parsed = Parser.parse(file)
        #expect(parsed.diagnostics.isEmpty, "the sample must parse: \(parsed.diagnostics.map(\.message))")
        let model = ProgramModel()
        let globals = GlobalTable()
        Builtins.install(into: globals)
        let interpreter = Interpreter(globals: globals, model: model, limits: EvaluationLimits(), interrupt: InterruptFlag(),
                                      today: today, output: { _ in })
        var declarer = Declarer(model: model, globals: globals, sources: sources, index: DeclarationIndex(), replacing: false)
        declarer.declare(parsed.syntax, isStandard: false)
        return Built(model: model, globals: globals, interpreter: interpreter, declarer: declarer, syntax: parsed.syntax, file: file)
    }

    /// Parses `source` and runs the declare and resolve passes.
    static func resolved(_ source: String) throws -> Built {
        var built = try declared(source)
        var files = [(built.file, built.syntax)]
        built.declarer.resolveAll(&files)
        return built
    }

    static func entity(_ id: String, in model: ProgramModel) throws -> EntityRef {
        try #require(model.store.all.first { model.name(of: $0) == id }, "no entity `\(id)`")
    }

    static let pair = """
        person ana "Ana Ruiz" { email: "ana@example.org" }
        person dave "Dave Okafor" { supervisor: ana }
        agreement ana_dave "Ana and Dave" {
          mentor: ana
          mentee: dave
          start: 2026-01-12
          term: 6 months
          cadence: weekly
          goal talk "Give a talk" { measure: "talks given", target: 1, due: 2026-05-01 }
        }
        """

    // MARK: Declare

    @Test("declare binds every top-level name to a global and makes one entity per declaration, nested ones included")
    func declareBindsNamesAndMakesEntities() throws {
        let built = try Self.declared(Self.pair)
        #expect(built.declarer.diagnostics.isEmpty)
        #expect(built.model.store.all.map(built.model.name) == ["ana", "dave", "ana_dave", "talk"])
        #expect(built.model.entities(of: .agreement).count == 1)
        for name in ["ana", "dave", "ana_dave"] {
            #expect(built.globals.index(of: name) != nil, "`\(name)` is not bound")
        }
        #expect(built.globals.index(of: "talk") == nil, "a nested goal is not a top-level name")
        let goal = try Self.entity("talk", in: built.model)
        let agreement = try Self.entity("ana_dave", in: built.model)
        #expect(built.model.store.parent(of: goal.index) == agreement.index)
        #expect(built.model.children(of: agreement).map(built.model.name) == ["talk"])
        // Declaring evaluates nothing and stores nothing: the fields are resolved next.
        #expect(built.model[agreement, AgreementField.start] == nil)
    }

    @Test("declare reports a name declared twice at the second, with a note at the first")
    func declareReportsDuplicates() throws {
        let built = try Self.declared("person ana \"Ana\"\nperson ana \"Ana again\"\n")
        let diagnostic = try #require(built.declarer.diagnostics.first)
        #expect(diagnostic.code == .duplicateDeclaration)
        #expect(diagnostic.span.start == 24)
        #expect(diagnostic.notes.first?.span?.start == 7)
        #expect(built.model.entities(of: .person).count == 1)
    }

    @Test("declare refuses a nested kind where it does not belong: a goal in a person")
    func declareRefusesMisplacedKinds() throws {
        let built = try Self.declared("person ana \"Ana\" {\n  goal talk \"Give a talk\" { due: 2026-05-01 }\n}\n")
        #expect(built.declarer.diagnostics.map(\.code) == [.misplacedDeclaration])
        #expect(built.model.store.all.map(built.model.name) == ["ana"])
    }

    // MARK: Resolve

    @Test("resolve stores a literal field at once, type-checked, and leaves an expression pending")
    func resolveStoresLiteralsAndDefersExpressions() throws {
        let built = try Self.resolved(Self.pair)
        #expect(built.declarer.diagnostics.isEmpty)
        let agreement = try Self.entity("ana_dave", in: built.model)
        guard case .date(let start)? = built.model[agreement, AgreementField.start] else {
            Issue.record("`start` is not stored after resolving")
            return
        }
        #expect(start == CivilDate(year: 2026, month: 1, day: 12))
        // `mentor: ana` names an entity, stored as it is; `cadence: weekly` is an expression, evaluated on first use.
        guard case .entity(let mentor)? = built.model[agreement, AgreementField.mentor] else {
            Issue.record("`mentor` is not stored after resolving")
            return
        }
        #expect(mentor.index == (try Self.entity("ana", in: built.model)).index)
        #expect(built.model.pendingSlotsByName(of: agreement) == [AgreementField.cadence.slot])
    }

    @Test("resolve reports an unknown field with its did-you-mean, and a literal of the wrong type")
    func resolveReportsFieldErrors() throws {
        let built = try Self.resolved("""
            person ana "Ana" { emial: "ana@example.org" }
            agreement a { mentor: ana, mentee: ana, start: "soon" }
            """)
        let codes = built.declarer.diagnostics.map(\.code)
        #expect(codes.contains(.unknownField))
        #expect(codes.contains(.fieldTypeMismatch))
        let unknown = try #require(built.declarer.diagnostics.first { $0.code == .unknownField })
        #expect(unknown.suggestions.map(\.replacement) == ["email"])
    }

    @Test("resolve reports a missing required field, naming every required one")
    func resolveReportsMissingFields() throws {
        let built = try Self.resolved("person ana \"Ana\"\nagreement a { mentor: ana }\n")
        let missing = built.declarer.diagnostics.filter { $0.code == .missingField }
        #expect(missing.map(\.primaryLabel) == ["missing `mentee`", "missing `start`"])
        #expect(missing.first?.help == "add `mentee: …`; every agreement needs `mentor`, `mentee` and `start`")
    }

    @Test("resolve starts every body and field of a file afresh: a rule's locals and a field's words do not reach the next field")
    func resolveStartsEachFieldAfresh() throws {
        // One resolver serves the whole file, restarted between bodies and fields.
        let built = try Self.resolved("""
            person ana "Ana" { email: "ana@example.org" }
            rule r "R" {
              let kept = 1
              for a in agreements { require a.mentor != a.mentee }
            }
            agreement a {
              mentor: ana
              mentee: ana
              start: 2026-01-12
              channels: [vidoe]
              term: kept
              cadence: vidoe
            }
            """)
        let found = built.declarer.diagnostics.map { ($0.code, $0.message) }
        #expect(found.map(\.0) == [.unknownDomainWord, .undeclaredName, .unknownDomainWord])
        #expect(found.map(\.1) == ["`vidoe` is not a channel", "cannot find `kept` in scope", "`vidoe` is not a cadence"])
    }

    @Test("resolve reports every repeat of a name in a record literal, at the repeat, in a short literal and in a long one", arguments: [2, 30])
    func resolveReportsRepeatedRecordNames(padding: Int) throws {
        // A short literal's names are compared pairwise, a long one's through a set: both report alike.
        let others = (0..<padding).map { "f\($0): 0" }.joined(separator: ", ")
        let source = "print({ a: 1, \(others), a: 2, b: 3, a: 4 })\n"
        let built = try Self.resolved(source)
        let repeats = built.declarer.diagnostics.filter { $0.code == .duplicateField }
        #expect(repeats.map(\.message) == ["field `a` is given twice", "field `a` is given twice"])
        let text = Array(source.utf8)
        let expected = [source.range(of: "a: 2")!, source.range(of: "a: 4")!].map { UInt32(source.utf8.distance(from: source.startIndex, to: $0.lowerBound)) }
        #expect(repeats.map(\.span.start) == expected)
        #expect(repeats.allSatisfy { text[Int($0.span.start)] == UInt8(ascii: "a") })
    }

    @Test("a list or record of literals and entity names is stored when its file is resolved; one of the wrong type waits for the elaborate phase")
    func resolveFoldsLiteralListsAndRecords() throws {
        let built = try Self.resolved("""
            person ana "Ana"
            person dave "Dave"
            agreement a { mentor: ana, mentee: dave, start: 2026-01-12, channels: [video, email], signed: { ana: 2026-01-10 } }
            agreement b { mentor: ana, mentee: dave, start: 2026-01-12, channels: [[video]], held: [2026-02-01, { on: 2026-03-01, observer: ana }] }
            """)
        let a = try Self.entity("a", in: built.model), b = try Self.entity("b", in: built.model)
        #expect(built.model.pendingField(of: a, at: AgreementField.channels.slot) == nil)
        let channels = try #require(built.model[a, AgreementField.channels])
        #expect(StructuralEquality.equal(channels, .list([.symbol("video"), .symbol("email")])))
        #expect(built.model.pendingField(of: a, at: AgreementField.signed.slot) == nil)
        guard case .record(let signed)? = built.model[a, AgreementField.signed], case .date(let day)? = signed["ana"] else {
            Issue.record("`signed` is not stored as a record of dates")
            return
        }
        #expect(signed.fields.map(\.name) == ["ana"])
        #expect(day == CivilDate(year: 2026, month: 1, day: 10))
        // A list naming an entity folds too; a list of lists is no list of channels: it waits,
        // and the elaborate phase reports it, as it did before lists were folded.
        #expect(built.model.pendingField(of: b, at: AgreementField.held.slot) == nil)
        #expect(built.model.pendingField(of: b, at: AgreementField.channels.slot) != nil)
        #expect(!built.declarer.diagnostics.contains { $0.code == .fieldTypeMismatch })
        let diagnostics = Elaborator(model: built.model, interpreter: built.interpreter).elaborate(built.declarer.newEntities)
        #expect(diagnostics.map(\.code) == [.fieldTypeMismatch], "\(diagnostics.map(\.message))")
    }

    @Test("a field naming an entity of the kind it wants is stored when its file is resolved; one of another kind waits and is reported")
    func resolveStoresEntityNames() throws {
        let built = try Self.resolved("""
            person ana "Ana"
            competency listening "Listening"
            agreement a { mentor: ana, mentee: listening, start: 2026-01-12, held: [2026-02-01, { on: 2026-03-01, observer: listening }] }
            agreement b { mentor: ana, mentee: ana, start: 2026-01-12, contact: "Tue" + "sdays" }
            """)
        let a = try Self.entity("a", in: built.model), b = try Self.entity("b", in: built.model)
        #expect(built.model.pendingField(of: a, at: AgreementField.mentor.slot) == nil)
        #expect(built.model.pendingField(of: a, at: AgreementField.mentee.slot) != nil)
        #expect(built.model.pendingField(of: a, at: AgreementField.held.slot) != nil)
        #expect(built.model.pendingField(of: b, at: AgreementField.contact.slot) != nil)
        #expect(!built.declarer.diagnostics.contains { $0.code == .fieldTypeMismatch })
        let diagnostics = Elaborator(model: built.model, interpreter: built.interpreter).elaborate(built.declarer.newEntities)
        let mismatches = diagnostics.filter { $0.code == .fieldTypeMismatch }
        #expect(mismatches.count == 2, "\(diagnostics.map(\.message))")
        #expect(mismatches.allSatisfy { $0.message.contains("`listening`") }, "\(mismatches.map(\.message))")
    }

    // MARK: Elaborate

    @Test("elaborate evaluates every pending field, keeps the title apart and reports nothing for a valid pair")
    func elaborateEvaluatesFields() throws {
        let built = try Self.resolved(Self.pair)
        let diagnostics = Elaborator(model: built.model, interpreter: built.interpreter).elaborate(built.declarer.newEntities)
        #expect(diagnostics.isEmpty)
        let agreement = try Self.entity("ana_dave", in: built.model)
        let dave = try Self.entity("dave", in: built.model)
        for entity in built.model.store.all {
            #expect(built.model.pendingSlotsByName(of: entity).isEmpty, "`\(built.model.name(of: entity))` has fields left pending")
        }
        guard case .entity(let mentee)? = built.model[agreement, AgreementField.mentee] else {
            Issue.record("`mentee` is not an entity after elaborating")
            return
        }
        #expect(mentee.index == dave.index)
        #expect(built.model.title(of: agreement) == "Ana and Dave")
        #expect(built.model.value(of: agreement, at: KindSchema.titleSlot) == nil)
    }

    @Test("elaborate runs the declaration checks: mentor and mentee the same person")
    func elaborateRunsDeclarationChecks() throws {
        let built = try Self.resolved("person ana \"Ana\"\nagreement a { mentor: ana, mentee: ana, start: 2026-01-12 }\n")
        let diagnostics = Elaborator(model: built.model, interpreter: built.interpreter).elaborate(built.declarer.newEntities)
        #expect(diagnostics.map(\.code) == [.mentorIsMentee])
    }

    @Test("elaborate type-checks a field computed by an expression, and a field naming itself is a cycle")
    func elaborateChecksComputedFields() throws {
        let built = try Self.resolved("""
            let soon = "soon"
            person ana "Ana"
            person dave "Dave" { supervisor: dave.supervisor }
            agreement a { mentor: ana, mentee: dave, start: soon + "er" }
            """)
        let diagnostics = Elaborator(model: built.model, interpreter: built.interpreter).elaborate(built.declarer.newEntities)
        #expect(Set(diagnostics.map(\.code)) == [.letCycle, .fieldTypeMismatch], "\(diagnostics.map(\.message))")
    }
}
