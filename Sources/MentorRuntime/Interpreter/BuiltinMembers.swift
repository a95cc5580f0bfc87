/// Which values have a built-in member of one name, as a property (no arguments) or a method:
/// worked out once per name when code is resolved (`MemberName.builtin`), so that a member
/// call in a rule tests a bit where it hashed the name into one or two sets of names.
struct BuiltinMembers: OptionSet, Sendable {
    let rawValue: UInt8

    static let listProperty = BuiltinMembers(rawValue: 1 << 0)
    static let listMethod = BuiltinMembers(rawValue: 1 << 1)
    static let stringProperty = BuiltinMembers(rawValue: 1 << 2)
    static let stringMethod = BuiltinMembers(rawValue: 1 << 3)
    static let dateProperty = BuiltinMembers(rawValue: 1 << 4)
    static let timeProperty = BuiltinMembers(rawValue: 1 << 5)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The built-in members named `name` (one lookup).
    init(named name: String) {
        self = Self.byName[name] ?? []
    }

    /// Every built-in member name with the values that have it, from `Members`' lists.
    private static let byName: [String: BuiltinMembers] = {
        var table: [String: BuiltinMembers] = [:]
        let lists: [(Set<String>, BuiltinMembers)] = [
            (Members.listProperties, .listProperty), (Members.listMethods, .listMethod),
            (Members.stringProperties, .stringProperty), (Members.stringMethods, .stringMethod),
            (Members.dateProperties, .dateProperty), (Members.timeProperties, .timeProperty),
        ]
        for (names, member) in lists {
            for name in names { table[name, default: []].insert(member) }
        }
        return table
    }()

    /// True when one of these is a property of `receiver` (a built-in member without arguments).
    func includesProperty(of receiver: Value) -> Bool {
        switch receiver {
        case .list: contains(.listProperty)
        case .string: contains(.stringProperty)
        case .date: contains(.dateProperty)
        case .time: contains(.timeProperty)
        default: false
        }
    }

    /// True when one of these is a method of `receiver` (a built-in member taking arguments).
    func includesMethod(of receiver: Value) -> Bool {
        switch receiver {
        case .list: contains(.listMethod)
        case .string: contains(.stringMethod)
        default: false
        }
    }
}
