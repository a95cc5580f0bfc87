import MentorSyntax

/// A runtime value of the Mentor language.
public enum Value: Sendable {
    case none
    case bool(Bool)
    case number(Number)
    case string(String)
    case date(CivilDate)
    case time(TimeOfDay)
    case duration(CalendarDuration)
    case cadence(Cadence)
    case list([Value])
    case record(Record)
    case function(FunctionValue)
    /// A declared programme, person, agreement, … (or a `with` copy standing in for one).
    case entity(EntityRef)
    /// A bare symbolic name such as the channel `video` or the booking role `mentee`.
    case symbol(String)

    /// The type name users see in messages (`number`, `date`, `agreement`, …).
    public var typeName: String {
        switch self {
        case .none: "none"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .time: "time"
        case .duration: "duration"
        case .cadence: "cadence"
        case .list: "list"
        case .record: "record"
        case .function: "function"
        case .entity(let entity): entity.kind.rawValue
        case .symbol: "symbol"
        }
    }

    /// Convenience for integers.
    public static func integer(_ value: Int64) -> Value { .number(.integer(value)) }
}

/// An ordered record of named values; field order is kept for printing.
public struct Record: Sendable {
    /// Field names and values in order.
    public var fields: [(name: String, value: Value)]

    /// Creates a record.
    public init(_ fields: [(name: String, value: Value)]) { self.fields = fields }

    /// The value of field `name`, if present.
    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }

    /// Returns a copy with `name` set to `value` (replacing or appending).
    public func setting(_ name: String, to value: Value) -> Record {
        var copy = self
        if let index = copy.fields.firstIndex(where: { $0.name == name }) {
            copy.fields[index].value = value
        } else {
            copy.fields.append((name, value))
        }
        return copy
    }
}

/// Something callable.
public enum FunctionValue: Sendable {
    /// A user function or lambda with its captured frame.
    case closure(Closure)
    /// A built-in free function such as `print`.
    case builtin(BuiltinFunction)
    /// A built-in member bound to its receiver (`xs.map` before it is called).
    indirect case boundMember(receiver: Value, member: String)

    /// The name shown when the function is printed.
    public var displayName: String {
        switch self {
        case .closure(let closure): closure.code.name ?? "<lambda>"
        case .builtin(let builtin): builtin.name
        case .boundMember(_, let member): member
        }
    }
}

/// A compiled function together with the frame it closes over.
public final class Closure: Sendable {
    /// The compiled body and parameter layout.
    let code: FunctionCode
    /// The frame of the enclosing function (nil for top-level functions).
    let captured: Frame?

    init(code: FunctionCode, captured: Frame?) {
        self.code = code
        self.captured = captured
    }
}

/// A variable frame: one per function invocation (and one for the top level of a script).
public final class Frame: @unchecked Sendable {
    // Frames are only touched by the single thread running an evaluation. Unchecked: a slot is
    // read or written once per variable use, and no access to `slots` ever spans another (a
    // slot is written after its value is evaluated), so the runtime's exclusivity check on
    // every use found nothing and cost the rules a few percent of their instructions.
    @exclusivity(unchecked) var slots: [Value]
    let parent: Frame?

    init(size: Int, parent: Frame?) {
        // Grown from reserved room rather than `Array(repeating:count:)`, whose buffer comes
        // from an unspecialised standard-library call (the type's metadata looked up at run
        // time): a frame is made for every call of a lambda, and this is a third cheaper.
        var slots: [Value] = []
        slots.reserveCapacity(size)
        for _ in 0..<size { slots.append(.none) }
        self.slots = slots
        self.parent = parent
    }
}
