import MentorSource
import MentorSyntax

/// What every entity of a programme was declared as, in columns addressed by `EntityID`:
/// kind, name, title, declaration site, parent and children, and each kind's entities in
/// declaration order. Plain arrays, so a programme's headers are a handful of allocations
/// rather than an object per entity, and swapping one entity's header (the recheck does)
/// is writing a column entry. Field values are in `EntityFieldStore`.
public struct EntityStore: Sendable {
    /// Each entity's kind.
    private(set) var kinds: [DeclarationKind] = []
    /// Each entity's declared name (`ana_dave`), a session's number, or a test's title.
    private var names: [String] = []
    /// Each entity's title, if given.
    private var titles: [String?] = []
    /// What each entity keeps of its declaration's syntax.
    private var sites: [DeclarationSite] = []
    /// The entity each one is nested in (goal → agreement, step → pathway, session →
    /// agenda), or -1 at top level.
    private var parents: [Int32] = []
    /// How many entities are nested in each; they are the IDs right after it, since a
    /// declaration's children are declared before anything else (`add` checks it).
    private var childCounts: [Int32] = []
    /// The entities of each kind (by `DeclarationKind.ordinal`) in declaration order, without
    /// those a REPL entry replaced.
    private var idsByKind: [[EntityID]] = Array(repeating: [], count: DeclarationKind.allCases.count)
    /// Each entity's place among the entities of its kind ever added (replaced ones
    /// included, so it never changes): where its memoised members are (`MemberMemo`).
    private var serials: [Int32] = []
    /// How many entities of each kind (by ordinal) were ever added.
    private var addedByKind: [Int32] = Array(repeating: 0, count: DeclarationKind.allCases.count)

    /// How many entities were ever added (replaced ones included): the next ID.
    public var count: Int { kinds.count }

    /// Makes room for `additional` more entities at once, so the columns are not copied while
    /// they grow (the sites column of 100,000 agreements doubling raised `check`'s peak). Only a
    /// load that at least doubles the store reserves: a REPL entry reserving a few more each
    /// time would copy the columns every time.
    mutating func reserveCapacity(forAdding additional: Int) {
        guard additional > kinds.count else { return }
        let total = kinds.count + additional
        kinds.reserveCapacity(total)
        names.reserveCapacity(total)
        titles.reserveCapacity(total)
        sites.reserveCapacity(total)
        parents.reserveCapacity(total)
        childCounts.reserveCapacity(total)
        serials.reserveCapacity(total)
    }

    /// Adds an entity; a nested one (`parent` given) must follow its parent's other children.
    mutating func add(kind: DeclarationKind, name: String, title: String?, site: DeclarationSite, parent: EntityID?) -> EntityID {
        let id = EntityID(kinds.count)
        if let parent {
            precondition(parent.offset + 1 + Int(childCounts[parent.offset]) == id.offset,
                         "an entity's children are declared right after it")
            childCounts[parent.offset] += 1
        }
        kinds.append(kind)
        names.append(name)
        titles.append(title)
        sites.append(site)
        parents.append(parent?.rawValue ?? -1)
        childCounts.append(0)
        idsByKind[kind.ordinal].append(id)
        serials.append(addedByKind[kind.ordinal])
        addedByKind[kind.ordinal] += 1
        return id
    }

    /// Drops `ids` from their kinds' lists (a REPL entry declared their names again); their
    /// columns stay, so values still naming them read what they were.
    mutating func remove(_ ids: Set<EntityID>) {
        for ordinal in idsByKind.indices where idsByKind[ordinal].contains(where: ids.contains) {
            idsByKind[ordinal].removeAll(where: ids.contains)
        }
    }

    /// The entities of `kind` in declaration order.
    public func entities(of kind: DeclarationKind) -> EntityRefs {
        EntityRefs(ids: idsByKind[kind.ordinal], kind: kind)
    }

    /// Every entity ever added, in declaration order (replaced ones included).
    public var all: [EntityRef] {
        kinds.indices.map { EntityRef(EntityID($0), kinds[$0]) }
    }

    /// Every entity a REPL entry has not replaced, in declaration order.
    public var current: [EntityRef] {
        idsByKind.enumerated().flatMap { ordinal, ids in ids.map { EntityRef($0, DeclarationKind.allCases[ordinal]) } }
            .sorted { $0.index < $1.index }
    }

    /// The entity with `id`, as declared.
    public func entity(_ id: EntityID) -> EntityRef { EntityRef(id, kinds[id.offset]) }

    /// The entity's place among the entities of its kind ever added.
    @inline(__always)
    func serial(of id: EntityID) -> Int { Int(serials[id.offset]) }

    /// How many entities of `kind` were ever added (replaced ones included).
    func addedCount(of kind: DeclarationKind) -> Int { Int(addedByKind[kind.ordinal]) }

    /// The declared name.
    public func name(of id: EntityID) -> String { names[id.offset] }

    /// The title, if given.
    public func title(of id: EntityID) -> String? { titles[id.offset] }

    /// What the entity keeps of its declaration.
    public func site(of id: EntityID) -> DeclarationSite { sites[id.offset] }

    /// Where diagnostics about the entity point: its name.
    public func nameSpan(of id: EntityID) -> Span { sites[id.offset].nameSpan }

    /// The entity this one is nested in.
    public func parent(of id: EntityID) -> EntityID? {
        let parent = parents[id.offset]
        return parent < 0 ? nil : EntityID(Int(parent))
    }

    /// The nested entities in declaration order (steps, goals, sessions).
    public func children(of id: EntityID) -> [EntityRef] {
        childIDs(of: id).map(entity)
    }

    /// The IDs of the nested entities, in declaration order: they follow their parent's.
    func childIDs(of id: EntityID) -> LazyMapSequence<Range<Int>, EntityID> {
        let first = id.offset + 1
        return (first ..< first + Int(childCounts[id.offset])).lazy.map(EntityID.init)
    }

    /// Records the fields the declaration gives, once it is resolved.
    mutating func setGivenFields(_ fields: consuming DeclarationSite.GivenFields, of id: EntityID) {
        sites[id.offset].given = fields
    }

    /// Puts a site and title in place of the entity's (the recheck swaps an edited file's in
    /// and back).
    mutating func replaceHeader(of id: EntityID, site: DeclarationSite, title: String?) {
        sites[id.offset] = site
        titles[id.offset] = title
    }
}

/// The entities of one kind, in declaration order, read from the store's list of IDs without
/// copying it.
public struct EntityRefs: RandomAccessCollection, Sendable {
    let ids: [EntityID]
    /// The kind of every entity listed.
    public let kind: DeclarationKind

    /// The first position, 0.
    public var startIndex: Int { 0 }
    /// One past the last position: how many there are.
    public var endIndex: Int { ids.count }

    /// The entity at `position`, as declared.
    public subscript(position: Int) -> EntityRef { EntityRef(ids[position], kind) }
}
