import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

@Suite("Lexer: literal values")
struct LexerLiteralDecoderTests {
    /// The single token of `source`.
    static func only(_ source: String) -> (Token, SourceFile) {
        let file = LexerTestSupport.file(source)
        let tokens = LexerTestSupport.tokens(file)
        #expect(tokens.count == 1, "\(source) is not one token")
        return (tokens[0], file)
    }

    @Test("integers", arguments: [
        ("0", Int64(0)), ("42", 42), ("007", 7), ("9223372036854775807", Int64.max),
        ("000000000000000000000000001", 1),
    ])
    func integers(_ source: String, _ value: Int64) {
        let (token, file) = Self.only(source)
        #expect(LiteralDecoder.integer(token, in: file) == value)
        #expect(LiteralDecoder.decimal(token, in: file) == nil)
    }

    @Test("integer overflow decodes to nil")
    func integerOverflow() {
        let (token, file) = Self.only("9223372036854775808")
        #expect(token.error == .integerOverflow)
        #expect(LiteralDecoder.integer(token, in: file) == nil)
    }

    @Test("decimals", arguments: [("3.5", 3.5), ("0.1", 0.1), ("0.25", 0.25), ("123456.789", 123456.789)])
    func decimals(_ source: String, _ value: Double) {
        let (token, file) = Self.only(source)
        #expect(LiteralDecoder.decimal(token, in: file) == value)
        #expect(LiteralDecoder.integer(token, in: file) == nil)
    }

    @Test("percentages give the number before the sign", arguments: [("15%", 15.0), ("12.5%", 12.5), ("0%", 0), ("100%", 100)])
    func percentages(_ source: String, _ value: Double) {
        let (token, file) = Self.only(source)
        #expect(LiteralDecoder.percent(token, in: file) == value)
    }

    @Test("dates", arguments: [
        ("2026-01-12", 2026, 1, 12), ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
        ("2026-12-31", 2026, 12, 31), ("0001-01-01", 1, 1, 1),
    ])
    func dates(_ source: String, _ year: Int, _ month: Int, _ day: Int) {
        let (token, file) = Self.only(source)
        let date = LiteralDecoder.date(token, in: file)
        #expect(date?.year == year && date?.month == month && date?.day == day)
    }

    @Test("invalid dates decode to nil", arguments: ["2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-06-31"])
    func invalidDates(_ source: String) {
        let (token, file) = Self.only(source)
        #expect(token.kind == .date && token.error == .invalidDate)
        #expect(LiteralDecoder.date(token, in: file) == nil)
    }

    @Test("times", arguments: [("09:30", 9, 30), ("9:30", 9, 30), ("00:00", 0, 0), ("23:59", 23, 59), ("0:05", 0, 5)])
    func times(_ source: String, _ hour: Int, _ minute: Int) {
        let (token, file) = Self.only(source)
        let time = LiteralDecoder.time(token, in: file)
        #expect(time?.hour == hour && time?.minute == minute)
    }

    @Test("durations", arguments: [
        ("4 weeks", Int64(4), DurationUnit.week), ("90 minutes", 90, .minute), ("1 year", 1, .year),
        ("1\tday", 1, .day), ("2  hours", 2, .hour), ("12 months", 12, .month), ("1 minute", 1, .minute),
        ("3 days", 3, .day), ("1 hour", 1, .hour), ("1 week", 1, .week), ("1 month", 1, .month), ("5 years", 5, .year),
    ])
    func durations(_ source: String, _ amount: Int64, _ unit: DurationUnit) {
        let (token, file) = Self.only(source)
        let duration = LiteralDecoder.duration(token, in: file)
        #expect(duration?.amount == amount && duration?.unit == unit)
    }

    @Test("decoders refuse tokens of another kind")
    func wrongKinds() {
        let file = LexerTestSupport.file("x \"a\" 3")
        for token in Lexer.tokenize(file).dropLast(2) {
            #expect(LiteralDecoder.integer(token, in: file) == nil)
            #expect(LiteralDecoder.date(token, in: file) == nil)
            #expect(LiteralDecoder.time(token, in: file) == nil)
            #expect(LiteralDecoder.duration(token, in: file) == nil)
            #expect(LiteralDecoder.percent(token, in: file) == nil)
        }
    }
}
