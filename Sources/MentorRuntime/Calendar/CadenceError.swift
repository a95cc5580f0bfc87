/// Why a cadence cannot be built; the interpreter turns it into a diagnostic.
public enum CadenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A cadence with no phases at all.
    case noPhases
    /// The interval is in minutes or hours, but sessions fall on dates.
    case intervalNotDateBased(CalendarDuration)
    /// The interval is zero or negative, so the sessions would never move forward.
    case intervalNotPositive(CalendarDuration)
    /// The `for` limit is in minutes or hours, which a date cannot be moved by.
    case limitNotDateBased(CalendarDuration)
    /// A second `for` on a phase that already has one.
    case phaseAlreadyLimited(CadencePhase)
    /// A phase without `for` is followed by another phase, which could then never start.
    case unlimitedPhaseBeforeAnother(index: Int, phase: CadencePhase)
    /// A weekday pin on a phase whose interval is in days or weeks, which keeps its weekday anyway.
    case pinNeedsMonthBasedInterval(WeekdayPin, CalendarDuration)
    /// A second weekday pin on a phase that already keeps one.
    case phaseAlreadyPinned(CadencePhase)

    /// What is wrong, in one sentence for a diagnostic.
    public var message: String {
        switch self {
        case .noPhases:
            "a cadence needs at least one phase"
        case .intervalNotDateBased(let interval):
            "a cadence's interval must be in days, weeks, months or years, not `\(interval)`"
        case .intervalNotPositive(let interval):
            "a cadence's interval must be positive, not `\(interval)`"
        case .limitNotDateBased(let limit):
            "a cadence's `for` must be in days, weeks, months or years, not `\(limit)`"
        case .phaseAlreadyLimited(let phase):
            "the phase `\(phase)` already has a `for`; a phase takes only one"
        case .unlimitedPhaseBeforeAnother(_, let phase):
            "the phase `\(phase)` has no `for`, so it never ends and the phase after it never starts"
        case .pinNeedsMonthBasedInterval(let pin, let interval):
            "`\(pin)` needs a rhythm in months or years, not `every \(interval)`"
        case .phaseAlreadyPinned(let phase):
            "the phase `\(phase)` already keeps a weekday; a phase keeps only one"
        }
    }

    /// What to do about it.
    public var help: String {
        switch self {
        case .noPhases:
            "write a rhythm such as `weekly`, `monthly` or `every 3 weeks`"
        case .intervalNotDateBased:
            "sessions fall on dates, so meet `every 1 day` at most often"
        case .intervalNotPositive:
            "use a positive interval such as `every 2 weeks`"
        case .limitNotDateBased:
            "give the phase's length in days, weeks, months or years, such as `for 4 weeks`"
        case .phaseAlreadyLimited:
            "keep one `for`, with the phase's whole length"
        case .unlimitedPhaseBeforeAnother(_, let phase):
            "add a length to it, such as `\(phase.rhythmDescription) for 3 months, then …`"
        case .pinNeedsMonthBasedInterval(let pin, _):
            "a rhythm in days or weeks keeps its weekday already; write `monthly \(pin)` or `every 2 months \(pin)`"
        case .phaseAlreadyPinned:
            "keep one `on the …`"
        }
    }

    /// The message, so the error reads well when printed.
    public var description: String { message }
}
