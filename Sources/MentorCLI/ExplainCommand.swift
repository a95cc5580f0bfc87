import ArgumentParser
import MentorDiagnostics

/// `mentor explain CODE`: prints the documentation of a diagnostic code.
struct ExplainCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code: what it means, an example and the fix (docs/diagnostics/).",
        discussion: "Exit status: 0 explained, 2 a code that is not documented (with the nearest codes) or other usage errors.")

    @Argument(help: ArgumentHelp("The code, such as M0501 (also m0501, 0501 or 501).", valueName: "code"),
              completion: .list(DiagnosticDocs.all.map(\.code.description)))
    var code: String

    func validate() throws {
        _ = try documentation()
    }

    func execute(_ context: CLIContext) -> Int32 {
        // validate() has already turned away a code without documentation.
        guard let doc = try? documentation() else { return MentorExit.usageOrIO }
        context.writeOut(doc.explanation)
        return MentorExit.success
    }

    private func documentation() throws -> DiagnosticDoc {
        guard let number = DiagnosticDocs.number(spelledAs: code) else {
            throw ValidationError("'\(code)' is not a diagnostic code; codes are M and four digits, such as M0501")
        }
        if let doc = DiagnosticDocs.doc(for: DiagnosticCode(number)) { return doc }
        let nearest = DiagnosticDocs.nearest(to: number).map(\.description)
        throw ValidationError("no diagnostic has the code \(DiagnosticCode(number)); did you mean \(Self.alternatives(nearest))?")
    }

    /// `A`, `A or B`, `A, B or C`.
    private static func alternatives(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }
}
