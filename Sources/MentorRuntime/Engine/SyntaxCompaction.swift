import MentorSyntax

/// Copies the arrays of a file's tree that the parser grows with room to spare into exactly
/// sized ones: the member lists of its declarations (the parser reserves room for eight
/// members per body) and the list literals in field values (room for four elements;
/// `channels: [chat]` uses one). A check holds every file's tree until all
/// names are declared, and the unused room was over a quarter of the 10k check's heap peak.
/// Runs on the parsing thread right after each file is parsed, so only one file's lists are
/// doubled at a time.
enum SyntaxCompaction {
    static func compact(_ syntax: inout SourceFileSyntax) {
        // The item list itself is left as it is: an item holds a whole declaration inline, so
        // a copy of the list doubled a file of half a million statements (`1` a line) while it
        // was made, for a few spare items in an ordinary one.
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
            switch member {
            case .nested(var child):
                compact(&child)
                members.append(.nested(child))
            case .field(var field):
                compact(&field.value)
                members.append(.field(field))
            }
        }
        declaration.members = members
    }

    /// Compacts the list literals of a field's value, and those inside its list and record
    /// literals; other expressions are left alone (their arrays are exact, or rare in fields).
    private static func compact(_ value: inout Expr) {
        switch value.kind {
        case .list(let elements, let brackets):
            var compacted: [Expr] = []
            compacted.reserveCapacity(elements.count)
            for var element in elements {
                compact(&element)
                compacted.append(element)
            }
            value.kind = .list(compacted, brackets: brackets)
        case .record(var fields, let braces):
            guard fields.contains(where: { switch $0.value.kind { case .list, .record: true; default: false } }) else { return }
            // The record's own array is exact (the parser sizes it); dropping the tree's
            // reference first lets its entries change in place instead of being copied.
            value.kind = .error
            for position in fields.indices { compact(&fields[position].value) }
            value.kind = .record(fields, braces: braces)
        default:
            break
        }
    }
}
