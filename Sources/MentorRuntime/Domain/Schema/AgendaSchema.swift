import MentorSyntax

/// The fields and members of `agenda`.
enum AgendaField {
    static let at = FieldRow(.agenda, slot: 2, "at", .time, doc: "The time of day sessions start.")
    static let closing = FieldRow(.agenda, slot: 3, "closing", .list(.string), doc: "The check-in questions that end every session.")
    static let sessions = ComputedMemberRow(.agenda, "sessions", "list of session", doc: "The nested sessions, in order.") { context, agenda in
        .list(context.model.children(of: agenda).map { .entity(context.interpreter.overlay.current($0)) })
    }
    static let agreement = ComputedMemberRow(.agenda, "agreement", "agreement", doc: "The agreement named after `for`.") { context, agenda in
        context.model.value(of: agenda, at: KindSchema.forSlot) ?? Value.none
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [.field(at), .field(closing), .computed(sessions), .computed(agreement)]
    /// How `export --format json` writes an agenda (as its agreement's `agenda`).
    static let export = KindExport()
}

/// The fields and members of an agenda's `session`.
enum SessionField {
    static let topics = FieldRow(.session, slot: 2, "topics", .list(.string), doc: "The session's themes.")
    static let actions = FieldRow(.session, slot: 3, "actions",
                                  .list(.oneOf([.string, .shape([(ActionKey.what, .string), (ActionKey.owner, .entity(.person)),
                                                                 (ActionKey.done, .oneOf([.date, .bool]))], required: [ActionKey.what])])),
                                  doc: "What the parties do in or after it: each a string, or `{ what, owner, done }` to follow it through.")
    static let length = FieldRow(.session, slot: 4, "length", .duration(.time), doc: "How long it lasts, when not the agreement's `session_length`.")
    static let location = FieldRow(.session, slot: 5, "location", .string, doc: "Where it meets, when not the agreement's `location`.")
    static let number = ComputedMemberRow(.session, "number", "number", doc: "The session's number in the agenda.") { context, session in
        .integer(context.model.site(of: session).number ?? 0)
    }
    static let agenda = ComputedMemberRow(.session, "agenda", "agenda", doc: "The agenda the session belongs to.") { context, session in
        context.model.parent(of: session, interpreter: context.interpreter).map { .entity($0) } ?? Value.none
    }

    /// The rows in documentation order.
    static let rows: [SchemaRow] = [.field(topics), .field(actions), .field(length), .field(location), .computed(number), .computed(agenda)]
}
