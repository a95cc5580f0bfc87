import MentorSyntax
import MentorSource

/// What declaring reads of one declaration, top-level or nested, read through the item or
/// member that holds it. Binding the declaration itself (`case .nested(let child)`) copies the
/// whole node out of its box, retaining every part (title, name, members, body, doc comment)
/// and releasing it again, and the declarer did so twice a declaration. The optimiser still
/// copies it once here (for `DeclarationSite.init`, a call with the whole node).
struct DeclarationHeader {
    /// What is declared.
    let kind: DeclarationKind
    /// The span of the kind word.
    let kindSpan: Span
    /// The declared name (absent for `program` and `test`).
    let name: Identifier?
    /// Where diagnostics about the declaration point (`Declaration.nameSpan`).
    let nameSpan: Span
    /// A session's number.
    let number: Int64?
    /// The title, if it is plain text (`Declarer.plainText`).
    let title: String?
    /// What the entity keeps of its declaration.
    let site: DeclarationSite

    /// Reads the header of `declaration`, which the caller borrows from its holder.
    @inline(__always)
    init(_ declaration: Declaration) {
        kind = declaration.kind
        kindSpan = declaration.kindSpan
        name = declaration.name
        nameSpan = declaration.nameSpan
        number = declaration.number
        title = Declarer.plainText(declaration.title)
        site = DeclarationSite(declaration)
    }
}

extension TopLevelItem {
    /// The header of a declaration; nil for an import or a statement.
    var declarationHeader: DeclarationHeader? {
        if case .declaration(let declaration) = self { DeclarationHeader(declaration) } else { nil }
    }

    /// A declaration's kind; nil for an import or a statement.
    var declarationKind: DeclarationKind? {
        if case .declaration(let declaration) = self { declaration.kind } else { nil }
    }

    /// A declaration's members; empty for an import or a statement.
    var declarationMembers: [Member] {
        if case .declaration(let declaration) = self { declaration.members } else { [] }
    }

    /// A declaration's `for` target (a `field` declaration's kind).
    var declarationTarget: Identifier? {
        if case .declaration(let declaration) = self { declaration.target } else { nil }
    }
}

extension Member {
    /// The header of a nested declaration; nil for a field.
    var nestedHeader: DeclarationHeader? {
        if case .nested(let declaration) = self { DeclarationHeader(declaration) } else { nil }
    }
}
