/// One phase of a cadence: a session every `interval`, for `limit` if the phase is followed
/// by another (`weekly for 4 weeks`), or for as long as the agreement lasts if it is the last.
public struct CadencePhase: Sendable, Hashable, CustomStringConvertible {
    /// The time from one session to the next.
    public let interval: CalendarDuration
    /// How long the phase lasts from its first session; nil for a phase that runs on.
    public let limit: CalendarDuration?
    /// The weekday a month-based phase keeps (`monthly on the first tuesday`); nil to keep the day of the month.
    public let pin: WeekdayPin?

    /// A phase; whether it is a valid one is checked when it becomes part of a `Cadence`.
    public init(interval: CalendarDuration, limit: CalendarDuration? = nil, pin: WeekdayPin? = nil) {
        self.interval = interval
        self.limit = limit
        self.pin = pin
    }

    /// The rhythm alone, in source syntax: `weekly`, `biweekly`, `monthly`, `every 3 days` or
    /// `monthly on the first tuesday`.
    public var rhythmDescription: String {
        let rhythm = switch (interval.amount, interval.unit) {
        case (1, .week): "weekly"
        case (2, .week): "biweekly"
        case (1, .month): "monthly"
        default: "every \(interval)"
        }
        guard let pin else { return rhythm }
        return "\(rhythm) \(pin)"
    }

    /// Source syntax: `weekly`, or `weekly for 4 weeks` with a limit.
    public var description: String {
        guard let limit else { return rhythmDescription }
        return "\(rhythmDescription) for \(limit)"
    }
}
