import MentorDiagnostics

/// The text rules of RFC 5545 §3.1 and §3.3.11: TEXT escaping, and content lines folded at
/// 75 octets with CRLF line ends.
public enum ICalendarText {
    /// The longest physical line in octets, not counting its CRLF (RFC 5545 §3.1).
    public static let maxLineOctets = 75

    /// A TEXT value: `\` `;` `,` escaped with a backslash, line breaks (LF, CR or CRLF) as `\n`.
    /// Other control characters are not allowed in TEXT (§3.3.11) and are dropped, and so is
    /// every other scalar a terminal must not get raw (`DisplayText.isControl`: C1, NEL, LS/PS,
    /// bidi controls), since calendars are also read with `cat`; a tab stays.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            case _ where DisplayText.isControl(scalar): continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One content line, folded so no physical line exceeds `maxLineOctets` octets, each ended
    /// by CRLF. A fold is a CRLF followed by one space, which counts towards the next line's
    /// octets; folds fall between Unicode scalars, never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count + line.utf8.count / 64 * 3 + 2)
        var used = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if used + width > maxLineOctets {
                result += "\r\n "
                used = 1
            }
            result.unicodeScalars.append(scalar)
            used += width
        }
        return result + "\r\n"
    }

    /// `20260112`: a DATE value.
    public static func date(_ date: CivilDate) -> String {
        let (year, month, day) = date.components
        return pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    /// `20260112T093000`: a floating or zone-relative DATE-TIME value.
    public static func dateTime(_ date: CivilDate, _ time: TimeOfDay) -> String {
        self.date(date) + "T" + pad(time.hour, 2) + pad(time.minute, 2) + "00"
    }

    /// `20260112T093000Z`: the UTC DATE-TIME `seconds` after 1970-01-01T00:00:00Z.
    static func utcDateTime(seconds: Int64) -> String {
        localDateTime(seconds: seconds) + "Z"
    }

    /// `20260112T093000`: the wall-clock DATE-TIME `seconds` after 1970-01-01T00:00:00 on the
    /// same clock; clamped to the dates a `CivilDate` can hold.
    static func localDateTime(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days) ?? (days < 0 ? CivilDate.earliest : CivilDate.latest)
        return self.date(date) + "T" + pad(Int(rest / 3600), 2) + pad(Int(rest % 3600 / 60), 2) + pad(Int(rest % 60), 2)
    }

    /// A DURATION value for a length in minutes or hours: `PT60M`, `PT2H` (the unit as written).
    /// Nil for lengths that are not positive or not time-based.
    public static func duration(_ length: CalendarDuration) -> String? {
        guard length.isPositive else { return nil }
        switch length.unit {
        case .minute: return "PT\(length.amount)M"
        case .hour: return "PT\(length.amount)H"
        default: return nil
        }
    }

    /// `+0100`, `-0330`, `+053728` (seconds only when there are any): a UTC-OFFSET value.
    static func utcOffset(seconds: Int32) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = Int(seconds.magnitude)
        let text = sign + pad(magnitude / 3600, 2) + pad(magnitude % 3600 / 60, 2)
        return magnitude % 60 == 0 ? text : text + pad(magnitude % 60, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
