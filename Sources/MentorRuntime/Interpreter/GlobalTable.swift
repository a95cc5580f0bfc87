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

    // Not checked for overlapping access at run time: each access began and ended an entry in
    // the thread's access set, four for every name declared (`reserve`, about 10 M
    // instructions of declaring's serial 220 M) and one for every global read while resolving
    // and evaluating. The table's methods are short and call out to nothing while they hold
    // one of these, so no access can overlap another.
    @exclusivity(unchecked) private(set) var bindings: [Binding] = []
    @exclusivity(unchecked) private(set) var names: [String] = []
    @exclusivity(unchecked) private var indexByName: [String: Int] = [:]

    /// The index of `name`, if it is a global.
    func index(of name: String) -> Int? { indexByName[name] }

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
        // One hash of the name for a new global (every declaration makes one): insert first,
        // and put the old index back in the rare case the name was bound already.
        let fresh = bindings.count
        if let index = indexByName.updateValue(fresh, forKey: name) {
            indexByName[name] = index
            bindings[index] = binding
            return index
        }
        bindings.append(binding)
        names.append(name)
        return fresh
    }

    /// Binds `name`, if it is not bound yet, to `none` until `update` gives its binding, and
    /// returns its index; nil if it is bound. For a declaration, which finds out whether its
    /// name is free before it can say what the name stands for: hashing the name once for both
    /// (rather than `index(of:)`, then `define`) was a tenth of declaring.
    func reserve(_ name: String) -> Int? {
        let fresh = bindings.count
        if let index = indexByName.updateValue(fresh, forKey: name) {
            indexByName[name] = index
            return nil
        }
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
