/// The `requires` cycles among competencies, found in one pass over the graph.
///
/// Walking the whole `requires` graph again from every competency cost O(N²) on a chain and
/// recursed once a link, so a 100,000-link chain never finished. Instead one iterative Tarjan
/// pass finds the strongly connected components; each component with a cycle is reported once,
/// at its member whose name sorts first, with the chain that a depth-first walk from that member
/// (following `requires` in written order) takes back to it. That walk may stay inside the
/// component, since nothing outside it leads back.
struct RequiresCycles {
    /// The cycle to report at each reporting competency, keyed by `EntityRef.index`; the chain
    /// starts and ends at that competency.
    private(set) var cycleByEntity: [EntityID: [String]] = [:]

    /// Finds the cycles reachable from `starts`; only members of `starts` report one.
    init(from starts: [EntityRef], model: ProgramModel) {
        var graph = Graph(model: model)
        for start in starts where graph.number[start.index] == nil {
            graph.findComponents(from: start)
        }
        let reporters = Set(starts.map(\.index))
        for members in graph.components where graph.hasCycle(members) {
            let first = members.min { model.name(of: graph.nodes[$0]) < model.name(of: graph.nodes[$1]) }!
            guard reporters.contains(graph.nodes[first].index) else { continue }
            cycleByEntity[graph.nodes[first].index] = graph.chainBack(to: first).map { model.name(of: graph.nodes[$0]) }
        }
    }

    /// The entities a competency requires, in written order.
    static func required(by entity: EntityRef, model: ProgramModel) -> [EntityRef] {
        guard case .list(let items)? = model[entity, CompetencyField.requires] else { return [] }
        return items.compactMap { if case .entity(let e) = $0 { e } else { nil } }
    }

    /// The `requires` graph as far as it was reached; nodes are numbered in visiting order.
    private struct Graph {
        let model: ProgramModel
        var nodes: [EntityRef] = []
        init(model: ProgramModel) { self.model = model }
        var number: [EntityID: Int] = [:]
        var components: [[Int]] = []
        private var successors: [[EntityRef]] = []
        private var lowLink: [Int] = []
        private var onStack: [Bool] = []
        private var component: [Int] = []
        private var stack: [Int] = []

        /// Tarjan's algorithm from `start`, with an explicit stack of (node, next edge) frames.
        mutating func findComponents(from start: EntityRef) {
            var frames: [(node: Int, edge: Int)] = [(enter(start), 0)]
            while let top = frames.last {
                let v = top.node
                if top.edge < successors[v].count {
                    frames[frames.count - 1].edge += 1
                    let next = successors[v][top.edge]
                    if let w = number[next.index] {
                        if onStack[w] { lowLink[v] = min(lowLink[v], w) }
                    } else {
                        frames.append((enter(next), 0))
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { lowLink[parent.node] = min(lowLink[parent.node], lowLink[v]) }
                if lowLink[v] == v { closeComponent(at: v) }
            }
        }

        private mutating func enter(_ entity: EntityRef) -> Int {
            let node = nodes.count
            number[entity.index] = node
            nodes.append(entity)
            successors.append(RequiresCycles.required(by: entity, model: model))
            lowLink.append(node)
            onStack.append(true)
            component.append(-1)
            stack.append(node)
            return node
        }

        private mutating func closeComponent(at root: Int) {
            var members: [Int] = []
            while true {
                let member = stack.removeLast()
                onStack[member] = false
                component[member] = components.count
                members.append(member)
                if member == root { break }
            }
            components.append(members)
        }

        /// Whether a component is a cycle: more than one member, or one that requires itself.
        func hasCycle(_ members: [Int]) -> Bool {
            members.count > 1 || successors[members[0]].contains { $0.index == nodes[members[0]].index }
        }

        /// The first chain a depth-first walk from `first` finds back to it, `first` at both ends.
        func chainBack(to first: Int) -> [Int] {
            let inside = component[first]
            var visited: Set<Int> = [first]
            var frames: [(node: Int, edge: Int)] = [(first, 0)]
            while let top = frames.last {
                guard top.edge < successors[top.node].count else {
                    frames.removeLast()
                    continue
                }
                frames[frames.count - 1].edge += 1
                let w = number[successors[top.node][top.edge].index]!
                if w == first { return frames.map(\.node) + [first] }
                if component[w] == inside, visited.insert(w).inserted { frames.append((w, 0)) }
            }
            return [first, first]
        }
    }
}
