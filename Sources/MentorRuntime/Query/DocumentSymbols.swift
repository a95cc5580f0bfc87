import MentorSyntax
import MentorSource

/// One entry of a file's outline, with the entries nested in it.
public struct DocumentSymbol: Sendable, Hashable {
    /// The declaration or top-level `let`/`fn`.
    public var symbol: QuerySymbol
    /// Goals of an agreement, steps of a pathway, sessions of an agenda, in source order.
    public var children: [DocumentSymbol]
}

extension ProgramQueries {
    /// The outline of `file`: its declarations and top-level `let`s and `fn`s in source order,
    /// each declaration with its nested goals, steps or sessions.
    public func documentSymbols(in file: FileID) -> [DocumentSymbol] {
        var topLevel: [DocumentSymbol] = []
        for (id, symbol) in index.symbols.enumerated() where symbol.span.file == file {
            switch symbol.kind {
            case .topLevelLet, .topLevelFunction:
                topLevel.append(DocumentSymbol(symbol: symbol, children: []))
            case .declaration where symbol.containerName == nil:
                topLevel.append(DocumentSymbol(symbol: symbol, children: children(of: id)))
            default:
                continue
            }
        }
        return topLevel.sorted { $0.symbol.span.start < $1.symbol.span.start }
    }

    private func children(of id: SymbolIndex.SymbolID) -> [DocumentSymbol] {
        guard let entity = index.entities[id] else { return [] }
        return engine.model.children(of: entity).compactMap { child in
            index.symbolID(of: child).map { DocumentSymbol(symbol: index.symbols[$0], children: children(of: $0)) }
        }
    }

    /// The symbols whose names contain the letters of `query` in order (case-insensitive; all of
    /// them for an empty query), best matches first: a name that starts with the query, then one
    /// that contains it, then the rest. Locals are not listed.
    public func workspaceSymbols(matching query: String) -> [QuerySymbol] {
        let wanted = Array(query.lowercased())
        var scored: [(score: Int, symbol: QuerySymbol)] = []
        for symbol in index.symbols {
            if case .local = symbol.kind { continue }
            let name = symbol.name.lowercased()
            guard Self.isSubsequence(wanted, of: Array(name)) else { continue }
            let score = name.hasPrefix(query.lowercased()) ? 0 : name.contains(query.lowercased()) ? 1 : 2
            scored.append((score, symbol))
        }
        return scored.sorted { ($0.score, $0.symbol.name) < ($1.score, $1.symbol.name) }.map(\.symbol)
    }

    private static func isSubsequence(_ wanted: [Character], of name: [Character]) -> Bool {
        var position = 0
        for character in name where position < wanted.count && character == wanted[position] { position += 1 }
        return position == wanted.count
    }
}
