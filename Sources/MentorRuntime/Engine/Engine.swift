import MentorDiagnostics
import MentorSyntax
import MentorSource

/// Settings that apply to every command.
public struct EngineOptions: Sendable {
    /// The date `today` stands for (`--today`).
    public var today: CivilDate
    /// Step budget, recursion limit and size limits.
    public var limits: EvaluationLimits
    /// The most bytes of source one programme may have, its files and imports together
    /// (`ProgrammeSizeLimit`); the REPL's typed entries are not counted.
    public var maxSourceBytes = ProgrammeSizeLimit.defaultMaxBytes
    /// Record where every name is declared and used while resolving, for `ProgramQueries`
    /// (an editor); off for the commands, which do not ask.
    public var recordsNameUses = false
    /// How many threads resolving, the declaration checks and the rules use at once; with 1
    /// everything runs on the calling thread. What they report does not depend on it.
    public var workers = ParallelMap.processorCount
    /// Let go of each regular file's text once the programme is parsed, reading it again for
    /// the lines a diagnostic shows (`Engine.giveBackTexts`): on for `check`, which reads
    /// every file once and shows a few lines; off where the text is edited or asked for again
    /// (the editor, the REPL).
    public var givesBackSourceText = false

    /// Creates options.
    public init(today: CivilDate, limits: EvaluationLimits = EvaluationLimits()) {
        self.today = today
        self.limits = limits
    }
}

/// The one evaluation engine: owns the loaded sources, the declarations and the evaluation
/// context. `run`, `check`, `test`, the REPL and the exporters are thin layers over it.
public final class Engine {
    /// Every source file loaded so far (diagnostics refer to them).
    public let sources: SourceMap
    /// The options the engine was created with.
    public let options: EngineOptions
    /// Set to stop a running evaluation (Ctrl-C).
    public let interrupt = InterruptFlag()

    /// The programme built from `loadHistory`; replaced whole when a REPL entry replaces a
    /// declaration (`rebuildProgramme`), so no value keeps a link to what was replaced.
    var program: Program
    /// Every load that got past parsing, in order: the sources the programme is a function of.
    var loadHistory: [LoadStep] = []
    /// True while `rebuildProgramme` replays `loadHistory`.
    private(set) var isRebuilding = false
    /// Reads imported files; replaceable in tests.
    let reader: SourceReader
    /// Bytes of the user's source files loaded so far (named and imported, not the standard
    /// library), against `EngineOptions.maxSourceBytes`.
    var sourceBytes = 0
    /// Bytes registered by `addSource` and not yet loaded; `load` counts or refuses them.
    var pendingSourceBytes = 0

    /// The current programme's top-level names.
    var globals: GlobalTable { program.globals }
    /// The current programme's entities.
    var model: ProgramModel { program.model }
    /// What the current programme's entities were declared as, by `EntityID`: where a value's
    /// entity names are read (`Value.sourceText(in:)`).
    public var entities: EntityStore { model.store }
    /// The interpreter of the current programme.
    var interpreter: Interpreter { program.interpreter }
    // `_modify`, not `set`: a get-then-set copied the whole table on every change (a REPL
    // session of n declarations cost n²); these yield the programme's own storage.

    /// Top-level statements waiting to run, in file order.
    var pendingScripts: [ScriptCode] {
        get { program.pendingScripts }
        _modify { yield &program.pendingScripts }
    }
    /// Canonical paths already loaded, so each file is loaded once.
    var loadedPaths: Set<String> {
        get { program.loadedPaths }
        _modify { yield &program.loadedPaths }
    }
    /// Files the user named or imported, excluding the standard library.
    public var userFiles: [FileID] { program.userFiles }
    /// The paths of `userFiles`, in the same order.
    public var userFilePaths: [String] { userFiles.compactMap { sources.file($0)?.path } }
    /// The top-level names: where each was declared, the source of lets and fns, the standard rules.
    var names: DeclarationIndex {
        get { program.names }
        _modify { yield &program.names }
    }
    /// Where the user's text output goes (`print`).
    public var output: (String) -> Void {
        get { interpreter.output }
        set { interpreter.output = newValue }
    }

    /// Creates an engine; `output` receives what `print` writes.
    public init(options: EngineOptions, sources: SourceMap = SourceMap(), reader: SourceReader = FileSystemReader(),
                output: @escaping (String) -> Void) {
        self.options = options
        self.sources = sources
        self.reader = reader
        program = Program(options: options, interrupt: interrupt, output: output)
    }

    /// Builds the programme again from `loadHistory`, as one load of every file in order, so a
    /// declaration given again replaces the earlier one before anything is evaluated: a REPL
    /// entry that redeclares `ines` must be seen by every field that named the old `ines`
    /// (`ana_ines.mentee.supervisor`), and evaluated fields hold the entity they named. Earlier
    /// entries' statements ran already; the last step's are kept to run when
    /// `runningStatements` (the step that asked for the rebuild), else none are.
    func rebuildProgramme(runningStatements: Bool = true) {
        isRebuilding = true
        defer { isRebuilding = false }
        let history = loadHistory
        program = Program(options: options, interrupt: interrupt, output: interpreter.output)
        guard let last = history.last else { return }
        _ = load(history.flatMap(\.files), replacing: true, echo: last.echo)
        loadHistory = history
        let entryFiles = Set(history.filter(\.isEntry).flatMap(\.namedFiles))
        program.userFiles.removeAll { entryFiles.contains($0) }
        let lastFiles = Set(last.files.map(\.id))
        pendingScripts.removeAll { !runningStatements || !lastFiles.contains($0.file) }
    }

    /// Runs `body` on a thread with a large stack (the current one when it is a `LargeStack`
    /// thread), so deep (but bounded) recursion in the evaluator cannot overflow the caller's.
    public func withLargeStack<T>(_ body: () -> T) -> T {
        LargeStack.run(body)
    }
}

/// One call of `Engine.load`, kept so the programme can be built again.
struct LoadStep {
    /// The files loaded, each followed by the files it imported, in the order they were declared.
    let files: [SourceFile]
    /// The files the load was given (a REPL entry's own file, not what it imported).
    let namedFiles: [FileID]
    let replacing: Bool
    let echo: Bool
    /// A REPL entry: its file is not one of the user's files.
    let isEntry: Bool
}

/// Top-level statements of one file, or a rule's or test's body, after resolution.
struct ScriptCode: Sendable {
    let file: FileID
    let frameSize: Int
    let statements: [StatementCode]
    /// In the REPL, top-level expression statements echo their value.
    var echo = false
}
