@testable import MentorRuntime
import Testing

/// Entities live exactly as long as their engine: neither nested declarations (goals, steps,
/// sessions) nor fields referring to each other may keep a programme alive, or every engine
/// that loaded one would leak it. (Found by LeakSanitizer: the parent/child cycle in
/// `Scripts/sanitize address`, the field cycle by the `check` fuzz target.)
@Suite("Entity lifetime")
struct EntityLifetimeTests {
    private final class WeakEntity {
        weak var entity: Entity?
        init(_ entity: Entity) { self.entity = entity }
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
        var watched: [WeakEntity] = []
        do {
            let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
            let file = engine.addSource(path: "lifetime.mentor", bytes: Array(example.source.utf8))
            // A cycle of `requires` is reported (M0506), but its entities exist all the same.
            _ = engine.load([file])
            watched = engine.model.allEntities.map(WeakEntity.init)
            #expect(watched.count >= 2)
        }
        let survivors = watched.compactMap(\.entity).map(\.id)
        #expect(survivors == [], "\(example.name): alive after their engine: \(survivors)")
    }
}
