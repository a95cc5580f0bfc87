@testable import MentorRuntime
import Testing

/// A programme lives exactly as long as its engine: neither nested declarations (goals, steps,
/// sessions) nor fields referring to each other may keep it alive, or every engine that loaded
/// one would leak it. (Found by LeakSanitizer when entities were objects: the parent/child
/// cycle in `Scripts/sanitize address`, the field cycle by the `check` fuzz target.) Values
/// name entities by `EntityID` now, so no such cycle can form; this keeps it that way.
@Suite("Entity lifetime")
struct EntityLifetimeTests {
    private final class WeakModel {
        weak var model: ProgramModel?
        init(_ model: ProgramModel) { self.model = model }
    }

    @Test(arguments: [
        "goal in an agreement": """
            person ana "Ana"
            person dave "Dave"
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              goal talk "Give a talk" { measure: "talks given", target: 1, due: 2026-05-01 }
            }
            """,
        "step in a pathway": """
            pathway lead "Leadership" {
              step first "First step" { }
            }
            """,
        "people supervising each other": """
            person ana "Ana" { supervisor: dave }
            person dave "Dave" { supervisor: ana }
            """,
        "competencies requiring each other": """
            competency listening "Listening" { requires: [questioning] }
            competency questioning "Questioning" { requires: [listening] }
            """,
    ])
    func entitiesDieWithTheirEngine(_ example: (name: String, source: String)) {
        var watched: WeakModel?
        do {
            let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
            let file = engine.addSource(path: "lifetime.mentor", bytes: Array(example.source.utf8))
            // A cycle of `requires` is reported (M0506), but its entities exist all the same.
            _ = engine.load([file])
            watched = WeakModel(engine.model)
            #expect(engine.model.store.count >= 2)
        }
        #expect(watched?.model == nil, "\(example.name): the programme is alive after its engine")
    }
}
