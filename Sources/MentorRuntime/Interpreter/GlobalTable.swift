import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The top-level names of a session: `let`s, `fn`s, declarations, collections and built-ins,
/// each at a fixed index so resolved code reaches it without a string lookup.
final class GlobalTable: @unchecked Sendable {
    // Owned by one Engine and written only from the thread that runs it. The resolve pass
    // reads it from several threads at once (`FileResolver`), while nothing writes it: every
    // name is defined before, and the resolved `let`s are stored after, all workers finish.

    /// A top-level `let`, evaluated the first time it is needed.
    enum LetState {
        case pending(Code)
        case evaluating
        case done(Value)
    }

    /// What a global name stands for.
    enum Binding {
        case value(Value)
        case lazyLet(LetState, name: String, span: Span)
        case function(FunctionCode, span: Span)
        /// A declaration, with where its name is declared (the resolver's notes point there and
        /// reads no entity store).
        case entity(EntityRef, nameSpan: Span)
        case collection(DeclarationKind)
        case allGoals
        case today
        case programEntity
    }

    // Unchecked: written only while nothing reads them (above), and read for every global name
    // resolved and every entity folded into a field, where each read's dynamic exclusivity
    // check cost about 63 instructions.
    @exclusivity(unchecked) private(set) var bindings: [Binding] = []
    @exclusivity(unchecked) private(set) var names: [String] = []
    /// Each name's index, by `NameHash`.
    @exclusivity(unchecked) private var indexByName = NameIndex()

    /// The index of `name`, if it is a global.
    func index(of name: String) -> Int? { indexByName.position(of: name, hash: NameHash.of(name), in: names) }

    /// The entity the global at `index` names; nil when it names none (or there is no such global).
    func entity(at index: Int) -> EntityRef? {
        guard index < bindings.count, case .entity(let entity, _) = bindings[index] else { return nil }
        return entity
    }

    /// Every global name, for suggestions and completion.
    var allNames: [String] { names }

    private var preparedNames = SuggestionCandidates([])
    /// Guards `preparedNames`: files are resolved on several threads at once, and each may
    /// look an undeclared name up (the table's names are not written while they are).
    private let preparedNamesLock = Lock()

    /// Every global name prepared for `NameSuggester`; names are only ever added, so each is
    /// prepared once however many undeclared names are looked up against the table.
    var suggestionCandidates: SuggestionCandidates {
        preparedNamesLock.withLock {
            if preparedNames.count > names.count { preparedNames = SuggestionCandidates([]) }
            if preparedNames.count < names.count { preparedNames.append(contentsOf: names[preparedNames.count...]) }
            return preparedNames
        }
    }

    /// Binds `name` (replacing an earlier binding of the same name in place) and returns its index.
    @discardableResult
    func define(_ name: String, _ binding: Binding) -> Int {
        // One hash of the name for a new global (every declaration makes one).
        let hash = NameHash.of(name)
        if let index = indexByName.position(of: name, hash: hash, in: names) {
            bindings[index] = binding
            return index
        }
        indexByName.insert(bindings.count, hash: hash)
        bindings.append(binding)
        names.append(name)
        return bindings.count - 1
    }

    /// Binds `name`, if it is not bound yet, to `none` until `update` gives its binding, and
    /// returns its index; nil if it is bound. For a declaration, which finds out whether its
    /// name is free before it can say what the name stands for: hashing the name once for both
    /// (rather than `index(of:)`, then `define`) was a tenth of declaring.
    func reserve(_ name: String) -> Int? {
        let hash = NameHash.of(name)
        if indexByName.position(of: name, hash: hash, in: names) != nil { return nil }
        let fresh = bindings.count
        indexByName.insert(fresh, hash: hash)
        bindings.append(.value(.none))
        names.append(name)
        return fresh
    }

    /// Makes room for `count` more names without rehashing.
    func reserveCapacity(_ count: Int) {
        // At least doubling: an array reserves exactly what it is asked for, so reserving one
        // more name for each REPL entry copied the whole table every time.
        let needed = bindings.count + count
        guard needed > bindings.capacity else { return }
        let capacity = max(needed, 2 * bindings.capacity)
        bindings.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
        indexByName.reserveCapacity(capacity)
    }

    /// Replaces the binding at `index`.
    func update(_ index: Int, _ binding: Binding) { bindings[index] = binding }

    /// Removes user bindings (for the REPL's `:reset`) by rebuilding from built-ins.
    func removeAll() {
        bindings.removeAll()
        names.removeAll()
        preparedNames = SuggestionCandidates([])
        indexByName.removeAll()
    }
}
