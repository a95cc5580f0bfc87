import MentorSyntax

/// The fields and members of `person`.
enum PersonField {
    static let name = ComputedMemberRow(.person, "name", "string", export: .value,
                                        doc: "The title, or the declared name when there is none.") { context, person in
        .string(context.model.title(of: person) ?? context.model.name(of: person))
    }
    static let email = FieldRow(.person, slot: 2, "email", .string, doc: "Where to reach the person.")
    static let supervisor = FieldRow(.person, slot: 3, "supervisor", .entity(.person),
                                     doc: "The person's line manager, who may not be their mentor.")
    static let pathway = FieldRow(.person, slot: 4, "pathway", .entity(.pathway), doc: "The pathway the person follows.")
    static let completed = FieldRow(.person, slot: 5, "completed", .keyedBy(.step, .date),
                                    doc: "The steps of the pathway completed, each with its date.")
    static let competencies = FieldRow(.person, slot: 6, "competencies", .list(.entity(.competency)),
                                       doc: "The competencies the person holds.")
    static let credentialed = ComputedMemberRow(.person, "credentialed", "bool", export: .value,
                                                doc: "True when the last step of the pathway is completed.") { context, person in
        guard let last = context.model.pathwaySteps(of: person, interpreter: context.interpreter).last else { return .bool(false) }
        return .bool(context.model.hasCompleted(context.model.name(of: last), person: person, interpreter: context.interpreter))
    }
    static let progress = ComputedMemberRow(.person, "progress", "step or none", export: .value,
                                            doc: "The last step of the pathway completed, or `none`.") { context, person in
        let completed = context.model.completedSteps(of: person, interpreter: context.interpreter)
        return context.model.pathwaySteps(of: person, interpreter: context.interpreter).last { completed.contains(context.model.name(of: $0)) }.map { .entity($0) } ?? Value.none
    }
    static let mentees = ComputedMemberRow(.person, "mentees", "list of person",
                                           doc: "The mentees of the agreements where the person is mentor.") { context, person in
        .list(context.model.parties(.mentee, ofAgreementsWhere: .mentor, is: person, interpreter: context.interpreter))
    }
    static let mentors = ComputedMemberRow(.person, "mentors", "list of person",
                                           doc: "The mentors of the agreements where the person is mentee.") { context, person in
        .list(context.model.parties(.mentor, ofAgreementsWhere: .mentee, is: person, interpreter: context.interpreter))
    }
    static let coMentees = ComputedMemberRow(.person, "co_mentees", "list of person",
                                             doc: "The mentees of the agreements where the person is co-mentor.") { context, person in
        .list(context.model.parties(.mentee, ofAgreementsWhere: .coMentor, is: person, interpreter: context.interpreter))
    }
    static let agreements = ComputedMemberRow(.person, "agreements", "list of agreement",
                                              doc: "Every agreement naming the person in any role, in declaration order.") { context, person in
        let model = context.model
        // From the party index, as `mentees` is: a scan of every agreement per person made
        // `p.agreements` over all people take agreements × people.
        var seen = Set<EntityID>()
        let agreements = AgreementRole.allCases
            .flatMap { model.agreements(where: $0, is: person, interpreter: context.interpreter) }
            .filter { seen.insert($0.index).inserted }
            .sorted { $0.index < $1.index }
        return .list(agreements.map { .entity(context.interpreter.overlay.current($0)) })
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [
        .computed(name), .field(email), .field(supervisor), .field(pathway), .field(completed), .field(competencies),
        .computed(credentialed), .computed(progress), .computed(mentees), .computed(mentors), .computed(coMentees),
        .computed(agreements),
    ]
    /// How `export --format json` writes a person: `name` stands in for the title, and an
    /// agreement's parties show only who they are and how to reach them.
    static let export = KindExport(title: false, programme: .list("people"), partyRows: [.computed(name), .field(email)])
}
