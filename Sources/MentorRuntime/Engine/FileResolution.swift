import MentorDiagnostics
import MentorSyntax
import MentorSource

/// What resolving one file produced, waiting to be written into the programme: the resolve
/// pass works out each file's code on its own (on any thread), and the declarer then applies
/// the files' results one after another in file order, so the programme, the global table
/// and the diagnostics end up exactly as a pass over the files one by one leaves them.
struct FileResolution: Sendable {
    /// A top-level `let` or `fn` of the file, resolved, for its place in the global table.
    enum Global: Sendable {
        case letValue(index: Int, code: Code, name: String, span: Span)
        case function(index: Int, code: FunctionCode, span: Span)
    }

    /// A field of a declared entity: an expression to evaluate on first use, or a literal
    /// value already checked against the schema.
    enum Field: Sendable {
        case pending(PendingField)
        case value(slot: Int, Value)
    }

    /// One declaration of the file, resolved.
    struct Declaration: Sendable {
        let entity: EntityRef
        let givenFields: DeclarationSite.GivenFields
        let ruleBody: ScriptCode?
        let fields: [Field]
    }

    var globals: [Global] = []
    var script: ScriptCode?
    var declarations: [Declaration] = []
    /// Every diagnostic, in the order resolving found them.
    var diagnostics: [Diagnostic] = []
}

/// What the resolve pass needs of one file: its tree, and what declaring it left to resolve.
struct FileToResolve: Sendable {
    let file: SourceFile
    var syntax: SourceFileSyntax
    /// Top-level `let`s and `fn`s with their global index.
    let lets: [(Stmt, Int)]
    let declarations: [PendingDeclaration]
}
