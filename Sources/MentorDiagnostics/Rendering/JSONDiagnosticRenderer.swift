import MentorSource
/// Renders diagnostics as one JSON document for tools (`mentor check --format json`).
///
/// The shape is stable; a change that removes or retypes a key bumps `formatVersion`:
///
/// ```
/// {"version":1,"diagnostics":[{"code":"M0301","severity":"error","message":"…","rule":"…"|null,
///   "file":"a.mentor","line":5,"column":3,"endLine":5,"endColumn":8,"offset":61,"length":5,
///   "label":"…"|null,"labels":[{"message","file","line","column","endLine","endColumn","offset","length"}],
///   "notes":[{"message", location keys or null}],"help":"…"|null,
///   "suggestions":[{"message","replacement", location keys}],
///   "waiver":{"name","reason","approver"|null,"until"|null, location keys}}]}
/// ```
///
/// `waiver` is present only on a rule violation that a waiver excuses.
/// docs/check.schema.json and docs/test.schema.json publish this shape (`$defs/diagnostic`).
///
/// Lines and columns are 1-based and columns count Unicode scalars, as in the text output;
/// the end is exclusive (`endColumn` is the column just after the last character). Offsets and
/// lengths are in bytes of the file as loaded (BOM removed, CRLF read as LF). Location keys are
/// `null` when a span has no known file. Messages are written as given, without terminal escaping.
public enum JSONDiagnosticRenderer {
    /// The value of the document's `version` key.
    public static let formatVersion = 1

    /// The document for `diagnostics`, on one line followed by a newline.
    public static func render(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        render(diagnostics, sources: sources, pretty: false)
    }

    /// The document for `diagnostics`, compact or indented, followed by a newline.
    public static func render(_ diagnostics: [Diagnostic], sources: SourceMap, pretty: Bool) -> String {
        var json = JSONWriter(pretty: pretty)
        json.object { json in
            json.field("version", formatVersion)
            json.array("diagnostics") { json in
                for diagnostic in diagnostics { write(diagnostic, sources: sources, into: &json) }
            }
        }
        return json.output + "\n"
    }

    /// Writes one diagnostic as an object, for formats that embed diagnostics in larger documents.
    public static func write(_ diagnostic: Diagnostic, sources: SourceMap, into json: inout JSONWriter) {
        json.object { json in
            json.field("code", diagnostic.code.description)
            json.field("severity", diagnostic.severity.rawValue)
            json.field("message", diagnostic.message)
            json.field("rule", diagnostic.rule)
            writeLocation(diagnostic.span, sources: sources, into: &json)
            json.field("label", diagnostic.primaryLabel)
            json.array("labels") { json in
                for label in diagnostic.labels {
                    json.object { json in
                        json.field("message", label.message)
                        writeLocation(label.span, sources: sources, into: &json)
                    }
                }
            }
            json.array("notes") { json in
                for note in diagnostic.notes {
                    json.object { json in
                        json.field("message", note.message)
                        writeLocation(note.span, sources: sources, into: &json)
                    }
                }
            }
            json.field("help", diagnostic.help)
            json.array("suggestions") { json in
                for suggestion in diagnostic.suggestions {
                    json.object { json in
                        json.field("message", suggestion.message)
                        json.field("replacement", suggestion.replacement)
                        writeLocation(suggestion.span, sources: sources, into: &json)
                    }
                }
            }
            // Only on a waived violation (`check --show-waived`), so other documents keep their keys.
            if let waiver = diagnostic.waiver {
                json.object("waiver") { json in
                    json.field("name", waiver.name)
                    json.field("reason", waiver.reason)
                    json.field("approver", waiver.approver)
                    json.field("until", waiver.until)
                    writeLocation(waiver.span, sources: sources, into: &json)
                }
            }
        }
    }

    /// Writes the keys `file`, `line`, `column`, `endLine`, `endColumn`, `offset` and `length`
    /// of `span` (all `null` when the span is nil or its file unknown), offsets clamped to the file.
    public static func writeLocation(_ span: Span?, sources: SourceMap, into json: inout JSONWriter) {
        guard let span, let file = sources.file(span.file) else {
            for key in ["file", "line", "column", "endLine", "endColumn", "offset", "length"] {
                json.key(key)
                json.null()
            }
            return
        }
        let size = UInt32(file.byteCount)
        let start = min(span.start, size)
        let end = min(span.end, size)
        let from = file.location(of: start)
        let to = file.location(of: end)
        json.field("file", file.path)
        json.field("line", from.line)
        json.field("column", from.column)
        json.field("endLine", to.line)
        json.field("endColumn", to.column)
        json.field("offset", Int(start))
        json.field("length", Int(end - start))
    }
}
