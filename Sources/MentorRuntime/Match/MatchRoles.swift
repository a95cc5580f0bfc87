/// Who looks for a mentor and who may mentor, read once from the programme as loaded
/// (docs/match.md): a person looks for a mentor when they are the mentee of no active or
/// pending agreement, follow no pathway and mentor no one; everyone who follows a pathway or
/// is the mentor or co-mentor of an agreement is a candidate mentor. The rules then decide
/// which candidates are allowed.
struct MatchRoles {
    /// Mentees by default, in declaration order.
    var lookingForMentor: [EntityRef] = []
    /// Candidate mentors' names, in declaration order.
    var mentors: [String] = []
    /// Display names by person name.
    var names: [String: String] = [:]

    init(engine: Engine) throws {
        let reader = ExportReader(model: engine.model, interpreter: engine.interpreter)
        engine.interpreter.resetBudget()
        var engaged: Set<EntityID> = []
        var mentoring: Set<EntityID> = []
        for agreement in engine.model.entities(of: .agreement) {
            let status = try reader.word(agreement, AgreementField.status)
            if status == "active" || status == "pending", let mentee = try reader.entity(agreement, AgreementField.mentee) {
                engaged.insert(mentee.index)
            }
            for role in [AgreementField.mentor, AgreementField.coMentor] {
                if let person = try reader.entity(agreement, role) { mentoring.insert(person.index) }
            }
        }
        for person in engine.model.entities(of: .person) {
            let name = engine.model.name(of: person)
            names[name] = try reader.string(person, PersonField.name) ?? name
            let onPathway = try reader.entity(person, PersonField.pathway) != nil
            if onPathway || mentoring.contains(person.index) {
                mentors.append(name)
            } else if !engaged.contains(person.index) {
                lookingForMentor.append(person)
            }
        }
    }
}
