import MentorDiagnostics
import MentorRuntime
import MentorSource

/// What the path arguments of `check` and `test` select: all of them as one programme (the
/// default), or with `DIR/...` patterns each programme of each pattern's folder on its own.
enum ProgrammeSelection: Equatable {
    /// The paths form one programme.
    case one([String])
    /// Every programme the patterns name, each checked or tested on its own.
    case each([ProgrammePattern])
    /// The paths cannot be read either way (M0646): a usage error.
    case invalid(Diagnostic)

    /// The selection `paths` make, or M0646 when patterns and plain paths are mixed: whether the
    /// plain ones are a programme of their own or shared by every programme cannot be guessed.
    static func select(_ paths: [String], command: String) -> ProgrammeSelection {
        let patterns = paths.compactMap(ProgrammePattern.init)
        if patterns.isEmpty { return .one(paths) }
        if let plain = paths.first(where: { ProgrammePattern($0) == nil }), let pattern = paths.first(where: { ProgrammePattern($0) != nil }) {
            let shownPlain = DisplayText.escapeControls(plain), shownPattern = DisplayText.escapeControls(pattern)
            return .invalid(Diagnostic(
                .patternWithPlainPaths, .error,
                "`\(shownPattern)` \(command)s each programme in its folder on its own, and cannot be combined with the plain path `\(shownPlain)`",
                at: .unknown,
                help: "run `mentor \(command) \(shownPlain)` as a command of its own, or move it into a folder of its own under the pattern's folder"))
        }
        return .each(patterns)
    }

    /// The folders a watch looks at: the patterns' folders, where a new programme may appear.
    static func watchedFolders(_ patterns: [ProgrammePattern]) -> [String] {
        patterns.map(\.folder)
    }

    /// The programmes `patterns` name, in order, each once; a folder that cannot be listed is
    /// reported on standard error as an I/O error (`ioFailed`), and the other patterns still count.
    static func programmes(_ patterns: [ProgrammePattern], context: CLIContext) -> (programmes: [String], ioFailed: Bool) {
        var programmes: [String] = []
        var seen = Set<String>()
        var ioFailed = false
        for pattern in patterns {
            switch pattern.programmes() {
            case .success(let found):
                for programme in found where seen.insert(programme).inserted { programmes.append(programme) }
            case .failure(let problem):
                context.writeErr(SourceDiscovery.cannotRead(problem.path, problem.reason))
                ioFailed = true
            }
        }
        return (programmes, ioFailed)
    }
}

extension ProgrammeSelection {
    /// `diagnostics` with a help on M0511 (a second `program`) when the two `program`s are in
    /// different programmes of a folder the user named — `mentor check Examples/` where
    /// `Examples/` holds several — pointing at `mentor COMMAND FOLDER/...`, which checks each alone.
    static func hintingPatterns(_ diagnostics: [Diagnostic], paths: [String], sources: SourceMap, command: String) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.code == .secondProgram }) else { return diagnostics }
        var folders: [(folder: String, programmes: [String])] = []
        for path in paths {
            guard let pattern = ProgrammePattern(path.hasSuffix("/") ? path + "..." : path + "/..."),
                  case .success(let programmes) = pattern.programmes(), programmes.count > 1 else { continue }
            folders.append((path, programmes))
        }
        func programme(of span: Span?, in programmes: [String]) -> String? {
            guard let span, let path = sources.file(span.file)?.path else { return nil }
            return programmes.first { path == $0 || path.hasPrefix($0 + "/") }
        }
        return diagnostics.map { diagnostic in
            guard diagnostic.code == .secondProgram, diagnostic.help == nil else { return diagnostic }
            for (folder, programmes) in folders {
                let second = programme(of: diagnostic.span, in: programmes)
                let first = programme(of: diagnostic.notes.first?.span, in: programmes)
                guard let first, let second, first != second else { continue }
                var hinted = diagnostic
                let shownFolder = DisplayText.escapeControls(folder.hasSuffix("/") ? String(folder.dropLast()) : folder)
                hinted.help = "`\(DisplayText.escapeControls(first))` and `\(DisplayText.escapeControls(second))` are two programmes: "
                    + "`mentor \(command) \(shownFolder)/...` \(command)s each programme in `\(shownFolder)` on its own"
                return hinted
            }
            return diagnostic
        }
    }
}
