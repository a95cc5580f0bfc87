/// Calendar arithmetic on dates: days and weeks move by days; months and years move by
/// calendar months and clamp to the end of a shorter month (2026-01-31 + 1 month = 2026-02-28).
extension CivilDate {
    /// The date `days` days later (earlier if negative); nil outside years 1...9999.
    public func adding(days: Int64) -> CivilDate? {
        let (result, overflow) = Int64(daysSinceEpoch).addingReportingOverflow(days)
        return overflow ? nil : CivilDate(daysSinceEpoch: result)
    }

    /// The date `months` calendar months later (earlier if negative), with the day clamped
    /// to the target month's length; nil outside years 1...9999.
    public func adding(months: Int64) -> CivilDate? {
        let (year, month, day) = GregorianCalendar.civilFromDays(Int64(daysSinceEpoch))
        // Count months from year 0 so the target year and month fall out of one division.
        let (target, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return nil }
        let targetYear = target >= 0 ? target / 12 : (target - 11) / 12
        let targetMonth = target - targetYear * 12 + 1
        guard targetYear >= Int64(CivilDate.yearRange.lowerBound),
              targetYear <= Int64(CivilDate.yearRange.upperBound)
        else { return nil }
        let targetDay = min(day, GregorianCalendar.daysInMonth(year: targetYear, month: targetMonth))
        return CivilDate(daysSinceEpoch: GregorianCalendar.daysFromCivil(year: targetYear, month: targetMonth, day: targetDay))
    }

    /// The date `duration` later; nil for minutes and hours (a date has no time of day) or
    /// outside years 1...9999.
    public func adding(_ duration: CalendarDuration) -> CivilDate? {
        switch duration.kind {
        case .time:
            return nil
        case .day:
            return duration.normalizedAmount.flatMap { adding(days: $0) }
        case .month:
            return duration.normalizedAmount.flatMap { adding(months: $0) }
        }
    }

    /// The date `duration` earlier; nil for minutes and hours or outside years 1...9999.
    public func subtracting(_ duration: CalendarDuration) -> CivilDate? {
        duration.negated().flatMap { adding($0) }
    }

    /// The number of days from `other` to this date (negative if `other` is later).
    public func days(since other: CivilDate) -> Int64 {
        Int64(daysSinceEpoch) - Int64(other.daysSinceEpoch)
    }
}
