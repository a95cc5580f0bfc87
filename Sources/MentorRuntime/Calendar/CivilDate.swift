/// A calendar date with no time zone, in the proleptic Gregorian calendar, from 0001-01-01 to
/// 9999-12-31 (the years a four-digit date literal can name).
///
/// Only the day count is stored, so comparison, hashing and day arithmetic are integer
/// operations; the fields are derived when asked for.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int32

    /// The first representable date, 0001-01-01.
    public static let earliest = CivilDate(uncheckedDays: GregorianCalendar.daysFromCivil(year: 1, month: 1, day: 1))
    /// The last representable date, 9999-12-31.
    public static let latest = CivilDate(uncheckedDays: GregorianCalendar.daysFromCivil(year: 9999, month: 12, day: 31))

    /// The range of years a date may have.
    public static let yearRange: ClosedRange<Int> = 1...9999

    private init(uncheckedDays days: Int64) {
        daysSinceEpoch = Int32(days)
    }

    /// The date with these fields, or nil if they do not name a real date in years 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.init(uncheckedDays: GregorianCalendar.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)))
    }

    /// The date `days` after 1970-01-01, or nil outside 0001-01-01...9999-12-31.
    public init?<Count: BinaryInteger>(daysSinceEpoch days: Count) {
        guard let days = Int64(exactly: days),
              days >= Int64(CivilDate.earliest.daysSinceEpoch),
              days <= Int64(CivilDate.latest.daysSinceEpoch)
        else { return nil }
        self.init(uncheckedDays: days)
    }

    /// Parses `YYYY-MM-DD` with exactly four, two and two digits, as date literals are
    /// written; nil if the text is malformed or not a real date.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CivilDate.decimal(bytes[0..<4]),
              let month = CivilDate.decimal(bytes[5..<7]),
              let day = CivilDate.decimal(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Whether the fields name a real date in years 1...9999.
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard yearRange.contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    /// Days in `month` (1...12) of `year`; 0 when the month is not 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        guard (1...12).contains(month) else { return 0 }
        return Int(GregorianCalendar.daysInMonth(year: Int64(year), month: Int64(month)))
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        GregorianCalendar.isLeapYear(Int64(year))
    }

    /// Year, month and day, computed together (cheaper than asking for each).
    public var components: (year: Int, month: Int, day: Int) {
        let (year, month, day) = GregorianCalendar.civilFromDays(Int64(daysSinceEpoch))
        return (Int(year), Int(month), Int(day))
    }

    /// The year, 1...9999.
    public var year: Int { components.year }
    /// The month, 1...12.
    public var month: Int { components.month }
    /// The day of the month, 1...31.
    public var day: Int { components.day }
    /// The ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int { Int(GregorianCalendar.isoWeekday(days: Int64(daysSinceEpoch))) }

    /// ISO 8601 form, `2026-01-12`, which is also the date's source syntax.
    public var description: String {
        let (year, month, day) = components
        return CivilDate.padded(year, to: 4) + "-" + CivilDate.padded(month, to: 2) + "-" + CivilDate.padded(day, to: 2)
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Earlier dates order first.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }
}
