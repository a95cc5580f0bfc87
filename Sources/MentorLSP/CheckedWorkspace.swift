import MentorDiagnostics
import MentorRuntime
import MentorSource

/// The workspace's programme built and checked, not yet indexed for position queries: enough
/// to publish its diagnostics, which the server does before the index is made.
public final class CheckedWorkspace: @unchecked Sendable {
    // Made on the worker thread and read there until indexed; never shared between threads at once.

    /// The engine that holds the built programme.
    public let engine: Engine
    /// The programme's files (named and imported), by lexically normalised path.
    public let files: [String: SourceFile]
    /// What `check` reports, by the normalised path of the file each diagnostic is in.
    public let diagnostics: [String: [Diagnostic]]
    /// Diagnostics that point at no file of the programme (a size limit, the standard library).
    public let unplaced: [Diagnostic]
    /// Lines about paths that could not be read, as `check` prints them.
    public let problems: [String]
    /// The edit generation the build saw.
    public let generation: Int
    /// What `check` found, as `Engine.recheck` needs it to check one edited file on its own.
    public let baseline: RecheckBaseline

    init(engine: Engine, files: [String: SourceFile], diagnostics: [String: [Diagnostic]], unplaced: [Diagnostic],
         problems: [String], generation: Int, baseline: RecheckBaseline) {
        self.baseline = baseline
        self.engine = engine
        self.files = files
        self.diagnostics = diagnostics
        self.unplaced = unplaced
        self.problems = problems
        self.generation = generation
    }
}
