import MentorDiagnostics

/// `mentor doc`'s HTML page: the Markdown page's content as one self-contained document (no
/// script, style sheet or image fetched), every text escaped. The prerequisite graph is the
/// same Mermaid source in a `<pre class="mermaid">`, readable as it is, beside a list.
struct ProgrammeHTML {
    let documentation: ProgrammeDocumentation

    func render() -> String {
        let doc = documentation
        var out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                   "<title>\(text(doc.heading))</title>",
                   "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5}"
                    + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left}"
                    + ".doc{white-space:pre-line}pre{background:#f4f4f4;padding:.5em}code{background:#f4f4f4}</style>",
                   "</head>", "<body>", "<h1>\(text(doc.heading))</h1>"]
        if let note = doc.doc { out.append("<p class=\"doc\">\(text(note))</p>") }
        out.append("<h2 id=\"defaults\">Defaults</h2>")
        if doc.hasProgram {
            out += ["<p>Every agreement takes these from the <code>program</code> unless it gives its own.</p>",
                    "<table>", "<tr><th>Field</th><th>Value</th><th>Meaning</th></tr>"]
            for entry in doc.defaults {
                out.append("<tr><td><code>\(text(entry.name))</code></td><td>\(entry.value.map(text) ?? "not set")</td><td>\(text(entry.meaning))</td></tr>")
            }
            out.append("</table>")
        } else {
            out.append("<p>The programme has no <code>program</code> declaration, so agreements have no defaults.</p>")
        }
        out.append("<h2 id=\"competencies\">Competencies</h2>")
        if doc.competencies.isEmpty {
            out.append("<p>The programme declares no competency.</p>")
        } else {
            out += ["<p>Prerequisites: an arrow leads from a competency to one that requires it.</p>",
                    "<pre class=\"mermaid\">\(text(doc.mermaidGraph))</pre>"]
            for competency in doc.competencies {
                out.append(heading(3, competency.item))
                if let note = competency.item.doc { out.append("<p class=\"doc\">\(text(note))</p>") }
                if let description = competency.description { out.append("<p>\(text(description))</p>") }
                if !competency.requires.isEmpty { out.append("<p>Requires: \(codeList(competency.requires)).</p>") }
            }
        }
        out.append("<h2 id=\"pathways\">Pathways</h2>")
        if doc.pathways.isEmpty { out.append("<p>The programme declares no pathway.</p>") }
        for pathway in doc.pathways {
            out.append(heading(3, pathway.item))
            if let note = pathway.item.doc { out.append("<p class=\"doc\">\(text(note))</p>") }
            if let description = pathway.description { out.append("<p>\(text(description))</p>") }
            out.append("<ol>")
            for step in pathway.steps {
                var line = "<li><code>\(text(step.item.id))</code>" + (step.item.title.map { ": " + text($0) } ?? "")
                if !step.competencies.isEmpty { line += " (competencies: \(codeList(step.competencies)))" }
                if let note = step.item.doc { line += "<br><span class=\"doc\">\(text(note))</span>" }
                out.append(line + "</li>")
            }
            out.append("</ol>")
        }
        out.append("<h2 id=\"rules\">Rules</h2>")
        if doc.rules.isEmpty { out.append("<p>The programme declares no rule of its own.</p>") }
        out += doc.rules.flatMap(rule)
        out.append("<h2 id=\"standard-rules\">Standard rules in force</h2>")
        if doc.standardRules.isEmpty {
            out.append("<p>The programme does not <code>import std</code>.</p>")
        } else {
            out.append("<p>The programme imports <code>std</code>, so these rules apply too.</p>")
            out += doc.standardRules.flatMap(rule)
        }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    private func rule(_ rule: ProgrammeDocumentation.Rule) -> [String] {
        var lines = [heading(3, rule.item), "<p>Severity: \(rule.isWarning ? "warning" : "error").</p>"]
        if let note = rule.item.doc { lines.append("<p class=\"doc\">\(text(note))</p>") }
        return lines
    }

    private func heading(_ level: Int, _ item: ProgrammeDocumentation.Item) -> String {
        "<h\(level) id=\"\(XMLEscaping.escapeAttribute(item.id))\"><code>\(text(item.id))</code>"
            + (item.title.map { ": " + text($0) } ?? "") + "</h\(level)>"
    }

    private func codeList(_ names: [String]) -> String { names.map { "<code>\(text($0))</code>" }.joined(separator: ", ") }

    private func text(_ value: String) -> String {
        XMLEscaping.escapeText(ProgrammeMarkdown.verbatim(value))
    }
}

extension ProgrammeDocumentation {
    /// The Markdown page.
    public var markdown: String { ProgrammeMarkdown(documentation: self).render() }
    /// The self-contained HTML page.
    public var html: String { ProgrammeHTML(documentation: self).render() }
}
