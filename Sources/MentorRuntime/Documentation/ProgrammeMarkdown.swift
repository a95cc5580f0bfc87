import MentorDiagnostics

/// `mentor doc`'s Markdown page (CommonMark with GitHub tables and a Mermaid block). Names
/// and titles are escaped; `///` comments are Markdown already and are copied as written,
/// less control characters. docs/doc.md specifies the outline.
struct ProgrammeMarkdown {
    let documentation: ProgrammeDocumentation

    func render() -> String {
        let doc = documentation
        var out = ["# " + MarkdownText.inline(doc.heading), ""]
        if let text = doc.doc { out += [ProgrammeMarkdown.verbatim(text), ""] }
        out += ["## Defaults", ""]
        if doc.hasProgram {
            out += ["Every agreement takes these from the `program` unless it gives its own.", "",
                    "| Field | Value | Meaning |", "|---|---|---|"]
            for entry in doc.defaults {
                // The schema rows' docs are the project's own Markdown, meant to be shown as such.
                out.append("| `\(entry.name)` | \(entry.value.map(MarkdownText.cell) ?? "not set") | \(entry.meaning) |")
            }
        } else {
            out.append("The programme has no `program` declaration, so agreements have no defaults.")
        }
        out += ["", "## Competencies", ""]
        if doc.competencies.isEmpty {
            out.append("The programme declares no competency.")
        } else {
            out += ["Prerequisites: an arrow leads from a competency to one that requires it.", "",
                    "```mermaid", doc.mermaidGraph, "```"]
            for competency in doc.competencies {
                out += ["", heading(3, competency.item)]
                paragraphs(competency.item.doc, competency.description, into: &out)
                if !competency.requires.isEmpty {
                    out += ["", "Requires: " + ProgrammeMarkdown.codeList(competency.requires) + "."]
                }
            }
        }
        out += ["", "## Pathways", ""]
        if doc.pathways.isEmpty { out.append("The programme declares no pathway.") }
        for (index, pathway) in doc.pathways.enumerated() {
            if index > 0 { out.append("") }
            out.append(heading(3, pathway.item))
            paragraphs(pathway.item.doc, pathway.description, into: &out)
            out.append("")
            if pathway.steps.isEmpty { out.append("No steps.") }
            for (number, step) in pathway.steps.enumerated() {
                var line = "\(number + 1). `\(step.item.id)`" + (step.item.title.map { ": " + MarkdownText.inline($0) } ?? "")
                if !step.competencies.isEmpty { line += " (competencies: " + ProgrammeMarkdown.codeList(step.competencies) + ")" }
                out.append(line)
                if let text = step.item.doc {
                    out.append("   " + ProgrammeMarkdown.verbatim(text).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n   "))
                }
            }
        }
        out += ["", "## Rules", ""]
        if doc.rules.isEmpty { out.append("The programme declares no rule of its own.") }
        rules(doc.rules, into: &out)
        out += ["", "## Standard rules in force", ""]
        if doc.standardRules.isEmpty {
            out.append("The programme does not `import std`.")
        } else {
            out.append("The programme imports `std`, so these rules apply too (docs/std.md).")
            rules(doc.standardRules, into: &out)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func rules(_ rules: [ProgrammeDocumentation.Rule], into out: inout [String]) {
        for (index, rule) in rules.enumerated() {
            if index > 0 || !out.last!.isEmpty { out.append("") }
            out += [heading(3, rule.item), "", "Severity: " + (rule.isWarning ? "warning" : "error") + "."]
            if let text = rule.item.doc { out += ["", ProgrammeMarkdown.verbatim(text)] }
        }
    }

    private func heading(_ level: Int, _ item: ProgrammeDocumentation.Item) -> String {
        String(repeating: "#", count: level) + " `\(item.id)`" + (item.title.map { ": " + MarkdownText.inline($0) } ?? "")
    }

    private func paragraphs(_ doc: String?, _ description: String?, into out: inout [String]) {
        if let doc { out += ["", ProgrammeMarkdown.verbatim(doc)] }
        if let description { out += ["", MarkdownText.inline(description)] }
    }

    /// "`a`, `b`".
    static func codeList(_ names: [String]) -> String { names.map { "`\($0)`" }.joined(separator: ", ") }

    /// A doc comment as written, without the characters a terminal must not get raw.
    static func verbatim(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 == "\n" || !DisplayText.isControl($0) }))
    }
}
