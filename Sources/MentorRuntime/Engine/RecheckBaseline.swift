import MentorDiagnostics
import MentorSource

/// What `check` reported for a built programme, as much as `Engine.recheck` needs to know
/// whether the rest of the programme would report the same again after one file's edit.
public struct RecheckBaseline: Sendable {
    /// True when the programme got past resolving, so its fields were evaluated and its rules ran.
    let elaborated: Bool
    /// Files with a syntax error: while any has one, `check` stops after parsing.
    let syntaxFailed: Set<FileID>
    /// Files with an error of declaring or resolving (when not elaborated).
    let loadFailed: Set<FileID>
    /// Files where declaring reported something (a name given twice, a misplaced or misnumbered
    /// declaration): `recheck` does not declare again.
    let declarationProblems: Set<FileID>
    /// True when a rule stopped: `check` then reports the failure in place of its violations,
    /// and whether a restricted run would stop the same way is not known.
    let ruleStopped: Bool
    /// Files where evaluating a field failed (a runtime or type error): a field of another file
    /// that read it would have failed with it in a full build, where `recheck` reads the
    /// value left behind.
    let evaluationFailed: Set<FileID>
    /// True when a diagnostic points at no file (a size limit, the standard library).
    let unplaced: Bool

    /// The codes of the declare phase, which `recheck` does not run again.
    private static let declarationCodes: Set<DiagnosticCode> = [.duplicateGlobal, .duplicateDeclaration, .sessionOrder, .secondProgram,
                                                               .misplacedDeclaration, .fieldWithoutKind, .unknownFieldType, .fieldNameTaken]

    /// Reads `check`'s report of a programme (`ProgrammeCheck`) that `sources` hold.
    public init(_ check: ProgrammeCheck, sources: SourceMap) {
        elaborated = check.elaborated
        var syntaxFailed: Set<FileID> = []
        var loadFailed: Set<FileID> = []
        var declarationProblems: Set<FileID> = []
        var ruleStopped = false
        var evaluationFailed: Set<FileID> = []
        var unplaced = false
        for diagnostic in check.diagnostics {
            let file = diagnostic.span.file
            guard let path = sources.file(file)?.path, path != StandardLibrary.path else {
                unplaced = true
                continue
            }
            let code = diagnostic.code.number
            if diagnostic.severity == .error, (100..<300).contains(code) { syntaxFailed.insert(file) }
            if diagnostic.severity == .error, !check.elaborated { loadFailed.insert(file) }
            if RecheckBaseline.declarationCodes.contains(diagnostic.code) { declarationProblems.insert(file) }
            if diagnostic.code == .ruleFailed { ruleStopped = true }
            if (400..<500).contains(code) || diagnostic.code == .letCycle || diagnostic.code == .fieldTypeMismatch { evaluationFailed.insert(file) }
        }
        self.syntaxFailed = syntaxFailed
        self.loadFailed = loadFailed
        self.declarationProblems = declarationProblems
        self.ruleStopped = ruleStopped
        self.evaluationFailed = evaluationFailed
        self.unplaced = unplaced
    }
}
