/// Conversions between proleptic Gregorian year-month-day and a day count since 1970-01-01.
///
/// These are Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (http://howardhinnant.github.io/date_algorithms.html). They shift the year to start on
/// 1 March, so the leap day is the last day of its year, and split time into 400-year eras
/// of exactly 146,097 days; every step is then plain integer arithmetic with no tables.
enum GregorianCalendar {
    /// Days from 1970-01-01 to 0000-03-01, the origin of the March-based eras.
    private static let epochShift: Int64 = 719_468
    /// Days in one 400-year era.
    private static let daysPerEra: Int64 = 146_097

    /// The day number of a date whose fields are already known to be valid.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400                               // 0...399
        let marchMonth = month > 2 ? month - 3 : month + 9                   // 0 = March ... 11 = February
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1                 // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // 0...146096
        return era * daysPerEra + dayOfEra - epochShift
    }

    /// The year, month and day of a day number.
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + epochShift
        let era = (shifted >= 0 ? shifted : shifted - (daysPerEra - 1)) / daysPerEra
        let dayOfEra = shifted - era * daysPerEra                                        // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365
        let marchMonth = (5 * dayOfYear + 2) / 153                                       // 0...11
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let marchYear = yearOfEra + era * 400
        return (month <= 2 ? marchYear + 1 : marchYear, month, day)
    }

    /// Whether `year` has a 29 February.
    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday.
    static func isoWeekday(days: Int64) -> Int64 {
        let fromMonday = (days + 3) % 7
        return (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1
    }
}
