/// A meeting rhythm: one or more phases, each but the last limited with `for`
/// (`weekly for 4 weeks, then monthly`). A `Cadence` is always valid; the builders return
/// nil (or throw a `CadenceError` saying why) instead of making an invalid one.
///
/// Equality is by meaning, like `CalendarDuration`'s: `every 1 week == weekly`.
public struct Cadence: Sendable, Hashable, CustomStringConvertible {
    /// The phases in order; every phase but the last has a `limit`.
    public let phases: [CadencePhase]

    private init(unchecked phases: [CadencePhase]) {
        self.phases = phases
    }

    /// A cadence of these phases, or the first reason they do not make one.
    public init(checking phases: [CadencePhase]) throws(CadenceError) {
        if let problem = Cadence.problem(in: phases) { throw problem }
        self.init(unchecked: phases)
    }

    /// A cadence of these phases, or nil if `problem(in:)` finds one.
    public init?(phases: [CadencePhase]) {
        guard Cadence.problem(in: phases) == nil else { return nil }
        self.init(unchecked: phases)
    }

    /// The first reason `phases` do not make a cadence, or nil if they do.
    public static func problem(in phases: [CadencePhase]) -> CadenceError? {
        guard !phases.isEmpty else { return .noPhases }
        for (index, phase) in phases.enumerated() {
            if let problem = problem(withInterval: phase.interval) { return problem }
            if let limit = phase.limit, let problem = problem(withLimit: limit) { return problem }
            if let pin = phase.pin, phase.interval.kind != .month { return .pinNeedsMonthBasedInterval(pin, phase.interval) }
            if phase.limit == nil, index < phases.count - 1 {
                return .unlimitedPhaseBeforeAnother(index: index, phase: phase)
            }
        }
        return nil
    }

    private static func problem(withInterval interval: CalendarDuration) -> CadenceError? {
        if interval.kind == .time { return .intervalNotDateBased(interval) }
        if !interval.isPositive { return .intervalNotPositive(interval) }
        return nil
    }

    private static func problem(withLimit limit: CalendarDuration) -> CadenceError? {
        // A zero or negative limit is allowed here: it makes an empty phase, which the
        // schedule reports against the agreement (`ScheduleIssue.emptyPhase`).
        limit.kind == .time ? .limitNotDateBased(limit) : nil
    }

    /// A session every week.
    public static let weekly = Cadence(unchecked: [CadencePhase(interval: .weeks(1))])
    /// A session every two weeks.
    public static let biweekly = Cadence(unchecked: [CadencePhase(interval: .weeks(2))])
    /// A session every month, on the same day of the month (clamped to shorter months).
    public static let monthly = Cadence(unchecked: [CadencePhase(interval: .months(1))])

    /// `every INTERVAL`, or the reason the interval cannot be one (not positive, or in minutes or hours).
    public static func checkedEvery(_ interval: CalendarDuration) throws(CadenceError) -> Cadence {
        if let problem = problem(withInterval: interval) { throw problem }
        return Cadence(unchecked: [CadencePhase(interval: interval)])
    }

    /// `every INTERVAL`, or nil unless the interval is positive and in days, weeks, months or years.
    public static func every(_ interval: CalendarDuration) -> Cadence? {
        try? checkedEvery(interval)
    }

    /// `SELF for LIMIT`: the last phase limited to `limit`, or the reason it cannot be.
    public func checkedLimited(to limit: CalendarDuration) throws(CadenceError) -> Cadence {
        let last = phases[phases.count - 1]
        if last.limit != nil { throw .phaseAlreadyLimited(last) }
        if let problem = Cadence.problem(withLimit: limit) { throw problem }
        return Cadence(unchecked: phases.dropLast() + [CadencePhase(interval: last.interval, limit: limit, pin: last.pin)])
    }

    /// `SELF on the ORDINAL WEEKDAY`: the last phase keeping `pin`, or the reason it cannot
    /// (its interval is not in months or years, or it already keeps a weekday).
    public func checkedPinned(to pin: WeekdayPin) throws(CadenceError) -> Cadence {
        let last = phases[phases.count - 1]
        if last.pin != nil { throw .phaseAlreadyPinned(last) }
        if last.interval.kind != .month { throw .pinNeedsMonthBasedInterval(pin, last.interval) }
        return Cadence(unchecked: phases.dropLast() + [CadencePhase(interval: last.interval, limit: last.limit, pin: pin)])
    }

    /// `SELF for LIMIT`, or nil if the last phase already has a limit or `limit` is in minutes or hours.
    public func limited(to limit: CalendarDuration) -> Cadence? {
        try? checkedLimited(to: limit)
    }

    /// `SELF, then NEXT`, or the reason it cannot be (this cadence's last phase has no limit).
    public func checkedThen(_ next: Cadence) throws(CadenceError) -> Cadence {
        let last = phases[phases.count - 1]
        if last.limit == nil { throw .unlimitedPhaseBeforeAnother(index: phases.count - 1, phase: last) }
        return Cadence(unchecked: phases + next.phases)
    }

    /// `SELF, then NEXT`, or nil if this cadence's last phase has no limit.
    public func then(_ next: Cadence) -> Cadence? {
        try? checkedThen(next)
    }

    /// Source syntax that reads back to an equal cadence: `weekly for 4 weeks, then monthly`.
    public var description: String {
        phases.map(\.description).joined(separator: ", then ")
    }
}
