/// One phase of a cadence: a session every `interval`, for `limit` if the phase is followed
/// by another (`weekly for 4 weeks`), or for as long as the agreement lasts if it is the last.
public struct CadencePhase: Sendable, Hashable, CustomStringConvertible {
    /// The time from one session to the next.
    public let interval: CalendarDuration
    /// How long the phase lasts from its first session; nil for a phase that runs on.
    public let limit: CalendarDuration?

    /// A phase; whether it is a valid one is checked when it becomes part of a `Cadence`.
    public init(interval: CalendarDuration, limit: CalendarDuration? = nil) {
        self.interval = interval
        self.limit = limit
    }

    /// The rhythm alone, in source syntax: `weekly`, `biweekly`, `monthly` or `every 3 days`.
    public var rhythmDescription: String {
        switch (interval.amount, interval.unit) {
        case (1, .week): "weekly"
        case (2, .week): "biweekly"
        case (1, .month): "monthly"
        default: "every \(interval)"
        }
    }

    /// Source syntax: `weekly`, or `weekly for 4 weeks` with a limit.
    public var description: String {
        guard let limit else { return rhythmDescription }
        return "\(rhythmDescription) for \(limit)"
    }
}
