import MentorRuntime

/// `mentor status --format html`: one self-contained page (no script, no external file) with
/// the status table and an inline SVG timeline, one row per agreement (docs/status.md).
struct StatusHTML {
    let status: ProgrammeStatus

    private let labelWidth = 160.0, plotWidth = 720.0, rowHeight = 28.0, top = 24.0

    /// The page.
    func render() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Status on \(status.today)</title>
            <style>
            body{font-family:sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;font-size:13px;margin-bottom:1.5em}
            th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}
            th{background:#eee}
            tr.lapsed td{background:#fde2e2} tr.closed td,tr.ended td{color:#777}
            .legend span{margin-right:1.2em}
            </style></head><body>
            <h1>Status on \(status.today)</h1>

            """
        page += table() + totals() + timeline() + "</body></html>\n"
        return page
    }

    private func table() -> String {
        var html = "<table class=\"status\"><thead><tr>"
        html += StatusReportFormats.headings(status).map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for line in status.lines {
            html += "<tr class=\"\(line.status)\" data-agreement=\"\(escape(line.id))\">"
            html += StatusReportFormats.cells(line).map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func totals() -> String {
        var html = "<p class=\"totals\">" + status.counts.map { "\($0.status) \($0.count)" }.joined(separator: ", ")
        html += "<br>" + escape(StatusReportFormats.totalsLine(status)) + "</p>\n"
        let violations = status.lines.flatMap { line in line.violations.map { (line.id, $0) } }
        if !violations.isEmpty {
            html += "<h2>Violations</h2><ul>\n"
            for (id, violation) in violations {
                html += "<li><code>\(escape(id))</code> \(violation.severity.rawValue): \(escape(violation.message)) (<code>\(escape(violation.rule))</code>)</li>\n"
            }
            html += "</ul>\n"
        }
        if let until = status.until {
            html += "<h2>Forecast to \(until)</h2><ul>\n"
            for line in status.lines { if let found = line.forecast { html += "<li>\(found.date): <code>\(escape(line.id))</code> \(escape(found.message))</li>\n" } }
            html += "</ul>\n"
        }
        return html
    }

    /// The days the timeline spans: every line's start to its end, and today.
    private var span: (first: CivilDate, last: CivilDate) {
        var first = status.today, last = status.today
        for line in status.lines {
            if let start = line.start { first = min(first, start) }
            if let end = line.end { last = max(last, end) }
        }
        if last == first { last = first.adding(days: 1) ?? first }
        return (first, last)
    }

    private func x(_ date: CivilDate) -> Double {
        let (first, last) = span
        return labelWidth + plotWidth * Double(date.days(since: first)) / Double(last.days(since: first))
    }

    private func timeline() -> String {
        let height = top + rowHeight * Double(status.lines.count) + 8
        let width = labelWidth + plotWidth + 20
        var svg = "<h2>Timeline</h2>\n<p class=\"legend\"><span>| planned session</span><span>● held session</span><span>◆ review</span><span>red line: today</span></p>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-size=\"11\">\n"
        svg += "<text x=\"\(f(labelWidth))\" y=\"14\">\(span.first)</text><text x=\"\(f(labelWidth + plotWidth))\" y=\"14\" text-anchor=\"end\">\(span.last)</text>\n"
        for (row, line) in status.lines.enumerated() {
            let y = top + rowHeight * Double(row) + rowHeight / 2
            svg += "<g class=\"timeline-row \(line.status)\" data-agreement=\"\(escape(line.id))\">"
            svg += "<text x=\"4\" y=\"\(f(y + 4))\">\(escape(line.id)) (\(line.status))</text>"
            if let start = line.start, let end = line.end {
                let stop = line.closedOn.map { min($0, end) } ?? end
                svg += "<line x1=\"\(f(x(start)))\" y1=\"\(f(y))\" x2=\"\(f(x(stop)))\" y2=\"\(f(y))\" stroke=\"#9ab\" stroke-width=\"6\"/>"
                if line.status == "lapsed", let lapse = line.lapsesOn {
                    svg += "<line class=\"lapsed\" x1=\"\(f(x(max(lapse, start))))\" y1=\"\(f(y))\" x2=\"\(f(x(stop)))\" y2=\"\(f(y))\" stroke=\"#d33\" stroke-width=\"6\" stroke-dasharray=\"4 3\"><title>lapsed since \(lapse)</title></line>"
                }
                if let closed = line.closedOn {
                    svg += "<text class=\"closed\" x=\"\(f(x(min(closed, end))))\" y=\"\(f(y + 4))\" text-anchor=\"middle\" fill=\"#d33\" font-weight=\"bold\">✕<title>closed on \(closed)</title></text>"
                }
            }
            // After an early close, nothing more was planned.
            let open = { (date: CivilDate) in line.closedOn.map { date < $0 } ?? true }
            for date in line.timeline.planned where open(date) {
                svg += "<line class=\"planned\" x1=\"\(f(x(date)))\" y1=\"\(f(y - 8))\" x2=\"\(f(x(date)))\" y2=\"\(f(y - 3))\" stroke=\"#555\"><title>planned \(date)</title></line>"
            }
            for date in line.timeline.held {
                svg += "<circle class=\"held\" cx=\"\(f(x(date)))\" cy=\"\(f(y))\" r=\"3\" fill=\"#2a2\"><title>held \(date)</title></circle>"
            }
            for date in line.timeline.reviews where open(date) {
                let cx = x(date)
                svg += "<path class=\"review\" d=\"M\(f(cx)) \(f(y + 3))l4 4l-4 4l-4 -4z\" fill=\"#36c\"><title>review \(date)</title></path>"
            }
            svg += "</g>\n"
        }
        let todayX = x(status.today)
        svg += "<line class=\"today\" x1=\"\(f(todayX))\" y1=\"18\" x2=\"\(f(todayX))\" y2=\"\(f(height))\" stroke=\"#d00\" stroke-width=\"1.5\"><title>today \(status.today)</title></line>\n"
        return svg + "</svg>\n"
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
