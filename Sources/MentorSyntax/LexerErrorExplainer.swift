import MentorDiagnostics
import MentorSource

/// Builds the diagnostic for one malformed token, reading the token's bytes to say precisely
/// what is wrong and, where the fix is certain, to propose it.
struct LexerErrorExplainer {
    let token: Token
    let file: SourceFile

    var span: Span { token.span(in: file.id) }

    /// The token's bytes, clamped to the file.
    var bytes: ArraySlice<UInt8> {
        let start = min(Int(token.start), file.bytes.count)
        let end = min(max(Int(token.end), start), file.bytes.count)
        return file.bytes[start..<end]
    }

    /// The token's text (invalid UTF-8 shown as U+FFFD).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func make(
        _ code: DiagnosticCode, _ message: String, at span: Span? = nil, label: String, help: String,
        labels: [DiagnosticLabel] = [], notes: [DiagnosticNote] = [], suggestions: [Suggestion] = []
    ) -> Diagnostic {
        Diagnostic(code, .error, message, at: span ?? self.span, label: label, labels: labels,
                   notes: notes, help: help, suggestions: suggestions)
    }

    func replacing(with replacement: String, _ message: String) -> [Suggestion] {
        [Suggestion(span: span, replacement: replacement, message: message)]
    }

    // MARK: Characters and bytes

    func invalidUTF8() -> Diagnostic {
        let shown = bytes.prefix(8).map(Self.hexByte).joined(separator: " ")
        let message = bytes.count == 1
            ? "invalid UTF-8 byte \(shown)"
            : "invalid UTF-8 bytes \(shown)" + (bytes.count > 8 ? " … (\(bytes.count) bytes)" : "")
        return make(.invalidUTF8, message, label: "not UTF-8",
                    help: "Mentor source files are UTF-8 text: save the file as UTF-8, or remove these bytes")
    }

    func unexpectedCharacter() -> Diagnostic {
        let scalar = text.unicodeScalars.first ?? "\u{FFFD}"
        let (help, replacement) = Self.hint(for: scalar)
        var suggestions: [Suggestion] = []
        if let replacement {
            suggestions = replacing(with: replacement, "replace it with `\(replacement)`")
        }
        return make(.unexpectedCharacter, "unexpected character \(Self.describe(scalar))",
                    label: "not part of Mentor's syntax", help: help, suggestions: suggestions)
    }

    func controlCharacter() -> Diagnostic {
        let value = UInt32(bytes.first ?? 0)
        let escape = value == 0x0D ? "\\r" : "\\u{\(String(value, radix: 16, uppercase: true))}"
        return make(.controlCharacterInString, "control character \(Self.codePoint(value)) in a string",
                    label: value == 0x0D ? "a carriage return" : "a raw control character",
                    help: "write it as the escape `\(escape)`",
                    suggestions: replacing(with: escape, "write `\(escape)`"))
    }

    /// `U+00A0`
    static func codePoint(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }

    /// A visible character in backticks; an invisible or unusual one by code point and name.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .privateUse, .surrogate, .unassigned, .nonspacingMark, .enclosingMark, .spacingMark:
            let name = scalar.properties.name.map { " (\($0))" } ?? ""
            return codePoint(scalar.value) + name
        default:
            return "`\(Character(scalar))`"
        }
    }

    /// Advice for a character that is not Mentor syntax, and its replacement when certain.
    static func hint(for scalar: Unicode.Scalar) -> (help: String, replacement: String?) {
        switch scalar.value {
        case 0x21: ("use `not` to negate; `!=` means not equal", nil)
        case 0x3F: ("`??` gives a default for `none`; for a choice, write `if … then … else …`", nil)
        case 0x26: ("use `and` to combine conditions", nil)
        case 0x7C: ("use `or` to combine conditions", nil)
        case 0x27: ("strings are written with double quotes: `\"…\"`", nil)
        case 0x25: ("a percentage is written directly after its number, as in `15%`", nil)
        case 0x23: ("comments start with `//`", nil)
        case 0x5C: ("a backslash only starts an escape inside a string", nil)
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB:
            ("typographic quotes do not delimit strings; use straight double quotes", "\"")
        case 0x2018, 0x2019:
            ("typographic quotes do not delimit strings; use straight double quotes", nil)
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            ("this is an unusual space; use an ordinary space", " ")
        case 0x200B, 0xFEFF: ("this is an invisible character; remove it", "")
        case 0x2212, 0x2013, 0x2014: ("use the ASCII minus sign `-`", "-")
        case 0x00D7: ("use `*` to multiply", "*")
        case 0x00F7: ("use `/` to divide", "/")
        case 0x2264: ("use `<=`", "<=")
        case 0x2265: ("use `>=`", ">=")
        case 0x2260: ("use `!=`", "!=")
        case 0x2192, 0x21D2: ("use `=>` for a lambda", "=>")
        case 0x0000...0x001F, 0x007F: ("remove this control character", "")
        default: ("remove it, or put it inside a string", nil)
        }
    }

    // MARK: Strings and comments

    /// Points at the string's `opening` quote (as rustc, clang and go/scanner do: that is where
    /// the fix is decided), with the place where it broke off as a secondary label; without a
    /// known opening, at that place alone.
    func unterminatedString(opening: Token?) -> Diagnostic {
        let openingSpan = opening.map { $0.span(in: file.id) }
        if token.flags.contains(.multiline) {
            let end = "the file ends before the closing `\"\"\"`"
            // After a final line break the end of the file is on an empty line of its own:
            // mark the end of the last line instead, where the text stops.
            var endSpan = span
            if endSpan.start > 0, file.bytes.last == 0x0A, Int(endSpan.start) == file.bytes.count {
                endSpan = Span(file: file.id, start: endSpan.start - 1, end: endSpan.start - 1)
            }
            return make(.unterminatedString, "unterminated multi-line string", at: openingSpan,
                        label: openingSpan == nil ? end : "this `\"\"\"` string is never closed",
                        help: "end the string with `\"\"\"` on a line of its own",
                        labels: openingSpan == nil ? [] : [DiagnosticLabel(span: endSpan, message: end)])
        }
        let atEnd = Int(token.start) >= file.bytes.count
        let end = atEnd ? "the file ends before the closing `\"`" : "the line ends before the closing `\"`"
        return make(.unterminatedString, "unterminated string", at: openingSpan,
                    label: openingSpan == nil ? end : "this string is never closed",
                    help: "close the string with `\"`; for text over several lines, use a `\"\"\"` string",
                    labels: openingSpan == nil ? [] : [DiagnosticLabel(span: span, message: end)],
                    suggestions: replacing(with: "\"", "close the string"))
    }

    func unterminatedBlockComment() -> Diagnostic {
        // Re-walk the comment to find which openings are still open: the outermost is the one
        // to point at; an open nested one explains why a `*/` that is present did not close it.
        var open: [Int] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = index + 1 < bytes.endIndex ? bytes[index + 1] : 0
            if bytes[index] == 0x2F, next == 0x2A {
                open.append(index)
                index += 2
            } else if bytes[index] == 0x2A, next == 0x2F {
                if !open.isEmpty { open.removeLast() }
                index += 2
            } else {
                index += 1
            }
        }
        let opening = Span(file: file.id, start: token.start, end: min(token.end, token.start + 2))
        var labels: [DiagnosticLabel] = []
        if open.count > 1, let inner = open.last {
            labels.append(DiagnosticLabel(
                span: Span(file: file.id, start: UInt32(inner), end: UInt32(inner + 2)),
                message: "this nested `/*` is still open too"))
        }
        return make(.unterminatedBlockComment, "unterminated block comment", at: opening,
                    label: "this `/*` is never closed",
                    help: "close it with `*/`; block comments nest, so each `/*` inside needs its own `*/`",
                    labels: labels)
    }

    func invalidEscape() -> Diagnostic {
        let bytes = Array(self.bytes)
        let escapes = "the escapes are `\\\\`, `\\\"`, `\\n`, `\\t`, `\\r`, `\\0`, `\\u{…}`, and `\\(…)` to interpolate"
        guard bytes.count >= 2 else {
            return make(.invalidEscape, "incomplete escape sequence", label: "a backslash with nothing to escape",
                        help: escapes + "; write `\\\\` for a backslash",
                        suggestions: replacing(with: "\\\\", "write `\\\\` for a backslash"))
        }
        guard bytes[1] == 0x75 else { // u
            return make(.invalidEscape, "unknown escape sequence `\(text)`", label: "not an escape",
                        help: escapes + "; write `\\\\` for a backslash",
                        suggestions: replacing(with: "\\" + text, "keep the backslash: `\\\(text)`"))
        }
        let problem: String
        if bytes.count < 3 || bytes[2] != 0x7B {
            problem = "`\\u` must be followed by `{`"
        } else {
            let digits = bytes.dropFirst(3).prefix { LexerCharacters.isHexDigit($0) }
            if digits.isEmpty {
                problem = "no hex digits between the braces"
            } else if bytes.last != 0x7D {
                problem = "missing the closing `}`"
            } else if digits.count > 8 {
                problem = "more than 8 hex digits"
            } else {
                let value = digits.reduce(UInt32(0)) { $0 << 4 | LexerCharacters.hexValue($1) }
                problem = (0xD800...0xDFFF).contains(value)
                    ? "\(Self.codePoint(value)) is a surrogate, not a Unicode scalar"
                    : "\(Self.codePoint(value)) is beyond the last Unicode scalar, U+10FFFF"
            }
        }
        return make(.invalidEscape, "invalid Unicode escape `\(text)`", label: problem,
                    help: "write `\\u{` with 1 to 8 hex digits naming a Unicode scalar, then `}`, as in `\\u{1F600}`")
    }

    // MARK: Numbers, dates, times, durations

    func numberTooLarge() -> Diagnostic {
        switch token.kind {
        case .integer:
            return make(.numberLiteralTooLarge, "integer `\(text)` is too large",
                        label: "larger than 9223372036854775807, the largest integer",
                        help: "integers are exact 64-bit numbers; for a larger, inexact quantity write a decimal",
                        suggestions: replacing(with: text + ".0", "write the decimal `\(text).0`"))
        case .duration:
            return make(.numberLiteralTooLarge, "duration `\(text)` is too large",
                        label: "the amount is larger than 9223372036854775807",
                        help: "write a smaller amount, in a larger unit if needed")
        default:
            return make(.numberLiteralTooLarge, "number `\(text)` is too large",
                        label: "beyond the largest decimal, about 1.8 × 10^308",
                        help: "write a smaller number")
        }
    }

    func malformedNumber() -> Diagnostic {
        let bytes = Array(self.bytes)
        // The number part: digits and the `.`, `:`, `-`, `%` that shape literals.
        var numberEnd = 0
        while numberEnd < bytes.count,
              LexerCharacters.isDigit(bytes[numberEnd]) || [0x2E, 0x3A, 0x2D, 0x25].contains(bytes[numberEnd]) {
            numberEnd += 1
        }
        let number = String(decoding: bytes[..<numberEnd], as: UTF8.self)
        let suffix = String(decoding: bytes[numberEnd...], as: UTF8.self)
        let message = "`\(text)` is not a valid number"
        let label = "letters right after a number"
        if suffix.utf8.count <= LexerWords.maximumLength, suffix.utf8.allSatisfy(LexerCharacters.isASCIILetter),
           !number.contains("."), !number.contains(":"), !number.contains("-"), !number.contains("%"),
           isDurationUnit(suffix) {
            return make(.malformedNumberLiteral, message, label: label,
                        help: "put a space between the number and its unit",
                        suggestions: replacing(with: number + " " + suffix, "write `\(number) \(suffix)`"))
        }
        if suffix.hasPrefix("_") {
            let digitsOnly = text.filter { $0 != "_" }
            let suggestions = digitsOnly.utf8.allSatisfy(LexerCharacters.isDigit)
                ? replacing(with: digitsOnly, "write `\(digitsOnly)`") : []
            return make(.malformedNumberLiteral, message, label: label,
                        help: "numbers have no digit separators; write the digits together", suggestions: suggestions)
        }
        if number == "0", let first = suffix.first, "xXbBoO".contains(first) {
            return make(.malformedNumberLiteral, message, label: label, help: "numbers are written in decimal")
        }
        if number.contains(":"), ["am", "pm"].contains(suffix.lowercased()) {
            return make(.malformedNumberLiteral, message, label: label,
                        help: "times are written on the 24-hour clock, as `HH:MM` (`14:30` for 2:30 pm)")
        }
        return make(.malformedNumberLiteral, message, label: label,
                    help: "a number cannot be followed directly by letters; separate them with a space")
    }

    private func isDurationUnit(_ word: String) -> Bool {
        Array(word.utf8).withUnsafeBufferPointer { buffer in
            !buffer.isEmpty && LexerWords.durationUnit(LexerWords.pack(buffer, from: 0, length: buffer.count)) != nil
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    func invalidDate() -> Diagnostic {
        let bytes = Array(self.bytes)
        let help = "write a real calendar date as YYYY-MM-DD"
        guard bytes.count == 10 else {
            return make(.invalidDateLiteral, "`\(text)` is not a valid date",
                        label: "a date is written YYYY-MM-DD", help: help)
        }
        let year = Self.number(bytes[0..<4])
        let month = Self.number(bytes[5..<7])
        let day = Self.number(bytes[8..<10])
        guard (1...12).contains(month) else {
            return make(.invalidDateLiteral, "month \(month) does not exist in `\(text)`",
                        label: "months run from 01 to 12", help: help)
        }
        let days = LiteralDecoder.daysInMonth(year: year, month: month)
        let monthName = Self.monthNames[month - 1]
        var notes: [DiagnosticNote] = []
        if month == 2, day == 29 {
            notes.append(DiagnosticNote("\(year) is not a leap year"))
        }
        return make(.invalidDateLiteral, "day \(day) does not exist in `\(text)`",
                    label: day == 0 ? "days start at 01" : "\(monthName) \(year) has \(days) days",
                    help: help, notes: notes)
    }

    func invalidTime() -> Diagnostic {
        let bytes = Array(self.bytes)
        let colon = bytes.firstIndex(of: 0x3A) ?? 0
        let hourDigits = colon
        let minuteDigits = bytes.count - colon - 1
        guard hourDigits >= 1, hourDigits <= 2, minuteDigits == 2 else {
            return make(.invalidTimeLiteral, "`\(text)` is not a valid time",
                        label: "a time is written H:MM or HH:MM",
                        help: "write the hour, a colon and two digits of minutes, as in `09:05`")
        }
        let hour = Self.number(bytes[0..<colon])
        let minute = Self.number(bytes[(colon + 1)...])
        if hour > 23 {
            return make(.invalidTimeLiteral, "hour \(hour) does not exist in `\(text)`",
                        label: "hours run from 0 to 23",
                        help: "times of day run from 00:00 to 23:59; midnight is `00:00`")
        }
        return make(.invalidTimeLiteral, "minute \(minute) does not exist in `\(text)`",
                    label: "minutes run from 00 to 59", help: "times of day run from 00:00 to 23:59")
    }

    func fractionalDuration() -> Diagnostic {
        let bytes = Array(self.bytes)
        var numberEnd = 0
        while numberEnd < bytes.count, LexerCharacters.isDigit(bytes[numberEnd]) || bytes[numberEnd] == 0x2E {
            numberEnd += 1
        }
        var wordStart = numberEnd
        while wordStart < bytes.count, LexerCharacters.isSpaceOrTab(bytes[wordStart]) { wordStart += 1 }
        let number = String(decoding: bytes[..<numberEnd], as: UTF8.self)
        let word = String(decoding: bytes[wordStart...], as: UTF8.self)
        let message = "a duration is a whole number of units, not `\(number) \(word)`"
        let label = "`\(number)` is not a whole number"
        if let (amount, unit) = Self.wholeAmount(number, unitWord: word) {
            let written = "\(amount) \(amount == 1 ? unit.singular : unit.plural)"
            return make(.fractionalDurationLiteral, message, label: label, help: "write `\(written)`",
                        suggestions: replacing(with: written, "write `\(written)`"))
        }
        return make(.fractionalDurationLiteral, message, label: label,
                    help: "write a whole number of \(word), or of a smaller unit")
    }

    /// `1.5 hours` as a whole number of the next smaller unit of the same kind, when exact.
    static func wholeAmount(_ number: String, unitWord: String) -> (Int64, DurationUnit)? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count <= 18,
              let integerPart = Int64(parts[0]), let fractionPart = Int64(parts[1]) else { return nil }
        let unit: DurationUnit, factor: Int64
        switch unitWord {
        case "hour", "hours": (unit, factor) = (.minute, 60)
        case "week", "weeks": (unit, factor) = (.day, 7)
        case "year", "years": (unit, factor) = (.month, 12)
        default: return nil
        }
        var scale: Int64 = 1
        for _ in 0..<parts[1].count { scale *= 10 }
        let (scaledFraction, overflow1) = fractionPart.multipliedReportingOverflow(by: factor)
        let (scaledInteger, overflow2) = integerPart.multipliedReportingOverflow(by: factor)
        guard !overflow1, !overflow2, scaledFraction % scale == 0 else { return nil }
        let (amount, overflow3) = scaledInteger.addingReportingOverflow(scaledFraction / scale)
        return overflow3 ? nil : (amount, unit)
    }

    /// The value of a few ASCII digits.
    static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }
}
