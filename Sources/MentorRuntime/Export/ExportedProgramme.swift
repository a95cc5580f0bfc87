/// The programme's own settings: the defaults every agreement falls back to.
struct ExportedProgramSettings {
    let title: String?
    let term: CalendarDuration?
    let cadence: Cadence?
    let sessionLength: CalendarDuration?
    let maxMentees: Int64?
    let review: Cadence?
}

/// A competency and what it requires.
struct ExportedCompetency {
    let id: String
    let title: String?
    let description: String?
    let requires: [String]
}

/// A step of a pathway.
struct ExportedStep {
    let id: String
    let title: String?
    let competencies: [String]
}

/// A pathway and its steps in order.
struct ExportedPathway {
    let id: String
    let title: String?
    let description: String?
    let steps: [ExportedStep]
}

/// A person with their pathway progress.
struct ExportedPersonRecord {
    let id: String
    let name: String
    let email: String?
    let supervisor: String?
    let pathway: String?
    let completed: [(step: String, date: CivilDate)]
    let competencies: [String]
    let credentialed: Bool
    let progress: String?
}

/// The whole programme as `export --format json` shows it without an agreement.
struct ExportedProgramme {
    let program: ExportedProgramSettings?
    let competencies: [ExportedCompetency]
    let pathways: [ExportedPathway]
    let people: [ExportedPersonRecord]
    let agreements: [ExportedAgreement]
}
