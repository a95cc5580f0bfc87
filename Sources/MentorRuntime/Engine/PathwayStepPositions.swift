/// The steps of each pathway by name, built on first use and kept for the completion checks
/// of all the people on it: built again for each person, the index and the list of names were
/// most of what checking a person's completed steps cost. Not shared between threads: each
/// elaborator (one a chunk of declarations) keeps its own.
final class PathwayStepPositions {
    /// One pathway's steps.
    struct Steps {
        /// The position of each step (its first, for a name given twice), by name.
        let positions: [String: Int]
        /// The steps' names, in order.
        let names: [String]
    }

    private var byPathway: [EntityID: Steps] = [:]

    /// The steps of `pathway`, the pathway `person` names.
    func steps(of pathway: EntityRef, person: EntityRef, model: ProgramModel, interpreter: Interpreter) -> Steps {
        if let known = byPathway[pathway.index] { return known }
        let names = model.pathwaySteps(of: person, interpreter: interpreter).map(model.name)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        let steps = Steps(positions: positions, names: names)
        byPathway[pathway.index] = steps
        return steps
    }
}
