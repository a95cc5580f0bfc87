/// A Mentor number: an exact 64-bit integer, a binary floating-point decimal, or a percentage
/// (stored as the written percentage, so `15%` holds 15 and means 0.15).
public enum Number: Sendable {
    case integer(Int64)
    case decimal(Double)
    case percent(Double)

    /// The number's mathematical value as a Double.
    public var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .decimal(let value): value
        case .percent(let value): value / 100
        }
    }

    /// Turns an integral decimal result back into an integer when it fits exactly.
    static func normalized(_ value: Double) -> Number {
        if value.isFinite, value == value.rounded(), abs(value) < 9.0e15 {
            return .integer(Int64(value))
        }
        return .decimal(value)
    }

    /// Source syntax: `42`, `3.5`, `15%`.
    public var sourceText: String {
        switch self {
        case .integer(let value): return String(value)
        case .decimal(let value): return Number.format(value)
        case .percent(let value):
            if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) + "%" }
            return Number.format(value) + "%"
        }
    }

    /// Shortest round-tripping decimal form without an exponent, so it reads back as a literal.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = value.description
        guard let exponentIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        // Expand `1.5e+20` / `1e-07` into plain digits.
        let mantissa = String(text[..<exponentIndex])
        guard let exponent = Int(text[text.index(after: exponentIndex)...]) else { return text }
        let negative = mantissa.hasPrefix("-")
        let digitsPart = negative ? String(mantissa.dropFirst()) : mantissa
        let pieces = digitsPart.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = String(pieces[0])
        let fractionDigits = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = integerDigits + fractionDigits
        var pointPosition = integerDigits.count + exponent
        if pointPosition <= 0 {
            digits = String(repeating: "0", count: -pointPosition + 1) + digits
            pointPosition = 1
        } else if pointPosition >= digits.count {
            digits += String(repeating: "0", count: pointPosition - digits.count + 1)
        }
        let head = digits.prefix(pointPosition)
        var tail = String(digits.dropFirst(pointPosition))
        while tail.count > 1, tail.hasSuffix("0") { tail.removeLast() }
        return (negative ? "-" : "") + head + "." + (tail.isEmpty ? "0" : tail)
    }
}

extension Number: Equatable, Hashable {
    /// Numbers compare by value: `0.15 == 15%` and `3 == 3.0`.
    public static func == (lhs: Number, rhs: Number) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): a == b
        default: lhs.doubleValue == rhs.doubleValue
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(doubleValue)
    }
}
