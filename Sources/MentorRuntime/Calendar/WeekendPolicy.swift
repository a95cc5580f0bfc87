/// What happens to a session or review that falls on a Saturday or Sunday: an agreement's
/// `weekends: move | keep`.
public enum WeekendPolicy: String, Sendable, Hashable, CaseIterable {
    /// The date stays where the cadence puts it (the default, so a programme written before the
    /// policy existed keeps its dates).
    case keep
    /// The date moves to the Monday after; when that Monday is past the last allowed day, to the
    /// Friday before instead.
    case move

    /// The policy's words, as a field takes them.
    public static let words: Set<String> = Set(allCases.map(\.rawValue))

    /// `date` moved off a weekend: the Monday after, or the Friday before when the Monday is
    /// after `latest`; unchanged on a weekday, or when neither lies within `earliest...latest`.
    public static func moved(_ date: CivilDate, earliest: CivilDate, latest: CivilDate) -> CivilDate {
        let weekday = date.weekday
        guard weekday >= 6 else { return date }
        if let monday = date.adding(days: Int64(8 - weekday)), monday <= latest { return monday }
        if let friday = date.adding(days: Int64(5 - weekday)), friday >= earliest { return friday }
        return date
    }

    /// `result` with every date moved off weekends (for `.move`); a date that lands on or before
    /// the one kept before it is dropped (a Saturday and a Sunday session both land on Monday),
    /// so the dates stay strictly increasing, and the phase ranges follow.
    func moved(_ result: ScheduleResult, earliest: CivilDate, latest: CivilDate) -> ScheduleResult {
        guard self == .move else { return result }
        var dates: [CivilDate] = []
        dates.reserveCapacity(result.dates.count)
        var newIndex: [Int] = []
        newIndex.reserveCapacity(result.dates.count + 1)
        for date in result.dates {
            newIndex.append(dates.count)
            let moved = WeekendPolicy.moved(date, earliest: earliest, latest: latest)
            if let last = dates.last, moved <= last { continue }
            dates.append(moved)
        }
        newIndex.append(dates.count)
        let ranges = result.phaseRanges.map { range in
            // A range's bounds index the old dates; a dropped date belongs to the range before it.
            newIndex[range.lowerBound]..<max(newIndex[range.lowerBound], newIndex[range.upperBound])
        }
        return ScheduleResult(dates: dates, issues: result.issues, phaseRanges: ranges)
    }
}
