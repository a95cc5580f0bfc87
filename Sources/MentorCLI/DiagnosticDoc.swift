import MentorDiagnostics

/// The documentation of one diagnostic code, as `docs/diagnostics/PAGE` has it.
struct DiagnosticDoc: Sendable {
    /// The code's number (`501` for M0501).
    let number: Int
    /// The heading after the code, such as `unknown field`.
    let title: String
    /// The page under `docs/diagnostics/` that documents it.
    let page: String
    /// The section's text under its heading: explanation, example, output and fix.
    let markdown: String

    /// The code as printed, such as `M0501`.
    var code: DiagnosticCode { DiagnosticCode(number) }

    /// What `mentor explain` prints: the section as a Markdown document of its own.
    var explanation: String {
        "# \(code) — \(title)\n\n\(markdown)\n\n(docs/diagnostics/\(page))\n"
    }

    /// The section's first paragraph, on one line: what the diagnostic means.
    var summary: String {
        paragraphs.first ?? title
    }

    /// The paragraph that begins `**Fix**:`, `**Fix.**` or `Fix:`, without that word, when the section has one.
    var fix: String? {
        for paragraph in paragraphs {
            for lead in ["**Fix**:", "**Fix.**", "Fix:"] where paragraph.hasPrefix(lead) {
                return paragraph.dropFirst(lead.count).drop(while: { $0 == " " }).description
            }
        }
        return nil
    }

    /// The meaning and the fix as plain text, for tools that show no Markdown (SARIF's `help.text`).
    var plainHelp: String {
        guard let fix else { return summary }
        return summary + "\n\nFix: " + fix
    }

    /// The paragraphs outside code blocks, each joined onto one line.
    private var paragraphs: [String] {
        var result: [String] = []
        var current: [Substring] = []
        var inCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode { continue }
            if line.allSatisfy({ $0 == " " }) {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }
}

extension DiagnosticDocs {
    /// The documentation of `code`, if it is documented.
    static func doc(for code: DiagnosticCode) -> DiagnosticDoc? {
        all.first { $0.number == code.number }
    }

    /// The number `text` names: `M0501`, `m0501`, `0501` or `501`; nil when it is not a code's spelling.
    static func number(spelledAs text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "M" || digits.first == "m" { digits = digits.dropFirst() }
        guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Up to `limit` documented codes nearest to `number` by value, in code order, for a did-you-mean.
    static func nearest(to number: Int, limit: Int = 3) -> [DiagnosticCode] {
        let ranked = all.map(\.number).sorted { (abs($0 - number), $0) < (abs($1 - number), $1) }
        return ranked.prefix(limit).sorted().map(DiagnosticCode.init)
    }
}
