import MentorSyntax

/// Copies the member lists of a file's declarations into exactly sized arrays. The parser
/// reserves room for eight members per body; a check holds every file's tree until all names
/// are declared, and the unused room was over a quarter of the 10k check's heap peak. Runs on
/// the parsing thread right after each file is parsed, so only one file's lists are doubled
/// at a time.
enum SyntaxCompaction {
    static func compact(_ syntax: inout SourceFileSyntax) {
        for position in syntax.items.indices {
            guard case .declaration(var declaration) = syntax.items[position] else { continue }
            compact(&declaration)
            syntax.items[position] = .declaration(declaration)
        }
    }

    private static func compact(_ declaration: inout Declaration) {
        guard !declaration.members.isEmpty else { return }
        var members: [Member] = []
        members.reserveCapacity(declaration.members.count)
        for member in declaration.members {
            if case .nested(var child) = member {
                compact(&child)
                members.append(.nested(child))
            } else {
                members.append(member)
            }
        }
        declaration.members = members
    }
}
