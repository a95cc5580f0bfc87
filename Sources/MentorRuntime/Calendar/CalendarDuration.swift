import MentorSyntax

/// A length of calendar time such as `90 minutes`, `2 weeks` or `1 year`.
///
/// It keeps the unit it was written in, so it prints back as written, but equality and
/// hashing are by meaning within a kind: `1 year == 12 months`, `1 week == 7 days`,
/// `60 minutes == 1 hour`. Durations of different kinds are never equal and do not order,
/// because a month has no fixed number of days and a date has no time of day.
public struct CalendarDuration: Sendable, Hashable, CustomStringConvertible {
    /// The class a unit belongs to; units convert exactly only within one class.
    public enum Kind: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Minutes and hours.
        case time
        /// Days and weeks.
        case day
        /// Months and years.
        case month

        /// The class of `unit`.
        public init(_ unit: DurationUnit) {
            switch unit {
            case .minute, .hour: self = .time
            case .day, .week: self = .day
            case .month, .year: self = .month
            }
        }

        /// The smallest unit of the class, in which `normalizedAmount` counts.
        public var baseUnit: DurationUnit {
            switch self {
            case .time: .minute
            case .day: .day
            case .month: .month
            }
        }

        /// `time-based`, `day-based` or `month-based`, for messages.
        public var description: String {
            switch self {
            case .time: "time-based"
            case .day: "day-based"
            case .month: "month-based"
            }
        }

        /// The units of the class, for messages (`days or weeks`).
        public var unitNames: String {
            switch self {
            case .time: "minutes or hours"
            case .day: "days or weeks"
            case .month: "months or years"
            }
        }
    }

    /// The number of units, possibly zero or negative.
    public let amount: Int64
    /// The unit the duration was written in.
    public let unit: DurationUnit

    /// The duration `amount` `unit`s.
    public init(amount: Int64, unit: DurationUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// `n` minutes.
    public static func minutes(_ n: Int64) -> CalendarDuration { CalendarDuration(amount: n, unit: .minute) }
    /// `n` hours.
    public static func hours(_ n: Int64) -> CalendarDuration { CalendarDuration(amount: n, unit: .hour) }
    /// `n` days.
    public static func days(_ n: Int64) -> CalendarDuration { CalendarDuration(amount: n, unit: .day) }
    /// `n` weeks.
    public static func weeks(_ n: Int64) -> CalendarDuration { CalendarDuration(amount: n, unit: .week) }
    /// `n` months.
    public static func months(_ n: Int64) -> CalendarDuration { CalendarDuration(amount: n, unit: .month) }
    /// `n` years.
    public static func years(_ n: Int64) -> CalendarDuration { CalendarDuration(amount: n, unit: .year) }

    /// The class of the duration's unit.
    public var kind: Kind { Kind(unit) }

    /// How many base units (minutes, days or months) one `unit` is.
    static func baseUnits(in unit: DurationUnit) -> Int64 {
        switch unit {
        case .minute, .day, .month: 1
        case .hour: 60
        case .week: 7
        case .year: 12
        }
    }

    /// The amount in the class's smallest unit (minutes, days or months); nil if it does not fit in 64 bits.
    public var normalizedAmount: Int64? {
        let (product, overflow) = amount.multipliedReportingOverflow(by: CalendarDuration.baseUnits(in: unit))
        return overflow ? nil : product
    }

    /// Whether the amount is greater than zero.
    public var isPositive: Bool { amount > 0 }

    /// `90 minutes`, `1 day`, `-1 week`, `2 weeks`: singular for one unit either way, plural otherwise.
    public var description: String {
        "\(amount) " + (amount == 1 || amount == -1 ? unit.singular : unit.plural)
    }

    // MARK: Arithmetic

    /// The sum, in the smaller unit of the two (`2 weeks + 3 days` is `17 days`; `2 weeks + 1 week`
    /// is `3 weeks`); nil for different kinds or on overflow.
    public func adding(_ other: CalendarDuration) -> CalendarDuration? {
        combined(with: other) { $0.addingReportingOverflow($1) }
    }

    /// The difference, in the smaller unit of the two; nil for different kinds or on overflow.
    public func subtracting(_ other: CalendarDuration) -> CalendarDuration? {
        combined(with: other) { $0.subtractingReportingOverflow($1) }
    }

    private func combined(
        with other: CalendarDuration,
        _ operation: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) -> CalendarDuration? {
        guard kind == other.kind else { return nil }
        if unit == other.unit {
            let result = operation(amount, other.amount)
            return result.overflow ? nil : CalendarDuration(amount: result.partialValue, unit: unit)
        }
        // Each class has two units, so differing units always meet in the class's base unit.
        guard let lhs = normalizedAmount, let rhs = other.normalizedAmount else { return nil }
        let result = operation(lhs, rhs)
        return result.overflow ? nil : CalendarDuration(amount: result.partialValue, unit: kind.baseUnit)
    }

    /// The same length in the opposite direction, in the same unit; nil on overflow.
    public func negated() -> CalendarDuration? {
        let (result, overflow) = Int64(0).subtractingReportingOverflow(amount)
        return overflow ? nil : CalendarDuration(amount: result, unit: unit)
    }

    /// `factor` times the duration, in the same unit; nil on overflow.
    public func multiplied(by factor: Int64) -> CalendarDuration? {
        let (result, overflow) = amount.multipliedReportingOverflow(by: factor)
        return overflow ? nil : CalendarDuration(amount: result, unit: unit)
    }

    // MARK: Comparison

    /// -1, 0 or 1 as the duration is shorter than, as long as, or longer than `other`;
    /// nil when the kinds differ (month-based and day-based durations do not compare).
    public func compare(to other: CalendarDuration) -> Int? {
        guard kind == other.kind else { return nil }
        switch (normalizedAmount, other.normalizedAmount) {
        case let (lhs?, rhs?):
            return CalendarDuration.sign(of: lhs, comparedTo: rhs)
        case (nil, _?):
            // Only the larger unit of a class can overflow, so this side is beyond any base amount.
            return amount > 0 ? 1 : -1
        case (_?, nil):
            return other.amount > 0 ? -1 : 1
        case (nil, nil):
            // Both overflowed, so both are in the class's larger unit.
            return CalendarDuration.sign(of: amount, comparedTo: other.amount)
        }
    }

    private static func sign(of lhs: Int64, comparedTo rhs: Int64) -> Int {
        lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
    }

    /// Equal when of the same kind and the same length (`1 year == 12 months`).
    public static func == (lhs: CalendarDuration, rhs: CalendarDuration) -> Bool {
        lhs.compare(to: rhs) == 0
    }

    /// Hashes the kind and the normalised length, so equal durations hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        if let normalized = normalizedAmount {
            hasher.combine(normalized)
        } else {
            // Only the class's larger unit overflows, and such a duration equals only itself.
            hasher.combine(unit)
            hasher.combine(amount)
        }
    }
}
