import MentorSyntax

/// Whether a rule, run with its `for` loops restricted to the entities of one edited file
/// (`LoopRestriction`), reports at those entities exactly what the whole rule reports at them.
///
/// A violation is reported at the entity the innermost `for` around it bound. A restricted
/// loop drops the iterations over other entities of the restricted kinds; that loses nothing
/// when every loop inside such an iteration walks the children of what it bound (`a.goals`):
/// children are declared in their parent's file, so no dropped iteration binds an entity of
/// the edited file. A loop inside a restricted one over anything else (`for a in agreements,
/// b in agreements`), a `for` in a function the rule calls (restricted too) or `violations`
/// (which restricts again) could lose or change a violation, so such a rule is `unsafe`. A
/// rule whose loops all walk kinds the file does not declare reports nothing there: `skip`.
enum RestrictedRule {
    case skip, restricted, unsafe

    /// The members that list an entity's nested declarations.
    static let childMembers: Set<String> = ["goals", "sessions", "steps"]

    /// Classifies `body` for a file declaring entities of `kinds`; `globals` says what a
    /// global name stands for, and `childMembers` are the member names that list children in
    /// this programme.
    init(_ body: ScriptCode, kinds: Set<DeclarationKind>, globals: GlobalTable, childMembers: Set<String>) {
        var walk = Walk(kinds: kinds, globals: globals, childMembers: childMembers)
        walk.statements(body.statements, restrictedSlots: nil)
        self = walk.unsafe ? .unsafe : walk.bindsRestricted ? .restricted : .skip
    }

    private struct Walk {
        let kinds: Set<DeclarationKind>
        let globals: GlobalTable
        let childMembers: Set<String>
        var unsafe = false
        var bindsRestricted = false
        /// Functions already looked into (by global index).
        var seenFunctions: Set<Int> = []

        /// `restrictedSlots`: inside a loop that may be restricted, the slots bound to it or to
        /// its descendants; nil outside every such loop.
        mutating func statements(_ statements: [StatementCode], restrictedSlots: Set<Int>?) {
            for statement in statements where !unsafe {
                switch statement {
                case .setLocal(_, let value):
                    code(value)
                case .expression(let value, _):
                    code(value)
                case .ifStatement(let condition, let then, let otherwise, _):
                    code(condition)
                    self.statements(then, restrictedSlots: restrictedSlots)
                    self.statements(otherwise ?? [], restrictedSlots: restrictedSlots)
                case .forLoop(let bindings, let filter, let body):
                    var restricted = restrictedSlots
                    for binding in bindings {
                        code(binding.collection)
                        if var slots = restricted {
                            // Inside a restricted loop only the children of what it bound may be walked.
                            guard case .member(.local(0, let slot, _), let name, _, _) = binding.collection,
                                  slots.contains(slot), childMembers.contains(name.text) else {
                                unsafe = true
                                return
                            }
                            slots.insert(binding.slot)
                            restricted = slots
                        } else if mayBindRestricted(binding.collection) {
                            restricted = [binding.slot]
                        }
                        if restricted != nil { bindsRestricted = true }
                        if let filter = binding.filter { code(filter) }
                    }
                    if let filter { code(filter) }
                    self.statements(body, restrictedSlots: restricted)
                case .check(_, let condition, let message, _):
                    if let condition { code(condition) }
                    if let message { code(message) }
                }
            }
        }

        /// False only for a collection known to hold no entity of the restricted kinds.
        func mayBindRestricted(_ collection: Code) -> Bool {
            guard case .global(let index, _) = collection else { return true }
            switch globals.bindings[index] {
            case .collection(let kind): return kinds.contains(kind)
            case .allGoals: return kinds.contains(.goal)
            default: return true
            }
        }

        /// Looks into an expression for functions with loops and for `violations`.
        mutating func code(_ code: Code) {
            guard !unsafe else { return }
            switch code {
            case .constant, .local:
                break
            case .global(let index, _):
                global(index)
            case .list(let elements, _), .cadenceThen(let elements, _):
                elements.forEach { self.code($0) }
            case .record(let fields, _):
                fields.forEach { self.code($0.value) }
            case .interpolation(let parts, _):
                for case .value(let value) in parts { self.code(value) }
            case .negate(let operand, _), .not(let operand, _), .every(let operand, _), .cadenceOn(let operand, _, _):
                self.code(operand)
            case .binary(_, let left, let right, _), .and(let left, let right, _), .or(let left, let right, _),
                 .coalesce(let left, let right, _), .cadenceFor(let left, let right, _):
                self.code(left)
                self.code(right)
            case .conditional(let condition, let then, let otherwise, _):
                self.code(condition)
                self.code(then)
                self.code(otherwise)
            case .lambda(let function):
                self.function(function)
            case .call(let callee, let arguments, _, _, _):
                self.code(callee)
                arguments.forEach { self.code($0) }
            case .member(let base, _, _, _):
                self.code(base)
            case .memberCall(let base, _, let arguments, _, _, _, let fallback):
                self.code(base)
                arguments.forEach { self.code($0) }
                if let fallback { self.code(fallback) }
            case .index(let base, let index, _, _):
                self.code(base)
                self.code(index)
            case .with(let base, let fields, _):
                self.code(base)
                fields.forEach { self.code($0.value) }
            }
        }

        /// A function's loops would be restricted too: one with a `for` makes the rule unsafe.
        mutating func function(_ function: FunctionCode) {
            for statement in function.statements { self.statement(statement) }
            if let result = function.result { code(result) }
        }

        mutating func statement(_ statement: StatementCode) {
            switch statement {
            case .setLocal(_, let value), .expression(let value, _): code(value)
            case .ifStatement(let condition, let then, let otherwise, _):
                code(condition)
                (then + (otherwise ?? [])).forEach { self.statement($0) }
            case .forLoop: unsafe = true
            case .check(_, let condition, let message, _):
                if let condition { code(condition) }
                if let message { code(message) }
            }
        }

        mutating func global(_ index: Int) {
            switch globals.bindings[index] {
            case .function(let function, _):
                guard seenFunctions.insert(index).inserted else { return }
                self.function(function)
            case .value(.function(.builtin(let builtin))):
                // `violations` restricts its rule's loops again, to its own subject.
                if builtin.name == RuleRunner.violationsBuiltin.name { unsafe = true }
            case .lazyLet:
                // A `let` may hold a function with loops; `Engine.recheck` declines for lets anyway.
                unsafe = true
            default:
                break
            }
        }
    }
}
