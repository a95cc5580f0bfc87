import MentorDiagnostics
import MentorSyntax

/// `mentor export --format json`: the resolved data of one agreement or of the whole
/// programme, in the shape docs/export.md and docs/export.schema.json define. Every entity is
/// written by walking its kind's schema rows (`JSONLayout`), so an exported field needs no
/// code here; keys come in row order, so equal programmes give byte-identical output.
struct JSONExporter {
    /// The `format` member that tells consumers what they are reading.
    static let formatName = "mentor-export"
    /// The shape's version; raised only when a consumer could misread the new shape.
    static let version = 1

    let today: CivilDate
    let reader: ExportReader

    /// One agreement, under its kind's name.
    func render(_ agreement: EntityRef) throws -> String {
        try document { json in
            json.key(agreement.kind.rawValue)
            try write(agreement, JSONLayout.keys(of: agreement.kind), into: &json)
        }
    }

    /// The whole programme: each kind that has a programme member, in declaration-kind order.
    func renderProgramme() throws -> String {
        try document { json in
            for kind in DeclarationKind.allCases {
                guard let member = DomainSchema.schema(of: kind).export?.programmeMember else { continue }
                let entities = reader.model.entities(of: kind)
                let keys = JSONLayout.keys(of: kind)
                json.key(member.key)
                switch member {
                case .single:
                    if let entity = entities.first { try write(entity, keys, into: &json) } else { json.null() }
                case .list:
                    json.beginArray()
                    for entity in entities { try write(entity, keys, into: &json) }
                    json.endArray()
                }
            }
        }
    }

    private func document(_ body: (inout JSONWriter) throws -> Void) rethrows -> String {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.field("format", JSONExporter.formatName)
        json.field("version", JSONExporter.version)
        json.field("today", today.description)
        try body(&json)
        json.endObject()
        return json.output + "\n"
    }

    private func write(_ entity: EntityRef, _ keys: [JSONLayout.Key], programmeFields: Bool = true, into json: inout JSONWriter) throws {
        json.beginObject()
        for key in keys {
            json.key(key.name)
            switch key {
            case .id:
                json.string(reader.model.name(of: entity))
            case .title:
                if let title = reader.model.title(of: entity) { json.string(title) } else { json.null() }
            case .row(let row):
                try write(row, of: entity, into: &json)
            case .text(let row):
                let value = try reader.value(entity, row)
                if value.isNone { json.null() } else { json.string(MarkdownExporter.target(value, names: reader.model.store)) }
            }
        }
        // The programme's own fields, apart from the built-in keys so a consumer can tell them
        // from the version's fixed ones; present exactly when the programme declares fields for
        // the kind (docs/export.md).
        let own = reader.model.schema(of: entity).programmeFields
        if programmeFields, !own.isEmpty, !keys.isEmpty {
            json.key(JSONLayout.programmeFieldsKey)
            json.beginObject()
            for field in own {
                json.key(field.name)
                try write(.field(field), of: entity, into: &json)
            }
            json.endObject()
        }
        json.endObject()
    }

    private func write(_ row: SchemaRow, of entity: EntityRef, into json: inout JSONWriter) throws {
        let value = try reader.value(entity, row)
        if value.isNone, case .field(let field) = row, field.isRequired {
            // Elaboration reports a missing required field, and export runs only after it succeeded.
            throw RuntimeError(.missingField, "\(entity.kind.rawValue) `\(reader.model.name(of: entity))` lacks `\(field.name)`", at: reader.model.nameSpan(of: entity))
        }
        switch row.export {
        // `.omitted` rows are not in any layout; listed here so the switch names every style.
        case .value, .valueAndText, .omitted:
            write(value, as: row.fieldType, absentAsList: row.holdsList, into: &json)
        case .party:
            try writeEntities(value, absentAsList: row.holdsList, layout: JSONLayout.partyKeys(of:), programmeFields: false, into: &json)
        case .nested:
            try writeEntities(value, absentAsList: row.holdsList, layout: JSONLayout.keys(of:), into: &json)
        }
    }

    /// An entity, or a list of them, as objects of `layout`.
    private func writeEntities(_ value: Value, absentAsList: Bool, layout: (DeclarationKind) -> [JSONLayout.Key],
                               programmeFields: Bool = true, into json: inout JSONWriter) throws {
        switch value {
        case .entity(let entity):
            try write(entity, layout(entity.kind), programmeFields: programmeFields, into: &json)
        case .list(let elements):
            json.beginArray()
            for case .entity(let entity) in elements { try write(entity, layout(entity.kind), programmeFields: programmeFields, into: &json) }
            json.endArray()
        default:
            write(.none, as: nil, absentAsList: absentAsList, into: &json)
        }
    }

    /// A value as JSON: entities and symbols by name, dates and times as text, durations and
    /// cadences as objects; a record as its type says (pairs keyed by entity names, a shape
    /// with every key, or else its own fields in order).
    private func write(_ value: Value, as type: FieldType?, absentAsList: Bool, into json: inout JSONWriter) {
        switch value {
        case .none, .function:
            if absentAsList {
                json.beginArray()
                json.endArray()
            } else {
                json.null()
            }
        case .bool(let flag): json.bool(flag)
        case .number(.integer(let integer)): json.number(Int(integer))
        case .number(let number): json.number(number.doubleValue)
        case .string(let text): json.string(text)
        case .date(let date): json.string(date.description)
        case .time(let time): json.string(time.description)
        case .duration(let duration): write(duration, into: &json)
        case .cadence(let cadence): write(cadence, into: &json)
        case .entity(let entity): json.string(reader.model.name(of: entity))
        case .symbol(let name): json.string(name)
        case .list(let elements):
            let elementType: FieldType? = if case .list(let element)? = type { element } else { nil }
            json.beginArray()
            for element in elements { write(element, as: elementType, absentAsList: false, into: &json) }
            json.endArray()
        case .record(let record):
            write(record, as: type, into: &json)
        }
    }

    private func write(_ record: Record, as type: FieldType?, into json: inout JSONWriter) {
        switch type {
        case .keyedBy(let kind, let valueType)?:
            json.beginArray()
            for field in record.fields {
                json.beginObject()
                json.field(kind.rawValue, field.name)
                json.key(JSONLayout.pairValueKey(valueType))
                write(field.value, as: valueType, absentAsList: false, into: &json)
                json.endObject()
            }
            json.endArray()
        case .shape(let fields, _)?:
            json.beginObject()
            for (name, fieldType) in fields {
                json.key(name)
                write(record[name] ?? .none, as: fieldType, absentAsList: false, into: &json)
            }
            json.endObject()
        case .oneOf(let types)?:
            // A record value can only have matched the record alternative.
            write(record, as: types.first { if case .shape = $0 { true } else { false } }, into: &json)
        default:
            json.beginObject()
            for field in record.fields {
                json.key(field.name)
                write(field.value, as: nil, absentAsList: false, into: &json)
            }
            json.endObject()
        }
    }

    /// `{"amount": 60, "unit": "minutes"}`: the unit as written, since months and days do not convert.
    private func write(_ duration: CalendarDuration, into json: inout JSONWriter) {
        json.object { json in
            json.field("amount", Int(duration.amount))
            json.field("unit", duration.unit.plural)
        }
    }

    /// `{"text": "weekly for 4 weeks, then monthly", "phases": [{"every": …, "for": …, "on": …}]}`;
    /// `on` is `{"ordinal": "first", "weekday": "tuesday"}` for a phase that keeps a weekday.
    private func write(_ cadence: Cadence, into json: inout JSONWriter) {
        json.object { json in
            json.field("text", cadence.description)
            json.array("phases") { json in
                for phase in cadence.phases {
                    json.object { json in
                        json.key("every")
                        write(phase.interval, into: &json)
                        json.key("for")
                        if let limit = phase.limit { write(limit, into: &json) } else { json.null() }
                        json.key("on")
                        if let pin = phase.pin {
                            json.object { json in
                                json.field("ordinal", pin.ordinal.word)
                                json.field("weekday", WeekdayPin.weekdayWords[pin.weekday - 1])
                            }
                        } else {
                            json.null()
                        }
                    }
                }
            }
        }
    }
}

extension Value {
    /// True for `none`.
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
