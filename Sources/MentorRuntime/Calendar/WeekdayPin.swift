/// The weekday a month-based phase keeps (`on the first tuesday`, `on the last friday`): its
/// sessions fall on that weekday of their month instead of on the same day of the month, so
/// they stay on the day of the week the pair can meet.
public struct WeekdayPin: Sendable, Hashable, CustomStringConvertible {
    /// Which of the month's days of that weekday: the first to the fourth, or the last (every
    /// month has at least four of each weekday, so these always exist).
    public enum Ordinal: Int, Sendable, Hashable, CaseIterable {
        case first = 1, second, third, fourth
        case last = -1

        /// The word as written after `on the`.
        public var word: String {
            switch self {
            case .first: "first"
            case .second: "second"
            case .third: "third"
            case .fourth: "fourth"
            case .last: "last"
            }
        }

        /// The ordinal written `word`; nil for any other word.
        public init?(word: String) {
            guard let ordinal = Ordinal.allCases.first(where: { $0.word == word }) else { return nil }
            self = ordinal
        }
    }

    /// The weekday names, Monday first, as written in source (index + 1 is the ISO weekday).
    public static let weekdayWords = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Which occurrence of the weekday in the month.
    public let ordinal: Ordinal
    /// The ISO weekday, 1 = Monday ... 7 = Sunday.
    public let weekday: Int

    /// A pin; nil unless `weekday` is 1...7.
    public init?(ordinal: Ordinal, weekday: Int) {
        guard (1...7).contains(weekday) else { return nil }
        self.ordinal = ordinal
        self.weekday = weekday
    }

    /// The pin written `on the ORDINAL WEEKDAY`; nil when either word is not one of the valid words.
    public init?(ordinalWord: String, weekdayWord: String) {
        guard let ordinal = Ordinal(word: ordinalWord),
              let index = WeekdayPin.weekdayWords.firstIndex(of: weekdayWord) else { return nil }
        self.init(ordinal: ordinal, weekday: index + 1)
    }

    /// The pinned day of the month that `date` falls in.
    public func day(inMonthOf date: CivilDate) -> CivilDate {
        let (year, month, day) = date.components
        if ordinal == .last {
            let lastDay = CivilDate.daysInMonth(year: year, month: month)
            // Every move below stays inside the month of `date`, so inside 0001...9999.
            let last = date.adding(days: Int64(lastDay - day)) ?? date
            return last.adding(days: -Int64((last.weekday - weekday + 7) % 7)) ?? last
        }
        let firstOfMonth = date.adding(days: -Int64(day - 1)) ?? date
        let firstMatch = (weekday - firstOfMonth.weekday + 7) % 7
        // At most 6 + 21 days after the 1st, so still in the month.
        return firstOfMonth.adding(days: Int64(firstMatch + 7 * (ordinal.rawValue - 1))) ?? firstOfMonth
    }

    /// The first pinned day on or after `date`: in its month, or else in the month after;
    /// nil past 9999-12.
    public func firstDay(onOrAfter date: CivilDate) -> CivilDate? {
        let inMonth = day(inMonthOf: date)
        if inMonth >= date { return inMonth }
        return date.adding(months: 1).map { day(inMonthOf: $0) }
    }

    /// `on the first tuesday`: source syntax.
    public var description: String {
        "on the \(ordinal.word) \(WeekdayPin.weekdayWords[weekday - 1])"
    }
}
