import MentorSource
import MentorSyntax

/// One built programme: its top-level names (`globals`, `names`), its entities and their
/// values (`model`), the interpreter that evaluates in it (with the resolved rule and test
/// bodies), and what its loads brought in. The engine holds one and replaces it whole: a REPL
/// entry that redeclares a name builds a new `Program` from the load history, so no value of
/// the old one (an evaluated field naming the replaced `ines`) is seen again.
final class Program {
    /// Top-level names to slots: declarations, lets, fns and the built-ins.
    let globals: GlobalTable
    /// The entities and their field values.
    let model: ProgramModel
    /// Evaluates in this programme; holds the model and the resolved rule bodies.
    let interpreter: Interpreter
    /// Where each top-level name was declared, the sources of lets and fns, the standard rules.
    var names = DeclarationIndex()
    /// Top-level statements waiting to run, in file order.
    var pendingScripts: [ScriptCode] = []
    /// Canonical paths already loaded, so each file is loaded once.
    var loadedPaths: Set<String> = []
    /// Files the user named or imported, excluding the standard library.
    var userFiles: [FileID] = []
    /// The standard rules `import std` (or `import std.NAME`, `import std except …`) brought in so far.
    var standardRules: Set<String> = []
    /// Where the resolver found each name used, when the engine records it (position queries).
    let nameUses: NameUseRecorder?
    /// True when the programme is declared from what the parser recovered after syntax
    /// errors, for position queries only (`Engine.declareRecovered`): the uses in the text the
    /// parser skipped are not known.
    var isRecovered = false
    /// What the parser recovered from a load with syntax errors, kept until the queries are
    /// made (`Engine.declareRecovered`), so that the syntax errors are reported first.
    var recoveredParse: RecoveredParse?

    /// An empty programme with the built-ins installed.
    init(options: EngineOptions, interrupt: InterruptFlag, output: @escaping (String) -> Void) {
        globals = GlobalTable()
        model = ProgramModel()
        interpreter = Interpreter(globals: globals, model: model, limits: options.limits, interrupt: interrupt,
                                  today: options.today, output: output)
        Builtins.install(into: globals)
        nameUses = options.recordsNameUses ? NameUseRecorder() : nil
    }
}

/// The trees the parser recovered from a load with syntax errors, with the standard rules each
/// loaded copy of the standard library declares, waiting to be declared for the queries.
struct RecoveredParse {
    var files: [(SourceFile, SourceFileSyntax)]
    let standardSelections: [FileID: Set<String>]
}
