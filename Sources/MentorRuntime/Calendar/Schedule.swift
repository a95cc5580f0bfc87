/// The dates an agreement meets on and reviews on, computed exactly as the language defines them.
public enum Schedule {
    /// The most sessions one schedule may hold before generation stops with `tooManySessions`;
    /// far above any real agreement (daily for 270 years), far below a hang.
    public static let maximumSessions = 100_000

    /// The sessions of `cadence` from `start` (its first session) to before `end`.
    ///
    /// Within a phase the k-th session is the phase's first session plus k intervals, so
    /// monthly sessions keep their day of the month (clamped to shorter months). A phase
    /// with `for D` keeps the sessions strictly before its first session + D. The next
    /// phase's first session is one of its own intervals after the last session so far; an
    /// empty phase is reported and skipped, so the phase after it continues from the same
    /// place. Every session is strictly before `end`; a phase that would start on or after
    /// `end` is reported and ends the schedule.
    ///
    /// A phase that keeps a weekday (`monthly on the first tuesday`) starts on its first
    /// pinned day on or after `start`, or after the last session so far, and its k-th session
    /// is the pinned day of the month k intervals after its first.
    ///
    /// With `weekends: .move`, the dates computed so are then moved off Saturdays and Sundays
    /// (`WeekendPolicy.move(_:earliest:latest:)`); the arithmetic above always runs on the
    /// unmoved dates, so a moved session does not shift the ones after it.
    public static func sessions(
        cadence: Cadence,
        start: CivilDate,
        end: CivilDate,
        weekends: WeekendPolicy = .keep,
        sessionLimit: Int = maximumSessions
    ) -> ScheduleResult {
        let computed = nominalSessions(cadence: cadence, start: start, end: end, sessionLimit: sessionLimit)
        guard weekends == .move, let latest = end.adding(days: -1) else { return computed }
        return weekends.moved(computed, earliest: start, latest: latest)
    }

    private static func nominalSessions(
        cadence: Cadence,
        start: CivilDate,
        end: CivilDate,
        sessionLimit: Int
    ) -> ScheduleResult {
        var dates: [CivilDate] = []
        var issues: [ScheduleIssue] = []
        var phaseRanges: [Range<Int>] = []
        // One range a phase, whatever happens (see the loop after): grown by appending, the
        // list was copied on the way.
        phaseRanges.reserveCapacity(cadence.phases.count)

        phases: for (index, phase) in cadence.phases.enumerated() {
            let firstIndex = dates.count
            let first: CivilDate? = if let pin = phase.pin {
                (dates.last.map { $0.adding(days: 1) } ?? start).flatMap { pin.firstDay(onOrAfter: $0) }
            } else if let last = dates.last {
                last.adding(phase.interval)
            } else {
                start
            }
            // A nil date ran past 9999-12-31, so it is after any end as well.
            guard let first, first < end else {
                issues.append(.phaseNeverReached(index: index))
                break phases
            }
            let bound = phaseBound(phase, first: first, end: end)
            guard first < bound else {
                issues.append(.emptyPhase(index: index))
                phaseRanges.append(firstIndex..<firstIndex)
                continue phases
            }
            var step: Int64 = 0
            while let offset = phase.interval.multiplied(by: step),
                  let nominal = first.adding(offset),
                  case let session = phase.pin.map({ $0.day(inMonthOf: nominal) }) ?? nominal,
                  session < bound {
                guard dates.count < sessionLimit else {
                    issues.append(.tooManySessions(limit: sessionLimit))
                    phaseRanges.append(firstIndex..<dates.count)
                    break phases
                }
                dates.append(session)
                step += 1
            }
            phaseRanges.append(firstIndex..<dates.count)
        }
        while phaseRanges.count < cadence.phases.count {
            phaseRanges.append(dates.count..<dates.count)
        }
        return ScheduleResult(dates: dates, issues: issues, phaseRanges: phaseRanges)
    }

    /// The first date a phase starting on `first` may no longer hold a session on.
    private static func phaseBound(_ phase: CadencePhase, first: CivilDate, end: CivilDate) -> CivilDate {
        guard let limit = phase.limit else { return end }
        if let limitEnd = first.adding(limit) { return min(limitEnd, end) }
        // The limit leaves the representable years: past 9999 the end bounds the phase first;
        // before year 1 the phase ends before it starts.
        return limit.isPositive ? end : first
    }

    /// Review dates: `start + k × interval` for k ≥ 1, on or before `end` (the last review
    /// may fall on the end date); with a `pin` (`review: every 3 months on the last friday`),
    /// the pinned day of that date's month. Empty unless the interval is positive and date-based.
    public static func reviews(every interval: CalendarDuration, pin: WeekdayPin? = nil, start: CivilDate, end: CivilDate,
                               weekends: WeekendPolicy = .keep) -> [CivilDate] {
        reviewSchedule(every: interval, pin: pin, start: start, end: end, weekends: weekends).dates
    }

    /// `reviews(every:start:end:)`, reporting `tooManySessions` if it stops at `sessionLimit` dates.
    public static func reviewSchedule(
        every interval: CalendarDuration,
        pin: WeekdayPin? = nil,
        start: CivilDate,
        end: CivilDate,
        weekends: WeekendPolicy = .keep,
        sessionLimit: Int = maximumSessions
    ) -> ScheduleResult {
        let computed = nominalReviews(every: interval, pin: pin, start: start, end: end, sessionLimit: sessionLimit)
        return weekends == .move ? weekends.moved(computed, earliest: start, latest: end) : computed
    }

    private static func nominalReviews(
        every interval: CalendarDuration,
        pin: WeekdayPin?,
        start: CivilDate,
        end: CivilDate,
        sessionLimit: Int
    ) -> ScheduleResult {
        var dates: [CivilDate] = []
        var issues: [ScheduleIssue] = []
        guard interval.kind != .time, interval.isPositive else {
            return ScheduleResult(dates: [], issues: [], phaseRanges: [0..<0])
        }
        var step: Int64 = 1
        // A pin is honoured only on a month-based interval, as a cadence phase allows it; the
        // pinned days keep the order of the months they fall in, so the first past `end` stops.
        let pin = interval.kind == .month ? pin : nil
        while let offset = interval.multiplied(by: step),
              let nominal = start.adding(offset),
              case let review = pin.map({ $0.day(inMonthOf: nominal) }) ?? nominal,
              review <= end {
            guard dates.count < sessionLimit else {
                issues.append(.tooManySessions(limit: sessionLimit))
                break
            }
            dates.append(review)
            step += 1
        }
        return ScheduleResult(dates: dates, issues: issues, phaseRanges: [0..<dates.count])
    }
}
