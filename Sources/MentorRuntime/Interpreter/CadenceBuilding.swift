import MentorDiagnostics
import MentorSource

/// Builds cadence values from `every`, `for` and `, then`, with errors that say what is wrong.
enum CadenceBuilding {
    static func every(_ interval: Value, span: Span, names: ProgramModel, operandSpan: Span) throws -> Value {
        guard case .duration(let duration) = interval else {
            throw RuntimeError(.invalidCadence, "`every` needs a duration such as `2 weeks`, but this is \(describeType(interval, names.store))", at: operandSpan)
        }
        guard duration.kind != .time else {
            throw RuntimeError(.invalidCadence, "a cadence counts days, weeks, months or years, not \(duration)", at: operandSpan)
        }
        guard duration.amount > 0, let cadence = Cadence.every(duration) else {
            throw RuntimeError(.invalidCadence, "a cadence needs a positive interval, not \(duration)", at: operandSpan)
        }
        return .cadence(cadence)
    }

    static func limited(_ cadence: Value, by limit: Value, span: Span, names: ProgramModel, cadenceSpan: Span, limitSpan: Span) throws -> Value {
        guard case .cadence(let base) = cadence else {
            throw RuntimeError(.invalidCadence, "`for` limits a cadence such as `weekly`, but this is \(describeType(cadence, names.store))", at: cadenceSpan)
        }
        guard case .duration(let duration) = limit, duration.kind != .time else {
            throw RuntimeError(.invalidCadence, "a phase lasts days, weeks, months or years, but this is \(describeType(limit, names.store))", at: limitSpan)
        }
        guard duration.amount > 0, let result = base.limited(to: duration) else {
            throw RuntimeError(.invalidCadence, "`\(base) for \(duration)` is not a valid phase", at: span,
                               help: "a phase lasts a positive duration, and only the last phase of a cadence may run on without `for`")
        }
        return .cadence(result)
    }

    static func pinned(_ cadence: Value, to pin: WeekdayPin, span: Span, names: ProgramModel, cadenceSpan: Span) throws -> Value {
        guard case .cadence(let base) = cadence else {
            throw RuntimeError(.invalidCadence, "`\(pin)` pins a cadence such as `monthly`, but this is \(describeType(cadence, names.store))", at: cadenceSpan)
        }
        do {
            return .cadence(try base.checkedPinned(to: pin))
        } catch {
            throw RuntimeError(.invalidCadence, error.message, at: span, help: error.help)
        }
    }

    static func sequence(_ phases: [(Value, Span)], span: Span, names: ProgramModel) throws -> Value {
        var result: Cadence?
        for (value, phaseSpan) in phases {
            guard case .cadence(let next) = value else {
                throw RuntimeError(.invalidCadence, "`then` joins cadences, but this is \(describeType(value, names.store))", at: phaseSpan)
            }
            if let current = result {
                guard let joined = current.then(next) else {
                    throw RuntimeError(.invalidCadence, "`\(current)` runs on forever, so no phase can follow it", at: phaseSpan,
                                       help: "limit the earlier phase with `for`, as in `weekly for 4 weeks, then monthly`")
                }
                result = joined
            } else {
                result = next
            }
        }
        guard let result else { throw RuntimeError(.invalidCadence, "empty cadence", at: span) }
        return .cadence(result)
    }
}
