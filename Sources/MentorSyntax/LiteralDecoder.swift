import MentorDiagnostics
import MentorSource

/// Decodes the value of a literal token from the source bytes. Each function returns nil when
/// the token is not of its kind or carries a lexical error.
public enum LiteralDecoder {
    /// The value of an `integer` token (`42`).
    public static func integer(_ token: Token, in file: SourceFile) -> Int64? {
        guard token.kind == .integer, token.error == .none else { return nil }
        return file.bytes.withUnsafeBufferPointer { bytes in
            digitsValue(bytes, from: Int(token.start), to: Int(token.end))
        }
    }

    /// The value of a `decimal` token (`3.5`).
    public static func decimal(_ token: Token, in file: SourceFile) -> Double? {
        guard token.kind == .decimal, token.error == .none else { return nil }
        return double(file, from: Int(token.start), to: Int(token.end))
    }

    /// The number written before the `%` of a `percent` token: 15 for `15%`, 12.5 for `12.5%`.
    public static func percent(_ token: Token, in file: SourceFile) -> Double? {
        guard token.kind == .percent, token.error == .none, token.end > token.start else { return nil }
        return double(file, from: Int(token.start), to: Int(token.end) - 1)
    }

    /// The fields of a `date` token (`2026-01-12`).
    public static func date(_ token: Token, in file: SourceFile) -> (year: Int, month: Int, day: Int)? {
        guard token.kind == .date, token.error == .none, token.end - token.start == 10 else { return nil }
        return file.bytes.withUnsafeBufferPointer { dateFields($0, from: Int(token.start)) }
    }

    /// The fields of a `time` token (`09:30`).
    public static func time(_ token: Token, in file: SourceFile) -> (hour: Int, minute: Int)? {
        guard token.kind == .time, token.error == .none else { return nil }
        return file.bytes.withUnsafeBufferPointer { timeFields($0, from: Int(token.start), to: Int(token.end)) }
    }

    /// The amount and unit of a `duration` token (`4 weeks`).
    public static func duration(_ token: Token, in file: SourceFile) -> (amount: Int64, unit: DurationUnit)? {
        guard token.kind == .duration, token.error == .none else { return nil }
        return file.bytes.withUnsafeBufferPointer { bytes -> (amount: Int64, unit: DurationUnit)? in
            let start = Int(token.start)
            let end = Int(token.end)
            guard start < end, end <= bytes.count else { return nil }
            var digitsEnd = start
            while digitsEnd < end, LexerCharacters.isDigit(bytes[digitsEnd]) { digitsEnd += 1 }
            var wordStart = digitsEnd
            while wordStart < end, LexerCharacters.isSpaceOrTab(bytes[wordStart]) { wordStart += 1 }
            let length = end - wordStart
            guard let amount = digitsValue(bytes, from: start, to: digitsEnd),
                  length > 0, length <= LexerWords.maximumLength,
                  let unit = LexerWords.durationUnit(LexerWords.pack(bytes, from: wordStart, length: length))
            else { return nil }
            return (amount, unit)
        }
    }

    /// The value of the decimal digits in `start..<end`, or nil if there are none, a non-digit,
    /// or more than `Int64` holds.
    static func digitsValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int64? {
        guard start < end, end <= bytes.count else { return nil }
        var value: Int64 = 0
        for index in start..<end {
            let digit = bytes[index] &- 0x30
            guard digit <= 9 else { return nil }
            let (product, multiplyOverflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, addOverflow) = product.addingReportingOverflow(Int64(digit))
            if multiplyOverflow || addOverflow { return nil }
            value = sum
        }
        return value
    }

    /// The year, month and day of the `YYYY-MM-DD` at `start`, if it names a real day of the
    /// proleptic Gregorian calendar.
    static func dateFields(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (year: Int, month: Int, day: Int)? {
        guard start + 10 <= bytes.count, bytes[start + 4] == 0x2D, bytes[start + 7] == 0x2D,
              let year = fixedDigits(bytes, at: start, count: 4),
              let month = fixedDigits(bytes, at: start + 5, count: 2),
              let day = fixedDigits(bytes, at: start + 8, count: 2),
              month >= 1, month <= 12, day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        return (year, month, day)
    }

    /// The fields of a `date` token as the lexer made it (kind `.date`, no error): the lexer
    /// checked its digits and the calendar, so they are read here with no check, and a date is
    /// validated once, not again by the parser.
    @inline(__always)
    static func lexedDateFields(_ bytes: UnsafeBufferPointer<UInt8>, of token: Token) -> (year: Int, month: Int, day: Int) {
        let start = Int(token.start)
        precondition(token.kind == .date && token.error == .none && start + 10 <= bytes.count)
        func digit(_ offset: Int) -> Int { Int(bytes[start + offset] &- 0x30) }
        let year = ((digit(0) &* 10 &+ digit(1)) &* 10 &+ digit(2)) &* 10 &+ digit(3)
        return (year, digit(5) &* 10 &+ digit(6), digit(8) &* 10 &+ digit(9))
    }

    /// The value of the `count` decimal digits at `start` (which `bytes` holds), or nil if one
    /// is not a digit. For the fixed-width fields of dates: at most four digits cannot
    /// overflow, so this needs none of `digitsValue`'s checks.
    @inline(__always)
    static func fixedDigits(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let digit = bytes[index] &- 0x30
            guard digit <= 9 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return value
    }

    /// The hour and minute of the `H:MM` or `HH:MM` in `start..<end`, if it is 00:00 to 23:59.
    static func timeFields(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (hour: Int, minute: Int)? {
        guard end <= bytes.count, end - start >= 4 else { return nil }
        let colon = end - 3
        guard colon - start <= 2, bytes[colon] == 0x3A,
              let hour = digitsValue(bytes, from: start, to: colon),
              let minute = digitsValue(bytes, from: colon + 1, to: end),
              hour <= 23, minute <= 59
        else { return nil }
        return (Int(hour), Int(minute))
    }

    /// The number of days in `month` (1–12) of `year`, by the Gregorian leap-year rule.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Parses the ASCII number in `start..<end` with the standard library's correctly rounded
    /// conversion; nil when it is not finite.
    private static func double(_ file: SourceFile, from start: Int, to end: Int) -> Double? {
        guard start < end, end <= file.bytes.count else { return nil }
        let text = String(decoding: file.bytes[start..<end], as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
