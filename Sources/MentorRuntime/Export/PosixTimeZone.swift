/// A POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3`, as found in a TZif footer: the rule
/// for instants after the file's last transition (POSIX.1 §8.3, RFC 8536 §3.3 extensions).
struct PosixTimeZone: Sendable, Hashable {
    /// When daylight time starts or ends, in local time of the type in effect before it.
    enum Day: Sendable, Hashable {
        /// `Jn`: day 1...365, never counting 29 February.
        case julianNoLeap(Int)
        /// `n`: day 0...365, counting 29 February.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// A rule date and the local time of day (seconds, possibly negative or past 24 h).
    struct Change: Sendable, Hashable {
        let day: Day
        let time: Int64
    }

    let standard: LocalTimeType
    let daylight: LocalTimeType?
    let start: Change?
    let end: Change?

    /// Parses a TZ string; nil when it is malformed. An empty string is not a rule.
    init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard let standardName = scanner.name(), let standardOffset = scanner.offset() else { return nil }
        standard = LocalTimeType(utcOffset: Int32(-standardOffset), isDaylight: false, abbreviation: standardName)
        guard !scanner.isAtEnd else {
            daylight = nil
            start = nil
            end = nil
            return
        }
        guard let daylightName = scanner.name() else { return nil }
        var daylightOffset = standardOffset - 3600
        if let peek = scanner.peek, peek != UInt8(ascii: ",") {
            guard let given = scanner.offset() else { return nil }
            daylightOffset = given
        }
        daylight = LocalTimeType(utcOffset: Int32(-daylightOffset), isDaylight: true, abbreviation: daylightName)
        // POSIX leaves the rules implementation-defined when absent; tzcode uses the US rules
        // of 2007, but TZif footers always spell them out, so a missing rule is malformed here.
        guard scanner.take(","), let start = scanner.change(), scanner.take(","), let end = scanner.change(), scanner.isAtEnd
        else { return nil }
        self.start = start
        self.end = end
    }

    /// The instants (UTC seconds) in `year` at which the type changes, in order, with the new type.
    func transitions(in year: Int) -> [(instant: Int64, type: LocalTimeType)] {
        guard let daylight, let start, let end,
              let startDay = start.day.date(in: year), let endDay = end.day.date(in: year) else { return [] }
        let begins = Int64(startDay.daysSinceEpoch) * 86_400 + start.time - Int64(standard.utcOffset)
        let ends = Int64(endDay.daysSinceEpoch) * 86_400 + end.time - Int64(daylight.utcOffset)
        let both = [(begins, daylight), (ends, standard)]
        return both.sorted { $0.0 < $1.0 }
    }

    /// Reads the parts of a TZ string.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { index == bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard peek == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// `CET`, or `<+03>` in angle brackets; at least three characters.
        mutating func name() -> String? {
            let begin = index
            if take("<") {
                while let byte = peek, byte != UInt8(ascii: ">") { index += 1 }
                guard take(">") else { return nil }
                let inner = bytes[(begin + 1)..<(index - 1)]
                return inner.count >= 3 ? String(decoding: inner, as: UTF8.self) : nil
            }
            while let byte = peek, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "z") { index += 1 }
            return index - begin >= 3 ? String(decoding: bytes[begin..<index], as: UTF8.self) : nil
        }

        /// `[+-]hh[:mm[:ss]]` in seconds (POSIX sign: west of Greenwich is positive).
        mutating func offset() -> Int64? {
            var sign: Int64 = 1
            if take("-") { sign = -1 } else { _ = take("+") }
            guard let seconds = clock(maxHours: 24) else { return nil }
            return sign * seconds
        }

        /// `hh[:mm[:ss]]` in seconds.
        mutating func clock(maxHours: Int64) -> Int64? {
            guard let hours = number(), hours <= maxHours else { return nil }
            var seconds = hours * 3600
            if take(":") {
                guard let minutes = number(), minutes < 60 else { return nil }
                seconds += minutes * 60
                if take(":") {
                    guard let secs = number(), secs < 60 else { return nil }
                    seconds += secs
                }
            }
            return seconds
        }

        mutating func number() -> Int64? {
            let begin = index
            var value: Int64 = 0
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), index - begin < 4 {
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                index += 1
            }
            return index > begin ? value : nil
        }

        /// `date[/time]`; the time defaults to 02:00 and may be negative or up to 167 hours (RFC 8536).
        mutating func change() -> Change? {
            let day: Day
            if take("J") {
                guard let n = number(), (1...365).contains(n) else { return nil }
                day = .julianNoLeap(Int(n))
            } else if take("M") {
                guard let month = number(), (1...12).contains(month), take("."),
                      let week = number(), (1...5).contains(week), take("."),
                      let weekday = number(), (0...6).contains(weekday) else { return nil }
                day = .monthWeekDay(month: Int(month), week: Int(week), weekday: Int(weekday))
            } else {
                guard let n = number(), (0...365).contains(n) else { return nil }
                day = .zeroBased(Int(n))
            }
            var time: Int64 = 7200
            if take("/") {
                var sign: Int64 = 1
                if take("-") { sign = -1 } else { _ = take("+") }
                guard let seconds = clock(maxHours: 167) else { return nil }
                time = sign * seconds
            }
            return Change(day: day, time: time)
        }
    }
}

extension PosixTimeZone.Day {
    /// The calendar date this rule day falls on in `year`.
    func date(in year: Int) -> CivilDate? {
        switch self {
        case .julianNoLeap(let n):
            guard let january = CivilDate(year: year, month: 1, day: 1) else { return nil }
            let skipLeapDay = CivilDate.isLeapYear(year) && n >= 60 ? 1 : 0
            return CivilDate(daysSinceEpoch: Int(january.daysSinceEpoch) + n - 1 + skipLeapDay)
        case .zeroBased(let n):
            guard let january = CivilDate(year: year, month: 1, day: 1) else { return nil }
            return CivilDate(daysSinceEpoch: Int(january.daysSinceEpoch) + n)
        case .monthWeekDay(let month, let week, let weekday):
            guard let first = CivilDate(year: year, month: month, day: 1) else { return nil }
            // ISO weekday 1 = Monday … 7 = Sunday; POSIX 0 = Sunday … 6 = Saturday.
            let firstWeekday = first.weekday % 7
            var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let length = CivilDate.daysInMonth(year: year, month: month)
            while day > length { day -= 7 }
            return CivilDate(year: year, month: month, day: day)
        }
    }
}
