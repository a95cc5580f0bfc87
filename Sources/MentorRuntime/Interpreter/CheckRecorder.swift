import MentorDiagnostics
import MentorSyntax

/// One outcome of a `require`, `warn`, `fail` or `expect` that did not hold.
struct CheckOutcome {
    let kind: CheckKind
    /// The `else` message, if one was given.
    let message: String?
    /// The whole statement.
    let span: Span
    /// The condition, when there is one.
    let conditionSpan: Span?
    /// The entity bound by the innermost `for`, where the violation is reported.
    let entity: Entity?
    /// For `expect a == b`: both sides' values.
    let sides: (left: String, right: String)?
}

/// Collects the outcomes of checks while a rule or a test runs.
final class CheckRecorder {
    private(set) var outcomes: [CheckOutcome] = []

    func record(kind: CheckKind, message: String?, span: Span, conditionSpan: Span?, entity: Entity?,
                interpreter: Interpreter, frame: Frame, condition: Code?) {
        var sides: (String, String)?
        if kind == .expect, case .binary(let op, let left, let right, _)? = condition,
           [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op),
           let leftValue = try? interpreter.evaluate(left, frame), let rightValue = try? interpreter.evaluate(right, frame) {
            sides = (leftValue.sourceText(truncatedTo: 1_000), rightValue.sourceText(truncatedTo: 1_000))
        }
        outcomes.append(CheckOutcome(kind: kind, message: message, span: span, conditionSpan: conditionSpan, entity: entity, sides: sides))
    }
}
