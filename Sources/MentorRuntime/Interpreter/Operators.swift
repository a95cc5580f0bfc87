import MentorDiagnostics
import MentorSyntax
import MentorSource

/// Arithmetic, comparison and equality on values, following LANGUAGE.md's decisions on numbers,
/// dates and durations. `names` is the programme whose entity names an error message quotes
/// (a class, so passing it costs no copy of the store on every operation).
enum Operators {
    static func negate(_ value: Value, span: Span, names: ProgramModel) throws -> Value {
        switch value {
        case .number(.integer(let n)):
            let (result, overflow) = Int64(0).subtractingReportingOverflow(n)
            if overflow { throw overflowError(span) }
            return .integer(result)
        case .number(.decimal(let d)): return .number(.decimal(-d))
        case .number(.percent(let p)): return .number(.percent(-p))
        case .duration(let d):
            guard let negated = d.negated() else { throw overflowError(span) }
            return .duration(negated)
        default:
            throw RuntimeError(.typeMismatch, "cannot negate \(describeType(value, names.store))", at: span, label: "`-` needs a number or a duration")
        }
    }

    /// `left op right`. The operands' spans are only for errors, so they are worked out only
    /// when one is thrown (a resolved expression's span is a switch over its cases).
    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, span: Span, names: ProgramModel, leftSpan: @autoclosure () -> Span,
                       rightSpan: @autoclosure () -> Span, limits: EvaluationLimits = EvaluationLimits()) throws -> Value {
        switch op {
        case .add: return try add(left, right, span: span, names: names, limits: limits)
        case .subtract: return try subtract(left, right, span: span, names: names)
        case .multiply: return try multiply(left, right, span: span, names: names)
        case .divide: return try divide(left, right, span: span, names: names, rightSpan: rightSpan())
        case .equal: return .bool(try checkedEqual(left, right, span: span, names: names))
        case .notEqual: return .bool(!(try checkedEqual(left, right, span: span, names: names)))
        case .less: return .bool(try compare(left, right, span: span, names: names) < 0)
        case .lessEqual: return .bool(try compare(left, right, span: span, names: names) <= 0)
        case .greater: return .bool(try compare(left, right, span: span, names: names) > 0)
        case .greaterEqual: return .bool(try compare(left, right, span: span, names: names) >= 0)
        case .and, .or, .coalesce:
            preconditionFailure("short-circuit operators are evaluated by the interpreter")
        }
    }

    // MARK: Arithmetic

    private static func add(_ left: Value, _ right: Value, span: Span, names: ProgramModel, limits: EvaluationLimits) throws -> Value {
        switch (left, right) {
        case (.string(let a), .string(let b)) where a.utf8.count + b.utf8.count > limits.maxStringLength:
            throw RuntimeError(.sizeLimit, "string longer than \(limits.maxStringLength) bytes", at: span)
        case (.list(let a), .list(let b)) where a.count + b.count > limits.maxListLength:
            throw RuntimeError(.sizeLimit, "list longer than \(limits.maxListLength) elements", at: span)
        case (.number(let a), .number(let b)):
            return .number(try numeric(a, b, span: span, names: names, integer: { $0.addingReportingOverflow($1) }, percent: { $0 + $1 }, decimal: { $0 + $1 }))
        case (.string(let a), .string(let b)):
            return .string(a + b)
        case (.list(let a), .list(let b)):
            return .list(a + b)
        case (.date(let date), .duration(let duration)), (.duration(let duration), .date(let date)):
            return .date(try shift(date, by: duration, span: span, names: names))
        case (.duration(let a), .duration(let b)):
            guard let sum = a.adding(b) else { throw durationMismatch(a, b, span: span, names: names, verb: "add") }
            return .duration(sum)
        case (.time(let time), .duration(let duration)), (.duration(let duration), .time(let time)):
            return .time(try shift(time, by: duration, sign: 1, span: span, names: names))
        default:
            throw mismatch("+", left, right, span: span, names: names)
        }
    }

    private static func subtract(_ left: Value, _ right: Value, span: Span, names: ProgramModel) throws -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return .number(try numeric(a, b, span: span, names: names, integer: { $0.subtractingReportingOverflow($1) }, percent: { $0 - $1 }, decimal: { $0 - $1 }))
        case (.date(let a), .date(let b)):
            return .duration(CalendarDuration(amount: a.days(since: b), unit: .day))
        case (.date(let date), .duration(let duration)):
            guard let negated = duration.negated() else { throw overflowError(span) }
            return .date(try shift(date, by: negated, span: span, names: names))
        case (.duration(let a), .duration(let b)):
            guard let difference = a.subtracting(b) else { throw durationMismatch(a, b, span: span, names: names, verb: "subtract") }
            return .duration(difference)
        case (.time(let a), .time(let b)):
            return .duration(CalendarDuration(amount: Int64(a.minutesSinceMidnight - b.minutesSinceMidnight), unit: .minute))
        case (.time(let time), .duration(let duration)):
            return .time(try shift(time, by: duration, sign: -1, span: span, names: names))
        default:
            throw mismatch("-", left, right, span: span, names: names)
        }
    }

    private static func multiply(_ left: Value, _ right: Value, span: Span, names: ProgramModel) throws -> Value {
        switch (left, right) {
        case (.number(.percent(let p)), .number(.integer(let n))), (.number(.integer(let n)), .number(.percent(let p))):
            // `15% * 200` is exactly 30: multiply before dividing by 100 when the percentage is whole.
            if p == p.rounded(), abs(p) < 9.0e15 {
                let (product, overflow) = Int64(p).multipliedReportingOverflow(by: n)
                if !overflow, product % 100 == 0 { return .integer(product / 100) }
                if !overflow { return .number(.decimal(Double(product) / 100)) }
            }
            return .number(.decimal(p * Double(n) / 100))
        case (.number(let a), .number(let b)):
            return .number(try numeric(a, b, span: span, names: names, integer: { $0.multipliedReportingOverflow(by: $1) },
                                       percent: { $0 * $1 / 100 }, decimal: { $0 * $1 }))
        case (.duration(let d), .number(.integer(let n))), (.number(.integer(let n)), .duration(let d)):
            guard let product = d.multiplied(by: n) else { throw overflowError(span) }
            return .duration(product)
        default:
            throw mismatch("*", left, right, span: span, names: names)
        }
    }

    private static func divide(_ left: Value, _ right: Value, span: Span, names: ProgramModel, rightSpan: Span) throws -> Value {
        guard case .number(let a) = left, case .number(let b) = right else {
            throw mismatch("/", left, right, span: span, names: names)
        }
        if b.doubleValue == 0 {
            throw RuntimeError(.divisionByZero, "division by zero", at: rightSpan, label: "this is zero")
        }
        if case .integer(let x) = a, case .integer(let y) = b {
            if x == .min && y == -1 { throw overflowError(span) }
            if x % y == 0 { return .integer(x / y) }
            return .number(.decimal(Double(x) / Double(y)))
        }
        return .number(.decimal(a.doubleValue / b.doubleValue))
    }

    /// Integers stay exact (overflow is an error); percentages combine as percentages; anything else is a decimal.
    private static func numeric(_ a: Number, _ b: Number, span: Span, names: ProgramModel,
                                integer: (Int64, Int64) -> (partialValue: Int64, overflow: Bool),
                                percent: (Double, Double) -> Double,
                                decimal: (Double, Double) -> Double) throws -> Number {
        switch (a, b) {
        case (.integer(let x), .integer(let y)):
            let (result, overflow) = integer(x, y)
            if overflow { throw overflowError(span) }
            return .integer(result)
        case (.percent(let x), .percent(let y)):
            return .percent(percent(x, y))
        default:
            return .decimal(decimal(a.doubleValue, b.doubleValue))
        }
    }

    private static func shift(_ date: CivilDate, by duration: CalendarDuration, span: Span, names: ProgramModel) throws -> CivilDate {
        if duration.kind == .time {
            throw RuntimeError(.calendarMismatch, "cannot add \(duration) to a date: dates carry no time of day", at: span,
                               help: "add days, weeks, months or years to a date")
        }
        guard let result = date.adding(duration) else {
            throw RuntimeError(.dateOutOfRange, "\(date) + \(duration) is outside the years 1 to 9999", at: span)
        }
        return result
    }

    private static func shift(_ time: TimeOfDay, by duration: CalendarDuration, sign: Int64, span: Span, names: ProgramModel) throws -> TimeOfDay {
        guard duration.kind == .time, let minutes = duration.normalizedAmount else {
            throw RuntimeError(.calendarMismatch, "cannot add \(duration) to a time of day", at: span, help: "add minutes or hours to a time")
        }
        let total = Int64(time.minutesSinceMidnight) + sign * minutes
        guard total >= 0, total < 24 * 60, let result = TimeOfDay(hour: Int(total / 60), minute: Int(total % 60)) else {
            throw RuntimeError(.dateOutOfRange, "\(time) \(sign > 0 ? "+" : "-") \(duration) leaves the day", at: span)
        }
        return result
    }

    private static func overflowError(_ span: Span) -> RuntimeError {
        RuntimeError(.integerOverflow, "arithmetic overflow: the result does not fit in a 64-bit integer", at: span)
    }

    private static func durationMismatch(_ a: CalendarDuration, _ b: CalendarDuration, span: Span, names: ProgramModel, verb: String) -> RuntimeError {
        if a.kind != b.kind {
            return RuntimeError(.calendarMismatch, "cannot \(verb) \(a) and \(b)", at: span,
                                help: "months and years do not convert to days, weeks, hours or minutes: a month has 28 to 31 days")
        }
        return overflowError(span)
    }

    private static func mismatch(_ symbol: String, _ left: Value, _ right: Value, span: Span, names: ProgramModel) -> RuntimeError {
        RuntimeError(.typeMismatch, "cannot apply `\(symbol)` to \(describeType(left, names.store)) and \(describeType(right, names.store))", at: span)
    }

    // MARK: Equality and order

    /// `==` as the language has it: structural, except that a symbol compared with a value of
    /// another type (a string above all: `a.booking == "mentee"`) is an error, not silently false.
    static func checkedEqual(_ left: Value, _ right: Value, span: Span, names: ProgramModel) throws -> Bool {
        switch (left, right) {
        case (.symbol(let word), let other), (let other, .symbol(let word)):
            switch other {
            case .symbol, .none: break
            default: throw symbolComparison(word, other, span: span, names: names)
            }
        default: break
        }
        return equal(left, right)
    }

    private static func symbolComparison(_ word: String, _ other: Value, span: Span, names: ProgramModel) -> RuntimeError {
        let help: String
        switch other {
        case .string(let text) where SymbolVocabulary.all.contains(text):
            help = "write the word without quotes: `\(text)`"
        case .string:
            help = "symbols are bare words written without quotes, such as `\(word)`"
        case .entity(let entity) where SymbolVocabulary.all.contains(names.name(of: entity)):
            let name = names.name(of: entity)
            help = "`\(name)` here names the \(entity.kind.rawValue) declared with that name, which hides the word `\(name)`; "
                + "rename the \(entity.kind.rawValue) to compare with the word"
        default:
            help = "a symbol equals only a symbol (or is compared with `none`)"
        }
        return RuntimeError(.symbolComparison, "cannot compare the symbol `\(word)` with \(describeType(other, names.store))", at: span, help: help)
    }

    /// Structural equality; values of different types are simply unequal.
    static func equal(_ left: Value, _ right: Value) -> Bool {
        StructuralEquality.equal(left, right)
    }

    /// `==` on values that hold no other values; lists and records are `StructuralEquality`'s.
    static func equalScalars(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.date(let a), .date(let b)): return a == b
        case (.time(let a), .time(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.cadence(let a), .cadence(let b)): return a == b
        case (.symbol(let a), .symbol(let b)): return a == b
        case (.entity(let a), .entity(let b)): return a.index == b.index && a.kind == b.kind
        case (.function(.closure(let a)), .function(.closure(let b))): return a === b
        default: return false
        }
    }

    /// -1, 0 or 1; an error for values without an order between them.
    static func compare(_ left: Value, _ right: Value, span: Span, names: ProgramModel) throws -> Int {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (left, right) {
        case (.number(.integer(let a)), .number(.integer(let b))): return order(a, b)
        case (.number(let a), .number(let b)): return order(a.doubleValue, b.doubleValue)
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1
                : (a.unicodeScalars.elementsEqual(b.unicodeScalars) ? 0 : 1)
        case (.date(let a), .date(let b)): return order(a, b)
        case (.time(let a), .time(let b)): return order(a, b)
        case (.duration(let a), .duration(let b)):
            guard let result = a.compare(to: b) else {
                throw RuntimeError(.calendarMismatch, "cannot compare \(a) with \(b)", at: span,
                                   help: "month-based and day-based durations do not compare: a month has 28 to 31 days")
            }
            return result
        default:
            throw RuntimeError(.notComparable, "cannot order \(describeType(left, names.store)) and \(describeType(right, names.store))", at: span,
                               help: left.typeName == "none" || right.typeName == "none" ? "use `??` to give a default for `none`" : nil)
        }
    }
}
