import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

/// Parses `text` as a file of its own.
func parse(_ text: String, path: String = "test.mentor") -> (ParseResult, SourceFile) {
    let file = SourceFile(id: FileID(0), path: path, text: text)
    return (Parser.parse(file), file)
}

/// A compact, fully parenthesised rendering of syntax trees, so tests can state the expected
/// tree (and thus precedence and associativity) as one line of text.
enum TreeDump {
    static func expr(_ expression: Expr) -> String {
        switch expression.kind {
        case .noneLiteral: return "none"
        case .boolLiteral(let value): return value ? "true" : "false"
        case .integerLiteral(let value): return String(value)
        case .decimalLiteral(let value): return String(value)
        case .percentLiteral(let value): return "\(value)%"
        case .stringLiteral(let parts):
            var text = "\""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .interpolation(let inner): text += "\\(" + expr(inner) + ")"
                }
            }
            return text + "\""
        case .dateLiteral(let year, let month, let day): return "date(\(year)-\(month)-\(day))"
        case .timeLiteral(let hour, let minute): return "time(\(hour):\(minute))"
        case .durationLiteral(let amount, let unit): return "\(amount)\(unit.singular)"
        case .identifier(let name): return name
        case .list(let elements, _): return "[" + elements.map(expr).joined(separator: ", ") + "]"
        case .record(let fields, _): return "{" + fields.map(field).joined(separator: ", ") + "}"
        case .unary(let op, let operand): return "(\(op.rawValue) \(expr(operand)))"
        case .binary(let op, let left, let right, _): return "(\(expr(left)) \(op.rawValue) \(expr(right)))"
        case .conditional(let condition, let then, let otherwise, _, _):
            return "(if \(expr(condition)) then \(expr(then)) else \(expr(otherwise)))"
        case .lambda(let parameters, let body, _, _):
            return "((" + parameters.map(\.name).joined(separator: ", ") + ") => " + expr(body) + ")"
        case .call(let callee, let arguments, _):
            let rendered = arguments.map { argument in
                (argument.label.map { $0.name + ": " } ?? "") + expr(argument.value)
            }
            return expr(callee) + "(" + rendered.joined(separator: ", ") + ")"
        case .member(let base, let name, _): return expr(base) + "." + name.name
        case .index(let base, let index, _): return expr(base) + "[" + expr(index) + "]"
        case .with(let base, let fields, _, _): return "(\(expr(base)) with {" + fields.map(field).joined(separator: ", ") + "})"
        case .every(let interval): return "(every \(expr(interval)))"
        case .cadenceFor(let cadence, let limit, _): return "(\(expr(cadence)) for \(expr(limit)))"
        case .cadenceOn(let cadence, let ordinal, let weekday, _, _): return "(\(expr(cadence)) on the \(ordinal.name) \(weekday.name))"
        case .cadenceThen(let phases, _): return "(" + phases.map(expr).joined(separator: ", then ") + ")"
        case .parenthesized(let inner, _): return "(paren \(expr(inner)))"
        case .error: return "<error>"
        }
    }

    static func field(_ field: Field) -> String { field.name.name + ": " + expr(field.value) }

    static func stmt(_ statement: Stmt) -> String {
        switch statement.kind {
        case .letBinding(let name, let value, _): return "let \(name.name) = \(expr(value))"
        case .function(let function, _):
            let head = "fn \(function.name.name)(" + function.parameters.map(\.name).joined(separator: ", ") + ")"
            switch function.body {
            case .expression(let body): return head + " = " + expr(body)
            case .block(let body): return head + " " + block(body)
            }
        case .ifStatement(let condition, let thenBody, let elseBody, _):
            var text = "if \(expr(condition)) \(block(thenBody))"
            if let elseBody { text += " else \(block(elseBody))" }
            return text
        case .forLoop(let bindings, let filter, let body, _, _, let bindingFilters):
            var text = "for " + bindings.enumerated().map { index, binding in
                "\(binding.name.name) in \(expr(binding.collection))"
                    + bindingFilters.filter { $0.binding == index }.map { " where \(expr($0.condition))" }.joined()
            }.joined(separator: ", ")
            if let filter { text += " where \(expr(filter))" }
            return text + " " + block(body)
        case .require(let condition, let message, _): return "require \(expr(condition))" + otherwise(message)
        case .warn(let condition, let message, _): return "warn \(expr(condition))" + otherwise(message)
        case .expect(let condition, let message, _): return "expect \(expr(condition))" + otherwise(message)
        case .fail(let message): return "fail \(expr(message))"
        case .expression(let expression): return expr(expression)
        case .error: return "<error>"
        }
    }

    static func block(_ statements: [Stmt]) -> String {
        "{ " + statements.map(stmt).joined(separator: "; ") + " }"
    }

    private static func otherwise(_ message: Expr?) -> String { message.map { " else \(expr($0))" } ?? "" }

    static func declaration(_ declaration: Declaration) -> String {
        var text = declaration.kind.rawValue
        if let name = declaration.name { text += " " + name.name }
        if let number = declaration.number { text += " #\(number)" }
        if declaration.isWarning { text += " warning" }
        if let title = declaration.title { text += " " + expr(title) }
        if let target = declaration.target { text += " for " + target.name }
        if declaration.kind == .rule || declaration.kind == .test {
            text += " " + block(declaration.body)
        } else if !declaration.members.isEmpty {
            text += " { " + declaration.members.map(member).joined(separator: "; ") + " }"
        }
        return text
    }

    static func member(_ member: Member) -> String {
        switch member {
        case .field(let value): field(value)
        case .nested(let nested): declaration(nested)
        }
    }

    static func item(_ item: TopLevelItem) -> String {
        switch item {
        case .declaration(let value): declaration(value)
        case .statement(let value): stmt(value)
        case .importDecl(let value):
            switch value.target {
            case .std: "import std"
            case .path(let path): "import \"\(path)\""
            }
        }
    }

    static func file(_ syntax: SourceFileSyntax) -> String { syntax.items.map(item).joined(separator: "\n") }
}

/// Renders diagnostics as `line:column code message` for assertions.
func describe(_ diagnostics: [Diagnostic], in file: SourceFile) -> [String] {
    diagnostics.map { diagnostic in
        let location = file.location(of: diagnostic.span.start)
        return "\(location.line):\(location.column) \(diagnostic.code) \(diagnostic.message)"
    }
}

@Suite struct ParserTreeDumpTests {
    @Test func dumpShowsEveryNestingLevel() {
        let (result, _) = parse("f(a, by: -b).c with { d: [1, \"x\\(y)\"] }")
        #expect(result.diagnostics.isEmpty)
        #expect(TreeDump.file(result.syntax) == "(f(a, by: (- b)).c with {d: [1, \"x\\(y)\"]})")
    }
}
