import MentorSyntax

/// The memoised computed members of one interpreter: a column per member number and kind,
/// each an array of optional values by the entity's place among its kind's entities
/// (`EntityStore.serial(of:)`), allocated at the column's first value. A dictionary per entity
/// cost a table header and hashed buckets for a handful of values each: at 100,000 agreements
/// the rule workers' memos were about 135 MB of dictionaries.
struct MemberMemo: Sendable {
    /// By `column(member:kind:)`; empty until something is remembered.
    private var columns: [[Value?]] = []

    /// True when nothing is remembered.
    var isEmpty: Bool { columns.isEmpty }

    private static let kindCount = DeclarationKind.allCases.count

    @inline(__always)
    private static func column(member: Int, kind: DeclarationKind) -> Int { member &* kindCount &+ kind.ordinal }

    /// Member `member` of the entity of `kind` at `serial` among its kind, if remembered.
    @inline(__always)
    func value(member: Int, kind: DeclarationKind, serial: Int) -> Value? {
        let column = Self.column(member: member, kind: kind)
        guard column < columns.count, serial < columns[column].count else { return nil }
        return columns[column][serial]
    }

    /// Remembers `value` as member `member` of the entity of `kind` at `serial`; `kindCount`
    /// is how many entities of the kind there are, the column's length when it is made.
    mutating func store(_ value: Value, member: Int, kind: DeclarationKind, serial: Int, kindCount: Int) {
        if columns.isEmpty { columns = Array(repeating: [], count: SchemaMembers.count * Self.kindCount) }
        let column = Self.column(member: member, kind: kind)
        if serial >= columns[column].count {
            // Sized once to every entity of the kind; only entities added after (a REPL entry
            // that declares nothing new keeps the memo) make it grow.
            columns[column].append(contentsOf: repeatElement(nil, count: max(kindCount, serial + 1) - columns[column].count))
        }
        columns[column][serial] = value
    }

    /// Takes in what `other` remembers and this memo does not: a column only `other` holds
    /// is shared, not copied. Both memos are of one programme, so a member remembered in both
    /// has one value.
    mutating func merge(_ other: MemberMemo) {
        guard !other.columns.isEmpty else { return }
        guard !columns.isEmpty else {
            columns = other.columns
            return
        }
        for column in other.columns.indices where !other.columns[column].isEmpty {
            guard !columns[column].isEmpty else {
                columns[column] = other.columns[column]
                continue
            }
            if columns[column].count < other.columns[column].count {
                columns[column].append(contentsOf: repeatElement(nil, count: other.columns[column].count - columns[column].count))
            }
            for serial in other.columns[column].indices where columns[column][serial] == nil && other.columns[column][serial] != nil {
                columns[column][serial] = other.columns[column][serial]
            }
        }
    }

    /// Forgets everything remembered.
    mutating func removeAll() { columns = [] }
}
