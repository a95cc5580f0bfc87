import MentorSyntax

/// A member name as resolved code carries it (`a.mentor`): its text, and its number among the
/// names any declaration kind offers as a member (`SchemaMembers`), worked out once when the
/// code is resolved, so an entity's member is found by an array index instead of by hashing
/// the name on every access.
struct MemberName: Sendable {
    /// The name as written.
    let text: String
    /// Its number in `SchemaMembers`, or -1 when no kind has a member of that name (it can
    /// still name a record field or a built-in member of a list, string, date or time).
    let schemaID: Int
    /// The values that have a built-in member of this name (`count` of a list or a string).
    let builtin: BuiltinMembers
    /// The list method of this name, if there is one.
    let listMethod: ListMethod?

    /// Interns `text` against the built-in member names.
    init(_ text: String) {
        self.text = text
        schemaID = SchemaMembers.id(of: text)
        builtin = BuiltinMembers(named: text)
        listMethod = ListMethod(rawValue: text)
    }

    /// Interns `text` against a programme's member names, its own fields' included.
    init(_ text: String, schemas: ProgramSchemas) {
        self.text = text
        schemaID = schemas.memberID(of: text)
        builtin = BuiltinMembers(named: text)
        listMethod = ListMethod(rawValue: text)
    }
}

/// Every name some declaration kind offers as a member — `id`, `title`, the fields and the
/// computed members of every kind — numbered once.
enum SchemaMembers {
    /// The names, by number.
    static let names: [String] = {
        var names = ["id", "title"]
        var seen = Set(names)
        for kind in DeclarationKind.allCases {
            for row in DomainSchema.rows(of: kind) where seen.insert(row.name).inserted { names.append(row.name) }
        }
        return names
    }()

    private static let ids: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    /// How many names there are.
    static var count: Int { names.count }

    /// The number of `name`, or -1 when no kind has a member of that name.
    static func id(of name: String) -> Int { ids[name] ?? -1 }

    /// The number of `id`, which every entity has.
    static let idMember = 0
    /// The number of `title`, which every entity has.
    static let titleMember = 1
}

/// Where an entity of one kind keeps the member with a given number: plain integers, so that
/// reading the location on every member access copies no row (a row holds strings, a type and
/// a closure, each a reference count to take and give back).
enum MemberLocation: Sendable {
    /// The declared name.
    case id
    /// The title.
    case title
    /// A declared field in `slot`; `programDefaultSlot` is the programme field standing in
    /// for it when absent, or -1.
    case field(slot: Int, programDefaultSlot: Int)
    /// The computed member at `row` in `KindSchema.computedInOrder`, with its member number
    /// for the memo cache.
    case computed(row: Int, id: Int)
}
