import MentorSyntax

/// The fields and members of `competency`.
enum CompetencyField {
    static let description = FieldRow(.competency, slot: 2, "description", .string, doc: "What the competency means, in a sentence.")
    static let requires = FieldRow(.competency, slot: 3, "requires", .list(.entity(.competency)),
                                   doc: "Competencies that must be held first (no cycles).")
    static let holders = ComputedMemberRow(.competency, "holders", "list of person", doc: "The people who list this competency.") { context, competency in
        let model = context.model
        return .list(model.entities(of: .person).map(context.interpreter.overlay.current).filter { person in
            guard case .list(let held)? = model[person, PersonField.competencies] else { return false }
            return held.contains { if case .entity(let c) = $0 { c.index == competency.index } else { false } }
        }.map { .entity($0) })
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [.field(description), .field(requires), .computed(holders)]
    /// How `export --format json` writes a competency.
    static let export = KindExport(programme: .list("competencies"))
}

/// The fields and members of `pathway`.
enum PathwayField {
    static let description = FieldRow(.pathway, slot: 2, "description", .string, doc: "What the pathway leads to, in a sentence.")
    static let steps = ComputedMemberRow(.pathway, "steps", "list of step", export: .nested,
                                         doc: "The nested steps, in order.") { context, pathway in
        .list(context.model.children(of: pathway).map { .entity(context.interpreter.overlay.current($0)) })
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [.field(description), .computed(steps)]
    /// How `export --format json` writes a pathway.
    static let export = KindExport(programme: .list("pathways"))
}

/// The fields and members of `step`.
enum StepField {
    static let competencies = FieldRow(.step, slot: 2, "competencies", .list(.entity(.competency)),
                                       doc: "The competencies completing the step shows.")
    static let pathway = ComputedMemberRow(.step, "pathway", "pathway", doc: "The pathway the step belongs to.") { context, step in
        context.model.parent(of: step, interpreter: context.interpreter).map { .entity($0) } ?? Value.none
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [.field(competencies), .computed(pathway)]
    /// How `export --format json` writes a step (inside its pathway's `steps`).
    static let export = KindExport()
}
