import MentorSyntax
import MentorSource

/// What a local name is: how it was introduced.
public enum LocalKind: String, Sendable, Hashable {
    case `let`, function = "fn", parameter, loopVariable = "loop variable"
}

/// Where the resolver found each name used and each local declared, for the position queries
/// of an editor. Opt-in (`EngineOptions.recordsNameUses`): `check` and `run` resolve with no
/// recorder and pay nothing for it. A class, shared by every resolver of one load.
final class NameUseRecorder {
    /// What a used name stands for.
    enum Target: Hashable {
        /// A top-level name: a declaration, a `let` or a `fn` (or a built-in, which has no site).
        case global(String)
        /// A local, by the span of the name where it was declared.
        case local(Span)
        /// `std.NAME`: a rule of the standard library.
        case standardRule(String)
    }

    /// One use of a name.
    struct Use {
        let span: Span
        let target: Target
        /// The innermost block open where the name was used: the locals of that block and of
        /// the blocks around it (`enclosingBlock`) could capture a name renamed there.
        let block: Int
    }

    /// One local declared in a body: a `let`, a local `fn`, a parameter or a loop variable.
    struct LocalDeclaration {
        let name: Identifier
        let kind: LocalKind
        /// The block the name was declared in (numbered by `newBlock`): two names in one block collide.
        let block: Int
    }

    private(set) var uses: [Use] = []
    private(set) var locals: [LocalDeclaration] = []
    /// The block around each block, by block number (0: none; block numbers start at 1).
    private(set) var enclosingBlock: [Int] = [0]

    func use(_ span: Span, of target: Target, in block: Int) {
        uses.append(Use(span: span, target: target, block: block))
    }

    func declareLocal(_ name: Identifier, kind: LocalKind, block: Int) {
        locals.append(LocalDeclaration(name: name, kind: kind, block: block))
    }

    /// A number for a block just opened inside `enclosing` (0 for a body's outermost block).
    func newBlock(inside enclosing: Int) -> Int {
        enclosingBlock.append(enclosing)
        return enclosingBlock.count - 1
    }
}
