import MentorDiagnostics
import MentorSource

/// A function implemented in Swift, such as `print`.
public struct BuiltinFunction: Sendable {
    /// Its name, as users call it.
    public let name: String
    let body: @Sendable (_ arguments: [Value], _ labels: [String?], _ span: Span, _ interpreter: Interpreter) throws -> Value

    init(_ name: String, _ body: @escaping @Sendable (_ arguments: [Value], _ labels: [String?], _ span: Span, _ interpreter: Interpreter) throws -> Value) {
        self.name = name
        self.body = body
    }

    func call(_ arguments: [Value], labels: [String?], span: Span, interpreter: Interpreter) throws -> Value {
        try body(arguments, labels, span, interpreter)
    }
}

/// The built-in free functions and constants every programme sees.
enum Builtins {
    /// `print(a, b, …)` writes its arguments separated by spaces, then a line break. Control
    /// characters other than line breaks and tabs are written as `\u{1B}`-style escapes, so a
    /// programme cannot send terminal escape sequences (docs/robustness.md).
    static let print = BuiltinFunction("print") { arguments, _, span, interpreter in
        var line = ""
        for (index, argument) in arguments.enumerated() {
            if index > 0 { line += " " }
            line += try interpreter.text(of: argument, display: true, span: span)
            if line.utf8.count > interpreter.limits.maxStringLength { throw interpreter.stringTooLong(span) }
        }
        interpreter.output(DisplayText.escapeControls(line, keepingLineBreaks: true) + "\n")
        return .none
    }

    /// Named values bound in every programme before user declarations.
    static func install(into globals: GlobalTable) {
        globals.define("print", .value(.function(.builtin(print))))
        globals.define("violations", .value(.function(.builtin(RuleRunner.violationsBuiltin))))
        globals.define("weekly", .value(.cadence(.weekly)))
        globals.define("biweekly", .value(.cadence(.biweekly)))
        globals.define("monthly", .value(.cadence(.monthly)))
        globals.define("today", .today)
        globals.define("program", .programEntity)
        globals.define("agreements", .collection(.agreement))
        globals.define("people", .collection(.person))
        globals.define("competencies", .collection(.competency))
        globals.define("pathways", .collection(.pathway))
        globals.define("agendas", .collection(.agenda))
        globals.define("rules", .collection(.rule))
        globals.define("goals", .allGoals)
    }
}

/// Checks the number of arguments a built-in was given.
func expectArguments(_ arguments: [Value], _ count: Int, name: String, span: Span) throws {
    guard arguments.count == count else {
        throw RuntimeError(.wrongArgumentCount,
                           "`\(name)` takes \(plural(count, "argument")), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given",
                           at: span)
    }
}
