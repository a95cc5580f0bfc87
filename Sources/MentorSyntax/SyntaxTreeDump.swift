import MentorDiagnostics
import MentorSource

/// A span-insensitive rendering of a syntax tree as S-expressions, one top-level item per
/// line, followed by the file's comments in order. Two files print the same exactly when they
/// parse to the same tree with the same comments, wherever things stand; `mentor fmt` is
/// tested with it (formatting must not change it) and so is the formatter's fuzz target.
///
/// Doc comments are compared with each line's trailing blanks removed and comments by their
/// text without trailing blanks (the formatter removes trailing blanks, which are invisible).
public enum SyntaxTreeDump {
    /// The dump of `syntax`; `source` supplies the comments' text.
    public static func render(_ syntax: SourceFileSyntax, source: SourceFile) -> String {
        // One frame a level of the tree, as the formatter: on the large-stack thread.
        LargeStack.run {
            var lines = syntax.items.map(item)
            for comment in syntax.comments {
                lines.append("(comment \(quote(trimmedLines(source.text(comment.span)))))")
            }
            return lines.joined(separator: "\n")
        }
    }

    static func item(_ item: TopLevelItem) -> String {
        switch item {
        case .declaration(let declaration): return self.declaration(declaration)
        case .importDecl(let importDecl):
            switch importDecl.target {
            case .path(let path): return "(import \(quote(path)))"
            case .std(.all): return "(import std)"
            case .std(.only(let name)): return "(import std.\(name.name))"
            case .std(.except(let names)): return "(import std except \(names.map(\.name).joined(separator: " ")))"
            }
        case .statement(let statement): return self.statement(statement)
        }
    }

    static func declaration(_ declaration: Declaration) -> String {
        var parts = ["decl", declaration.kind.rawValue]
        if let name = declaration.name { parts.append(name.name) }
        if let date = declaration.pinnedDate {
            parts.append("on \(date.year)-\(date.month)-\(date.day)")
        } else if let number = declaration.number {
            parts.append("#\(number)")
        }
        if declaration.isWarning { parts.append("warning") }
        if let title = declaration.title { parts.append("(title \(expression(title)))") }
        if let target = declaration.target { parts.append("(for \(target.name))") }
        if let doc = declaration.docComment { parts.append("(doc \(quote(trimmedLines(doc))))") }
        for member in declaration.members {
            switch member {
            case .field(let field): parts.append(self.field(field))
            case .nested(let nested): parts.append(self.declaration(nested))
            }
        }
        if !declaration.body.isEmpty || declaration.kind == .rule || declaration.kind == .test {
            parts.append(block(declaration.body))
        }
        return "(" + parts.joined(separator: " ") + ")"
    }

    static func field(_ field: Field) -> String { "(field \(field.name.name) \(expression(field.value)))" }

    static func block(_ statements: [Stmt]) -> String {
        "(block" + statements.map { " " + statement($0) }.joined() + ")"
    }

    static func statement(_ statement: Stmt) -> String {
        let doc = statement.docComment.map { " (doc \(quote(trimmedLines($0))))" } ?? ""
        switch statement.kind {
        case .letBinding(let name, let value, _): return "(let \(name.name) \(expression(value))\(doc))"
        case .function(let function, _):
            let parameters = "(" + function.parameters.map(\.name).joined(separator: " ") + ")"
            let body: String
            switch function.body {
            case .expression(let value): body = "(= \(expression(value)))"
            case .block(let statements): body = block(statements)
            }
            return "(fn \(function.name.name) \(parameters) \(body)\(doc))"
        case .ifStatement(let condition, let thenBody, let elseBody, _):
            return "(if \(expression(condition)) \(block(thenBody))" + (elseBody.map { " " + block($0) } ?? "") + ")"
        case .forLoop(let bindings, let filter, let body, _, _, let bindingFilters):
            let bound = bindings.enumerated().map { index, binding in
                "(\(binding.name.name) \(expression(binding.collection))"
                    + bindingFilters.filter { $0.binding == index }.map { " (where \(expression($0.condition)))" }.joined() + ")"
            }.joined(separator: " ")
            return "(for (\(bound))" + (filter.map { " (where \(expression($0)))" } ?? "") + " \(block(body)))"
        case .require(let condition, let message, _): return checked("require", condition, message)
        case .warn(let condition, let message, _): return checked("warn", condition, message)
        case .expect(let condition, let message, _): return checked("expect", condition, message)
        case .fail(let message): return "(fail \(expression(message)))"
        case .expression(let value): return value.kind == .error ? "(error)" : expression(value)
        case .error: return "(error)"
        }
    }

    static func checked(_ keyword: String, _ condition: Expr, _ message: Expr?) -> String {
        "(\(keyword) \(expression(condition))" + (message.map { " (else \(expression($0)))" } ?? "") + ")"
    }

    /// One expression; literals print their values, not their spelling.
    public static func expression(_ expression: Expr) -> String {
        switch expression.kind {
        case .noneLiteral: return "none"
        case .boolLiteral(let value): return value ? "true" : "false"
        case .integerLiteral(let value): return "(int \(value))"
        case .decimalLiteral(let value): return "(decimal \(value))"
        case .percentLiteral(let value): return "(percent \(value))"
        case .stringLiteral(let parts):
            let rendered = parts.map { part -> String in
                switch part {
                case .text(let text): return quote(text)
                case .interpolation(let inner): return "(interp \(self.expression(inner)))"
                }
            }
            return "(string" + rendered.map { " " + $0 }.joined() + ")"
        case .dateLiteral(let year, let month, let day): return "(date \(year) \(month) \(day))"
        case .timeLiteral(let hour, let minute): return "(time \(hour) \(minute))"
        case .durationLiteral(let amount, let unit): return "(duration \(amount) \(unit.singular))"
        case .identifier(let name): return name
        case .list(let elements, _): return "(list" + elements.map { " " + self.expression($0) }.joined() + ")"
        case .record(let fields, _): return "(record" + fields.map { " " + field($0) }.joined() + ")"
        case .unary(let op, let operand): return "(\(op.rawValue) \(self.expression(operand)))"
        case .binary(let op, let left, let right, _):
            return "(\(op.rawValue) \(self.expression(left)) \(self.expression(right)))"
        case .conditional(let condition, let then, let otherwise, _, _):
            return "(if \(self.expression(condition)) \(self.expression(then)) \(self.expression(otherwise)))"
        case .lambda(let parameters, let body, _, _):
            return "(lambda (" + parameters.map(\.name).joined(separator: " ") + ") \(self.expression(body)))"
        case .call(let callee, let arguments, _):
            let rendered = arguments.map { argument in
                argument.label.map { "(\($0.name): \(self.expression(argument.value)))" } ?? self.expression(argument.value)
            }
            return "(call \(self.expression(callee))" + rendered.map { " " + $0 }.joined() + ")"
        case .member(let base, let name, _): return "(. \(self.expression(base)) \(name.name))"
        case .index(let base, let index, _): return "(index \(self.expression(base)) \(self.expression(index)))"
        case .with(let base, let fields, _, _): return "(with \(self.expression(base))" + fields.map { " " + field($0) }.joined() + ")"
        case .every(let interval): return "(every \(self.expression(interval)))"
        case .cadenceFor(let cadence, let limit, _): return "(cadence-for \(self.expression(cadence)) \(self.expression(limit)))"
        case .cadenceOn(let cadence, let ordinal, let weekday, _, _):
            return "(cadence-on \(self.expression(cadence)) \(ordinal.name) \(weekday.name))"
        case .cadenceThen(let phases, _): return "(then" + phases.map { " " + self.expression($0) }.joined() + ")"
        case .parenthesized(let inner, _): return "(paren \(self.expression(inner)))"
        case .error: return "(error)"
        }
    }

    /// `text` in double quotes with `\`, `"`, line feeds and control characters escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `text` with blanks at the end of each line removed.
    static func trimmedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                var line = Substring(line)
                while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
                return String(line)
            }
            .joined(separator: "\n")
    }
}
