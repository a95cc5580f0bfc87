import MentorDiagnostics

extension FormatBuilder {
    /// `KIND name "Title" for target warning { members }` or a `rule`/`test` with its block.
    mutating func declaration(_ declaration: Declaration) -> FormatDoc {
        var docs: [FormatDoc] = [token(declaration.kind.rawValue, at: declaration.kindSpan)]
        if let name = declaration.name {
            docs += [.text(" "), token(name.name, at: name.span)]
        }
        if let numberSpan = declaration.numberSpan {
            docs += [.text(" "), verbatimToken(numberSpan)]
        }
        if declaration.isWarning { docs.append(.text(" warning")) }
        if let title = declaration.title {
            docs += [.text(" "), expression(title)]
        }
        if let date = declaration.pinnedDate {
            docs += [.text(" "), keyword("on", at: declaration.forOffset), .text(" " + Self.isoDate(date))]
        }
        if let target = declaration.target {
            let forWord = keyword("for", at: declaration.forOffset)
            docs += [.text(" "), forWord, .text(" "), token(target.name, at: target.span)]
        }
        if let braces = declaration.braces {
            switch declaration.kind {
            case .rule, .test: docs += [.text(" "), block(declaration.body, close: braces.close)]
            default: docs += [.text(" "), body(declaration, braces: braces)]
            }
        }
        comments.advance(to: declaration.span.end)
        return .concat(docs)
    }

    /// A declaration body: one member per line, or `{ a: 1, b: 2 }` on one line when it was
    /// written on one line, holds only fields and no comments, and fits.
    mutating func body(_ declaration: Declaration, braces: Delimiters) -> FormatDoc {
        let members = declaration.members
        let close = braces.close
        var inner: [FormatDoc] = comments.trailing(before: members.first.map(Self.start(of:)) ?? close)
        for (index, member) in members.enumerated() {
            inner.append(.line)
            inner += comments.leading(before: Self.start(of: member), blankLines: true, atBlockStart: index == 0)
            switch member {
            case .field(let field): inner.append(self.field(field))
            case .nested(let nested): inner.append(self.declaration(nested))
            }
            comments.advance(to: Self.end(of: member))
            let isLast = index + 1 == members.count
            if !isLast { inner.append(.choice(broken: "", flat: ",")) }
            inner += comments.trailing(before: isLast ? close : Self.start(of: members[index + 1]))
        }
        var dangling = comments.leading(before: close, blankLines: true, atBlockStart: members.isEmpty)
        if case .blankLine = dangling.last { dangling.removeLast() }
        comments.advance(to: close + 1)
        inner += dangling
        if inner.isEmpty { return .text("{}") }
        let keptOnOneLine = source.lineIndex(of: braces.open) == source.lineIndex(of: close)
            && members.allSatisfy { if case .field = $0 { true } else { false } }
        let edge: FormatDoc = .line
        return .group([.text("{"), .indent(inner), edge, .text("}")], breaks: !keptOnOneLine || inner.contains { $0.forcesBreak })
    }

    /// `2026-09-01`.
    static func isoDate(_ date: (year: Int, month: Int, day: Int)) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
    }

    static func start(of member: Member) -> UInt32 {
        switch member {
        case .field(let field): field.span.start
        case .nested(let declaration): declaration.span.start
        }
    }

    static func end(of member: Member) -> UInt32 {
        switch member {
        case .field(let field): field.span.end
        case .nested(let declaration): declaration.span.end
        }
    }
}
