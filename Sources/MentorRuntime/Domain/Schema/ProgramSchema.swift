import MentorSyntax

/// The fields of `program`: the defaults every agreement falls back to.
enum ProgramField {
    static let term = FieldRow(.program, slot: 2, "term", .dateDuration, doc: "How long an agreement runs when it gives no `term`.")
    static let cadence = FieldRow(.program, slot: 3, "cadence", .cadence, doc: "The meeting rhythm of an agreement that gives no `cadence`.")
    static let sessionLength = FieldRow(.program, slot: 4, "session_length", .duration(.time),
                                        doc: "How long a session lasts when the agreement gives no `session_length`.")
    static let maxMentees = FieldRow(.program, slot: 5, "max_mentees", .integer, doc: "How many mentees one mentor may have at once.")
    static let review = FieldRow(.program, slot: 6, "review", .singlePhaseCadence, doc: "How often an agreement is reviewed when it gives no `review`.")
    static let weekends = FieldRow(.program, slot: 7, "weekends", .symbol(DomainSchema.weekendPolicies),
                                   doc: "Whether an agreement that gives no `weekends` moves its weekend dates (`move`) or keeps them (`keep`, the default).")
    // The programme's standard terms: a proposal (`mentor match`) carries them without
    // inventing any, and a programme that states them once need not repeat them per pair.
    static let channels = FieldRow(.program, slot: 8, "channels", .list(.symbol(DomainSchema.channels)),
                                   doc: "How pairs meet and talk when the agreement gives no `channels`.")
    static let contact = FieldRow(.program, slot: 9, "contact", .string, doc: "When and how parties may contact each other when the agreement gives no `contact`.")
    static let ending = FieldRow(.program, slot: 10, "ending", .string, doc: "The ending clause of an agreement that gives no `ending`.")

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [.field(term), .field(cadence), .field(sessionLength), .field(maxMentees), .field(review),
                                    .field(weekends), .field(channels), .field(contact), .field(ending)]
    /// How `export --format json` writes the programme: one object, with no name to write.
    static let export = KindExport(id: false, programme: .single("program"))
}

/// The fields of `rule` and `test`: none; a rule has a severity.
enum RuleMember {
    static let severity = ComputedMemberRow(.rule, "severity", "symbol",
                                            doc: "`error`, or `warning` when the rule is declared `warning`.") { context, rule in
        .symbol(context.model.site(of: rule).isWarning ? "warning" : "error")
    }

    /// The rows in documentation order.
    static let rows: [SchemaRow] = [.computed(severity)]
}
