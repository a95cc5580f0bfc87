import MentorREPL
import MentorRuntime
import Testing

/// Tab completion offers every word of the language, from the syntax's own vocabulary: the
/// REPL kept its own list, which lacked the check statements and the nested declaration kinds.
@Suite("Keyword completion")
struct KeywordCompletionTests {
    static func backend() -> EngineBackend {
        EngineBackend(makeEngine: { Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!), output: { _ in }) }, useColor: false)
    }

    @Test("words the old list lacked complete", arguments: [
        ("req", "require"), ("wa", "warn"), ("fa", "fail"), ("exp", "expect"),
        ("ste", "step"), ("goa", "goal"), ("sess", "session"),
    ])
    func missingWordsComplete(prefix: String, word: String) {
        #expect(Self.backend().completions(for: prefix).candidates.contains(word))
    }
}
