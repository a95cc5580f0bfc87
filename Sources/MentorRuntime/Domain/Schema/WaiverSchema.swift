import MentorSyntax

/// The fields and members of `waiver`: an exception to one rule for one entity, with its reason.
enum WaiverField {
    static let rule = FieldRow(.waiver, slot: 2, "rule", .entity(.rule), required: true,
                               doc: "The rule waived: a programme rule or a standard one (`std.smart_goals`).")
    static let reason = FieldRow(.waiver, slot: 3, "reason", .string, required: true,
                                 doc: "Why the exception is granted (SARIF's justification).")
    static let approver = FieldRow(.waiver, slot: 4, "approver", .entity(.person), doc: "Who approved the exception.")
    static let until = FieldRow(.waiver, slot: 5, "until", .date,
                                doc: "The last day the waiver holds; after it the violation is reported again.")
    static let target = ComputedMemberRow(.waiver, "target", "person or agreement or agenda or competency or pathway",
                                          doc: "What the waiver is `for`; violations at its goals or sessions count too.") { context, waiver in
        context.model.value(of: waiver, at: KindSchema.forSlot) ?? Value.none
    }
    static let expired = ComputedMemberRow(.waiver, "expired", "bool", doc: "True when `until` is before `today`.") { context, waiver in
        guard case .date(let until)? = context.model[waiver, WaiverField.until] else { return .bool(false) }
        return .bool(until < context.interpreter.today)
    }

    /// The rows in documentation order.
    static let rows: [SchemaRow] = [.field(rule), .field(reason), .field(approver), .field(until), .computed(target), .computed(expired)]

    /// The kinds a waiver may be `for`: those a violation is reported at by name.
    static let targetKinds: Set<DeclarationKind> = [.person, .agreement, .agenda, .competency, .pathway]
}
