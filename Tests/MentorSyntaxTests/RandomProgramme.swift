/// SplitMix64: a small seeded generator, so a failing programme is reproduced from its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes random, syntactically valid Mentor programmes: every declaration kind, fields,
/// nested expressions with operators of every precedence, lambdas, cadences, strings with
/// escapes and interpolation, and comments (line, block, doc) wherever the grammar lets a
/// comment stand, with random blanks and line breaks where they do not change the meaning.
struct RandomProgramme {
    var random: SeededRandom
    var text = ""
    /// Open `(`/`[` around the current position: inside them line breaks never matter.
    var bracketDepth = 0

    init(seed: UInt64) { random = SeededRandom(state: seed) }

    static func make(seed: UInt64) -> String {
        var programme = RandomProgramme(seed: seed)
        programme.file()
        return programme.text
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
    mutating func count(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func name() -> String { pick(["ana", "dave", "lee", "x", "y", "total", "inês", "a_1", "schedule"]) }

    /// Space between two tokens: blanks, a block comment, or (where `lineBreak` allows, or
    /// inside brackets) a line break, possibly after a line comment.
    mutating func gap(lineBreak: Bool = false) {
        let breakable = lineBreak || bracketDepth > 0
        switch count(0...9) {
        case 0: text += " /* note \(count(0...9)) */ "
        case 1 where breakable: text += " // why \(count(0...9))\n    "
        case 2 where breakable: text += "\n\n  "
        case 3: text += "   "
        default: text += " "
        }
    }

    mutating func comments(indent: String) {
        switch count(0...11) {
        case 0: text += indent + "// a remark\n"
        case 1: text += indent + "/* a block\n   over two lines */\n"
        case 2: text += "\n" + indent + "// after an empty line   \n"
        case 3: text += indent + "/// documentation\n" + indent + "/// on two lines\n"
        case 4: text += "\n\n\n"
        default: break
        }
    }

    mutating func trailingComment() {
        switch count(0...7) {
        case 0: text += " // trailing"
        case 1: text += "   /* trailing block */"
        default: break
        }
    }

    // MARK: - Files and declarations

    mutating func file() {
        for _ in 0..<count(1...6) {
            comments(indent: "")
            switch count(0...7) {
            case 0: text += "let \(name()) ="; gap(lineBreak: true); fieldValue()
            case 1: function(indent: "")
            case 2: declaration(pick(["person", "agreement", "competency", "agenda", "pathway"]), indent: "")
            case 3: text += "program \"P\" {\n"; members(indent: "  ", nested: nil); text += "}"
            case 4: rule(indent: "")
            case 5: text += "test \"t \\\"quoted\\\"\" {\n"; statements(indent: "  ", depth: 0); text += "}"
            case 6: text += "print("; bracketDepth += 1; expression(depth: 0); bracketDepth -= 1; text += ")"
            default:
                // A statement opening with `{` would read as the body of a declaration just
                // above it that has none (a body may start on the next line), so it is wrapped.
                let startOffset = text.utf8.count
                statement(indent: "", depth: 0)
                let start = text.utf8.index(text.utf8.startIndex, offsetBy: startOffset)
                if text[start...].first == "{" {
                    text.insert("(", at: start)
                    text += ")"
                }
            }
            trailingComment()
            text += "\n"
        }
    }

    mutating func declaration(_ kind: String, indent: String) {
        text += "\(kind) \(name())"
        if chance(60) { text += " \"Title \\u{1F600} \\(x)\"" }
        if kind == "agenda", chance(70) { text += " for \(name())" }
        switch count(0...3) {
        case 0: break
        case 1:
            text += " { "
            for index in 0..<count(1...3) {
                if index > 0 { text += ", " }
                text += "\(name()): "
                expression(depth: 2)
            }
            text += " }"
        default:
            text += chance(20) ? "\n\(indent){\n" : " {\n"
            members(indent: indent + "  ", nested: kind == "agreement" ? "goal" : kind == "agenda" ? "session" : kind == "pathway" ? "step" : nil)
            text += indent + "}"
        }
    }

    mutating func members(indent: String, nested: String?) {
        for _ in 0..<count(0...5) {
            comments(indent: indent)
            text += indent
            if let nested, chance(30) {
                if nested == "session" {
                    text += "session \(count(1...20)) \"S\""
                    if chance(50) { text += " { topics: [\"a\", \"b\"] }" }
                } else {
                    declaration(nested, indent: indent)
                }
            } else {
                text += "\(name()):"
                gap(lineBreak: true)
                fieldValue()
            }
            if chance(20) { text += "," }
            trailingComment()
            text += "\n"
        }
    }

    mutating func rule(indent: String) {
        text += "rule \(name())"
        if chance(40) { text += " warning" }
        if chance(50) { text += " \"A rule\"" }
        text += " {\n"
        statements(indent: indent + "  ", depth: 0)
        text += indent + "}"
    }

    mutating func function(indent: String) {
        text += "fn \(name())("
        let parameters = count(0...3)
        for index in 0..<parameters {
            if index > 0 { text += ","; gap() }
            text += name()
        }
        if parameters > 0, chance(20) { text += "," }
        text += ")"
        if chance(50) {
            text += " ="
            gap(lineBreak: true)
            expression(depth: 0)
        } else {
            text += " {\n"
            statements(indent: indent + "  ", depth: 1)
            text += indent + "}"
        }
    }

    // MARK: - Statements

    mutating func statements(indent: String, depth: Int) {
        for _ in 0..<count(0...4) {
            comments(indent: indent)
            text += indent
            statement(indent: indent, depth: depth)
            if chance(10) { text += ";" }
            trailingComment()
            text += "\n"
        }
    }

    mutating func statement(indent: String, depth: Int) {
        let choice = depth > 2 ? count(0...1) : count(0...8)
        switch choice {
        case 0: text += "let \(name()) = "; fieldValue()
        case 1: text += pick(["require ", "warn ", "expect "]); expression(depth: 1)
            if chance(60) {
                if chance(30) { text += "\n" + indent + "  " } else { text += " " }
                text += "else \"message \\(x)\\t\""
            }
        case 2: text += "fail \"no \\\\ way\""
        case 3:
            text += "if "; expression(depth: 2); text += " {\n"
            statements(indent: indent + "  ", depth: depth + 1)
            text += indent + "}"
            if chance(50) {
                if chance(50) {
                    text += " else if "; expression(depth: 2); text += " {\n"
                    statements(indent: indent + "  ", depth: depth + 1)
                    text += indent + "}"
                } else {
                    text += " else {\n"; statements(indent: indent + "  ", depth: depth + 1); text += indent + "}"
                }
            }
        case 4:
            text += "for \(name()) in "; operand(depth: 2)
            if chance(40) {
                if chance(30) { text += " where "; expression(depth: 2) }
                text += ", \(name()) in "; operand(depth: 2)
            }
            if chance(40) { text += " where "; expression(depth: 2) }
            text += " {\n"; statements(indent: indent + "  ", depth: depth + 1); text += indent + "}"
        case 5: function(indent: indent)
        default: expression(depth: 1)
        }
    }

    // MARK: - Expressions

    /// A field or `let` value: an expression or cadence phases.
    mutating func fieldValue() {
        switch count(0...9) {
        case 0:
            text += pick(["weekly", "monthly", "every 2 weeks"]) + " for 4 weeks,"
            gap(lineBreak: true)
            text += "then monthly"
            // A weekday pin stays on the line of its cadence, as the grammar requires.
            if chance(50) { text += " on the " + pick(["first", "last"]) + " " + pick(["tuesday", "friday"]) }
        case 1:
            text += "\"\"\"\n    first line \\(x)\n      indented \"quoted\"   \n\n    \"\"\""
        default:
            expression(depth: 0)
        }
    }

    /// A full expression (lambdas, conditionals, `not`, cadence limits allowed).
    mutating func expression(depth: Int) {
        guard depth < 4 else { return operand(depth: depth) }
        switch count(0...9) {
        case 0: text += "\(name()) =>"; gap(lineBreak: true); expression(depth: depth + 1)
        case 1:
            text += "("
            bracketDepth += 1
            for index in 0..<count(0...2) {
                if index > 0 { text += ","; gap() }
                text += name()
            }
            bracketDepth -= 1
            text += ") => "
            expression(depth: depth + 1)
        case 2:
            text += "if "; expression(depth: depth + 1)
            gap(); text += "then "; expression(depth: depth + 1)
            gap(); text += "else "; expression(depth: depth + 1)
        case 3: text += "not "; operand(depth: depth + 1)
        case 4: operand(depth: depth + 1); text += " for "; operand(depth: depth + 1)
        default: chain(depth: depth)
        }
    }

    /// Operands joined by operators of every precedence (at most one comparison).
    mutating func chain(depth: Int) {
        operand(depth: depth + 1)
        var comparisonUsed = false
        for _ in 0..<count(0...4) {
            var op = pick(["+", "-", "*", "/", "and", "or", "??", "==", "!=", "<", "<=", ">", ">="])
            if ["==", "!=", "<", "<=", ">", ">="].contains(op) {
                if comparisonUsed { op = "+" }
                comparisonUsed = true
            }
            text += " " + op
            gap(lineBreak: true)
            operand(depth: depth + 1)
        }
    }

    /// A prefix or postfix expression, or something parenthesised.
    mutating func operand(depth: Int) {
        if depth >= 4 { return literal() }
        switch count(0...12) {
        case 0: text += "-"; operand(depth: depth + 1)
        case 1: text += "every "; operand(depth: depth + 1)
        case 2:
            text += "("; bracketDepth += 1; expression(depth: depth + 1); bracketDepth -= 1; text += ")"
        case 3:
            text += "["
            bracketDepth += 1
            let elements = count(0...4)
            for index in 0..<elements {
                if index > 0 { text += ","; gap() }
                expression(depth: depth + 1)
            }
            if elements > 0, chance(30) { text += "," }
            bracketDepth -= 1
            text += "]"
        case 4: record(depth: depth)
        case 5:
            text += name() + "("
            bracketDepth += 1
            for index in 0..<count(0...3) {
                if index > 0 { text += ","; gap() }
                if chance(30) { text += "\(name()): " }
                expression(depth: depth + 1)
            }
            bracketDepth -= 1
            text += ")"
        case 6:
            operand(depth: depth + 1)
            if chance(25) {
                text += "["; bracketDepth += 1; expression(depth: depth + 1); bracketDepth -= 1; text += "]"
            } else {
                text += "." + pick(["count", "first", "if", "name"])
            }
        case 7: operand(depth: depth + 1); text += " with "; record(depth: depth)
        default: literal()
        }
    }

    mutating func record(depth: Int) {
        text += "{"
        let fields = count(0...3)
        for index in 0..<fields {
            text += index > 0 ? (chance(30) ? "\n" : ", ") : " "
            text += "\(name()): "
            expression(depth: depth + 1)
        }
        if fields > 0, chance(30) { text += "," }
        text += " }"
    }

    mutating func literal() {
        text += pick([
            "none", "true", "false", "42", "007", "3.50", "15%", "2.5%", "2026-01-31", "9:05", "23:59",
            "2 weeks", "1   month", "90 minutes", "\"plain\"", "\"esc \\n \\t \\\" \\\\ \\u{e9} \\0\"",
            "\"// not a comment /* nor this */\"", "\"nested \\(\"in \\(x)\")\"", name(), name(),
        ])
    }
}
