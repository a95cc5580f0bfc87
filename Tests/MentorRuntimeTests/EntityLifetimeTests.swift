@testable import MentorRuntime
import Testing

/// Entities live exactly as long as their engine: nested declarations (goals, steps, sessions)
/// must not keep their parent alive, or every engine that loaded one would leak the programme.
/// (Found by LeakSanitizer in `Scripts/sanitize address` and the `check` fuzz target.)
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
    ])
    func entitiesDieWithTheirEngine(_ example: (name: String, source: String)) {
        var watched: [WeakEntity] = []
        do {
            let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
            let file = engine.addSource(path: "lifetime.mentor", bytes: Array(example.source.utf8))
            let loaded = engine.load([file])
            #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
            watched = engine.model.allEntities.map(WeakEntity.init)
            #expect(watched.contains { $0.entity?.parent != nil }, "the example must nest a declaration")
        }
        let survivors = watched.compactMap(\.entity).map(\.id)
        #expect(survivors == [], "\(example.name): alive after their engine: \(survivors)")
    }
}
