import MentorRuntime
import Testing

/// Loads `text` as a programme and exports it.
private func export(_ text: String, _ format: ExportFormat, agreement: String?, today: String = "2026-01-05") -> Result<String, ExportFailure> {
    let engine = Engine(options: EngineOptions(today: CivilDate(iso: today)!), output: { _ in })
    let file = engine.addSource(path: "p.mentor", bytes: Array(text.utf8))
    let loaded = engine.load([file])
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    return engine.export(ExportRequest(format: format, agreement: agreement))
}

private func uids(_ calendar: String) -> [String] {
    calendar.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
}

private let base = """
    person a "A"
    person b "B"
    agreement ab {
      mentor: a
      mentee: b
      start: 2026-01-05
      term: 2 months
      cadence: monthly
      session_length: 60 minutes
      review: every 1 month
    }
    agenda plan for ab {
      at: 09:00
      session 1 "One"
    }
    """

@Suite struct ExportTests {
    @Test func uidsNameTheAgreementAndTheSessionNumber() throws {
        let calendar = try export(base, .ics, agreement: "ab").get()
        #expect(uids(calendar) == ["ab-session-1@mentor", "ab-session-2@mentor", "ab-review-1@mentor", "ab-review-2@mentor"])
    }

    @Test func uidsSurviveUnrelatedEdits() throws {
        let before = try export(base, .ics, agreement: "ab").get()
        // Titles, topics, times, lengths, other declarations and the run date change; numbering does not.
        let edited = base.replacingOccurrences(of: "session 1 \"One\"", with: "session 1 \"Renamed\" { topics: [\"x\"] }")
            .replacingOccurrences(of: "at: 09:00", with: "at: 14:30")
            .replacingOccurrences(of: "60 minutes", with: "90 minutes") + "\nperson c \"C\"\n"
        let after = try export(edited, .ics, agreement: "ab", today: "2026-02-01").get()
        #expect(uids(before) == uids(after))
        #expect(before != after)
    }

    @Test func sameInputGivesIdenticalOutput() throws {
        for format in ExportFormat.allCases {
            #expect(try export(base, format, agreement: "ab").get() == export(base, format, agreement: "ab").get())
        }
    }

    @Test func dtstampIsTheRunDateAtMidnightUTC() throws {
        let calendar = try export(base, .ics, agreement: "ab", today: "2026-03-04").get()
        let stamps = Set(calendar.split(separator: "\r\n").filter { $0.hasPrefix("DTSTAMP:") })
        #expect(stamps == ["DTSTAMP:20260304T000000Z"])
    }

    @Test func sessionsWithoutATimeAreAllDayEvents() throws {
        let calendar = try export(base.replacingOccurrences(of: "at: 09:00\n", with: ""), .ics, agreement: "ab").get()
        #expect(calendar.contains("DTSTART;VALUE=DATE:20260105\r\nDURATION:P1D\r\n"))
        #expect(!calendar.contains("DTSTART:2026"))
    }

    @Test func unknownNamesAreReportedWithSuggestions() {
        guard case .failure(let failure) = export(base, .md, agreement: "ba") else { Issue.record("expected a failure"); return }
        #expect(failure.diagnostics.map(\.code) == [.unknownAgreement])
        #expect(failure.diagnostics.first?.help == "did you mean `ab`?")
        #expect(!failure.isUsageError)
    }

    @Test func jsonWithoutAnAgreementIsTheProgramme() throws {
        let json = try export(base, .json, agreement: nil).get()
        #expect(json.contains("\"agreements\": ["))
        guard case .failure(let failure) = export(base, .ics, agreement: nil) else { Issue.record("expected a failure"); return }
        #expect(failure.diagnostics.map(\.code) == [.agreementRequired])
        #expect(failure.isUsageError)
    }
}
