/// The parts of a mentor's fit for one mentee, read in the programme as it stands before the
/// pair is added (docs/match.md, "Fit").
struct MatchFit {
    let engine: Engine
    let reader: ExportReader
    /// The competencies the mentee's `competencies` and their agreements' goals name.
    let wanted: Set<String>
    /// `program.max_mentees`, when given.
    let maxMentees: Int?
    /// Display names by person name.
    var names: [String: String] = [:]

    init(engine: Engine, mentee: String) throws {
        self.engine = engine
        let reader = ExportReader(model: engine.model, interpreter: engine.interpreter)
        self.reader = reader
        engine.interpreter.resetBudget()
        var wanted: Set<String> = []
        for person in engine.model.entities(of: .person) {
            let name = engine.model.name(of: person)
            names[name] = try reader.string(person, PersonField.name) ?? name
        }
        if let person = engine.person(named: mentee) {
            wanted.formUnion(try reader.names(person, PersonField.competencies))
            for agreement in engine.model.entities(of: .agreement) {
                guard try reader.entity(agreement, AgreementField.mentee)?.index == person.index else { continue }
                for case .entity(let goal) in try reader.list(agreement, AgreementField.goals) {
                    wanted.formUnion(try reader.names(goal, GoalField.competencies))
                }
            }
        }
        self.wanted = wanted
        maxMentees = try engine.model.entities(of: .program).first.flatMap { program in
            if case .number(.integer(let count)) = try reader.value(program, ProgramField.maxMentees) { return Int(count) }
            return nil
        }
    }

    /// The candidate `mentor` with their shared competencies, credential and places left.
    func candidate(_ mentor: MatchPerson, warnings: [MatchReason]) throws -> MatchCandidate {
        guard let person = engine.person(named: mentor.id) else {
            return MatchCandidate(mentor: mentor, shared: [], credentialed: false, placesLeft: nil, warnings: warnings)
        }
        let shared = try reader.names(person, PersonField.competencies).filter(wanted.contains)
        var credentialed = false
        if case .bool(true) = try reader.value(person, PersonField.credentialed) { credentialed = true }
        let placesLeft = try maxMentees.map { $0 - (try reader.list(person, PersonField.mentees).count) }
        return MatchCandidate(mentor: mentor, shared: shared, credentialed: credentialed, placesLeft: placesLeft, warnings: warnings)
    }
}
