import MentorDiagnostics
import MentorRuntime

/// The text, JSON, Markdown and CSV forms of `mentor status` (docs/status.md; the JSON form's
/// schema is docs/status.schema.json).
enum StatusReportFormats {
    /// The table's column headings, shared by text, Markdown, CSV and HTML: `unsigned` only when the
    /// programme requires signatures (a party without one breaks nothing otherwise).
    static func headings(_ status: ProgrammeStatus) -> [String] {
        ["agreement", "mentor", "mentee", "status", "start", "end", "planned", "held", "last held",
         "next session", "next review", "reviews overdue", "lapses in"]
            + (status.signaturesRequired ? ["unsigned"] : []) + ["violations"]
    }

    /// One line's cells under `headings`; `-` stands for none.
    static func cells(_ line: AgreementStatusLine) -> [String] {
        func day(_ date: CivilDate?) -> String { date.map(\.description) ?? "-" }
        return [line.id, line.mentor ?? "-", line.mentee ?? "-", line.status, day(line.start), day(line.end),
                String(line.planned), String(line.held), day(line.lastHeld), day(line.nextSession), day(line.nextReview),
                String(line.reviewsOverdue), line.daysLeft.map { "\($0) days" } ?? "-"]
            + (line.unsigned.map { [$0.isEmpty ? "-" : $0.joined(separator: " ")] } ?? []) + [String(line.violations.count)]
    }

    /// An aligned table, then each line's violations and forecast, then the counts and totals.
    static func text(_ status: ProgrammeStatus) -> String {
        var out = "status on \(status.today): \(plural(status.lines.count, "agreement"))\n"
        if !status.lines.isEmpty {
            let columns = headings(status)
            let rows = [columns] + status.lines.map(cells)
            let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let padded = row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
                }
                out += padded.joined(separator: "  ") + "\n"
            }
        }
        for line in status.lines where !line.violations.isEmpty {
            out += "\n\(line.id) breaks:\n"
            for violation in line.violations {
                out += "  \(violation.severity.rawValue): \(violation.message) [\(violation.rule)]\n"
            }
        }
        if let until = status.until {
            let broken = forecastsByDay(status)
            out += "\nforecast to \(until):" + (broken.isEmpty ? " nothing breaks\n" : "\n")
            for (id, found) in broken { out += "  \(found.date)  \(id)  \(found.message) [\(found.kind.rawValue)]\n" }
        }
        out += "\n" + status.counts.map { "\($0.status) \($0.count)" }.joined(separator: ", ") + "\n"
        out += totalsLine(status) + "\n"
        return out
    }

    /// Each line's forecast, earliest day first; on one day, in the lines' (urgency) order.
    static func forecastsByDay(_ status: ProgrammeStatus) -> [(String, ForecastBreak)] {
        status.lines.enumerated().compactMap { offset, line in line.forecast.map { (offset, line.id, $0) } }
            .sorted { ($0.2.date, $0.0) < ($1.2.date, $1.0) }
            .map { ($0.1, $0.2) }
    }

    /// `sessions: 12 planned to date, 9 held; lapse rate: 1 of 3 started (33%)`.
    static func totalsLine(_ status: ProgrammeStatus) -> String {
        var text = "sessions: \(status.plannedTotal) planned to date, \(status.heldTotal) held; lapse rate: "
        if let rate = status.lapseRate {
            text += "\(status.lapsedCount) of \(status.startedCount) started (\(Int((rate * 100).rounded()))%)"
        } else {
            text += "none started"
        }
        return text
    }

    /// The document docs/status.schema.json describes.
    static func json(_ status: ProgrammeStatus) -> String {
        var writer = JSONWriter(pretty: true)
        writer.object { w in
            w.field("version", 1)
            w.field("today", status.today.description)
            w.field("until", status.until?.description)
            w.key("agreements")
            w.array { array in
                for line in status.lines { agreement(line, into: &array) }
            }
            w.object("counts") { counts in
                for (name, count) in status.counts { counts.field(name, count) }
            }
            w.object("totals") { totals in
                totals.field("planned_to_date", status.plannedTotal)
                totals.field("held_to_date", status.heldTotal)
                totals.field("started", status.startedCount)
                totals.field("lapsed", status.lapsedCount)
                totals.field("lapse_rate", status.lapseRate)
            }
        }
        return writer.output
    }

    private static func agreement(_ line: AgreementStatusLine, into array: inout JSONWriter) {
        array.object { a in
            a.field("id", line.id)
            a.field("mentor", line.mentor)
            a.field("mentee", line.mentee)
            a.field("co_mentor", line.coMentor)
            a.field("status", line.status)
            a.field("start", line.start?.description)
            a.field("end", line.end?.description)
            a.field("closed_on", line.closedOn?.description)
            a.field("planned_to_date", line.planned)
            a.field("held_to_date", line.held)
            a.field("last_held", line.lastHeld?.description)
            a.field("next_session", line.nextSession?.description)
            a.field("next_review", line.nextReview?.description)
            a.field("reviews_overdue", line.reviewsOverdue)
            a.field("lapses_on", line.lapsesOn?.description)
            a.field("days_left", line.daysLeft)
            a.field("due", line.due?.description)
            if let unsigned = line.unsigned {
                a.array("unsigned") { list in for id in unsigned { list.string(id) } }
            } else {
                a.field("unsigned", nil as String?)
            }
            a.array("violations") { list in
                for violation in line.violations {
                    list.object { v in
                        v.field("rule", violation.rule)
                        v.field("severity", violation.severity.rawValue)
                        v.field("message", violation.message)
                    }
                }
            }
            if let found = line.forecast {
                a.object("forecast") { f in
                    f.field("date", found.date.description)
                    f.field("kind", found.kind.rawValue)
                    f.field("message", found.message)
                }
            } else {
                a.field("forecast", nil as String?)
            }
        }
    }

    /// A Markdown table, the violations and forecast as lists, then the counts and totals.
    static func markdown(_ status: ProgrammeStatus) -> String {
        func escape(_ cell: String) -> String { replacing("|", with: "\\|", in: cell) }
        let columns = headings(status)
        var out = "# Status on \(status.today)\n\n"
        out += "| " + columns.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: columns.count) + "\n"
        for line in status.lines { out += "| " + cells(line).map(escape).joined(separator: " | ") + " |\n" }
        let broken = status.lines.filter { !$0.violations.isEmpty }
        if !broken.isEmpty {
            out += "\n## Violations\n\n"
            for line in broken {
                for violation in line.violations {
                    out += "- `\(line.id)`: \(violation.severity.rawValue): \(violation.message) (`\(violation.rule)`)\n"
                }
            }
        }
        if let until = status.until {
            out += "\n## Forecast to \(until)\n\n"
            let found = forecastsByDay(status)
            if found.isEmpty { out += "Nothing breaks.\n" }
            for (id, item) in found { out += "- \(item.date): `\(id)` \(item.message) (\(item.kind.rawValue))\n" }
        }
        out += "\n## Totals\n\n"
        out += status.counts.map { "- \($0.status): \($0.count)" }.joined(separator: "\n") + "\n"
        out += "- " + totalsLine(status) + "\n"
        return out
    }

    /// RFC 4180 CSV: the headings, then a row per agreement; violations as `rule: message` joined by `; `.
    static func csv(_ status: ProgrammeStatus) -> String {
        func quote(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + replacing("\"", with: "\"\"", in: cell) + "\""
        }
        var out = (headings(status).dropLast() + ["violations", "forecast"]).map(quote).joined(separator: ",") + "\r\n"
        for line in status.lines {
            var row = Array(cells(line).dropLast())
            row.append(line.violations.map { "\($0.rule): \($0.message)" }.joined(separator: "; "))
            row.append(line.forecast.map { "\($0.date) \($0.kind.rawValue): \($0.message)" } ?? "")
            out += row.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// `text` with every `character` replaced by `replacement`.
    private static func replacing(_ character: Character, with replacement: String, in text: String) -> String {
        var out = ""
        for c in text { if c == character { out += replacement } else { out.append(c) } }
        return out
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
