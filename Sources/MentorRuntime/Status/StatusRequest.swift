import MentorDiagnostics

/// What `mentor status` asks for: the filters and the forecast's horizon.
public struct StatusRequest: Sendable {
    /// Keep only these statuses (all when empty).
    public var statuses: [String] = []
    /// Keep only agreements naming this person as mentor, mentee or co-mentor.
    public var person: String?
    /// Keep only agreements due on or before today plus this (overdue ones included).
    public var dueWithin: CalendarDuration?
    /// Forecast up to this day.
    public var until: CivilDate?

    /// An empty request: every agreement, no forecast.
    public init() {}
}

/// Why `status` produced nothing: the diagnostics to show.
public struct StatusFailure: Error, Sendable {
    /// What went wrong, rendered by the front door.
    public let diagnostics: [Diagnostic]

    /// A failure explained by `diagnostics`.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
