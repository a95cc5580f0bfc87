import MentorDiagnostics
import MentorSyntax

extension Engine {
    /// Evaluates every top-level `let` of the user's files that nothing has read yet, in
    /// declaration order (each still reads the others on demand), and returns their runtime
    /// errors. `run` and `check` call it last, so a `let` whose value fails is reported even
    /// when nothing reads it.
    public func evaluateUnreadLets() -> [Diagnostic] {
        let userFileIDs = Set(userFiles)
        return withLargeStack {
            var diagnostics: [Diagnostic] = []
            // A failed `let` stays pending, so a later one that reads it fails the same way.
            var reported = Set<Diagnostic>()
            for index in globals.bindings.indices {
                guard case .lazyLet(.pending, _, let span) = globals.bindings[index], userFileIDs.contains(span.file) else { continue }
                interpreter.resetBudget()
                do {
                    _ = try interpreter.globalValue(index, span: span)
                } catch let error as RuntimeError {
                    if reported.insert(error.diagnostic).inserted { diagnostics.append(error.diagnostic) }
                    if error.diagnostic.code == .interrupted { break }
                } catch {
                    continue
                }
            }
            return diagnostics
        }
    }
}
