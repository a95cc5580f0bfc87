/// A wall-clock time with minute precision and no date or time zone, 00:00 to 23:59.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    private let minutes: UInt16

    /// Minutes in a day; valid times are below it.
    public static let minutesPerDay = 24 * 60

    /// The time `hour`:`minute`, or nil outside 00:00...23:59.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutes = UInt16(hour * 60 + minute)
    }

    /// The time `minutes` after midnight, or nil outside 0..<1440.
    public init?(minutesSinceMidnight minutes: Int) {
        guard (0..<TimeOfDay.minutesPerDay).contains(minutes) else { return nil }
        self.minutes = UInt16(minutes)
    }

    /// Parses `H:MM` or `HH:MM`, as time literals are written; nil if malformed or out of range.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 4 || bytes.count == 5, bytes[bytes.count - 3] == UInt8(ascii: ":") else { return nil }
        var hour = 0
        for byte in bytes[..<(bytes.count - 3)] {
            guard let digit = TimeOfDay.digit(byte) else { return nil }
            hour = hour * 10 + digit
        }
        guard let tens = TimeOfDay.digit(bytes[bytes.count - 2]), let ones = TimeOfDay.digit(bytes[bytes.count - 1])
        else { return nil }
        self.init(hour: hour, minute: tens * 10 + ones)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// The hour, 0...23.
    public var hour: Int { Int(minutes) / 60 }
    /// The minute, 0...59.
    public var minute: Int { Int(minutes) % 60 }
    /// Minutes since midnight, 0...1439.
    public var minutesSinceMidnight: Int { Int(minutes) }

    /// `09:30`: always two digits for the hour, which is also the time's source syntax.
    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// Earlier times order first.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}
