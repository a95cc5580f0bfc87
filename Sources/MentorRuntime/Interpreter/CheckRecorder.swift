import MentorDiagnostics
import MentorSyntax
import MentorSource

/// One outcome of a `require`, `warn`, `fail` or `expect` that did not hold.
struct CheckOutcome: Sendable {
    let kind: CheckKind
    /// The `else` message, if one was given.
    let message: String?
    /// The whole statement.
    let span: Span
    /// The condition, when there is one.
    let conditionSpan: Span?
    /// The entity bound by the innermost `for`, where the violation is reported.
    let entity: EntityRef?
    /// For `expect a == b`: both sides' values.
    let sides: (left: String, right: String)?
}

/// Collects the outcomes of checks while a rule or a test runs.
final class CheckRecorder {
    private(set) var outcomes: [CheckOutcome] = []

    /// Records a check that did not hold; `sides` are a failed comparison's operands.
    /// `names` is where the operands' entity names are read.
    func record(kind: CheckKind, message: String?, span: Span, conditionSpan: Span?, entity: EntityRef?,
                sides: (left: Value, right: Value)?, names: EntityStore) {
        let text = sides.map { ($0.left.sourceText(truncatedTo: 1_000, in: names), $0.right.sourceText(truncatedTo: 1_000, in: names)) }
        outcomes.append(CheckOutcome(kind: kind, message: message, span: span, conditionSpan: conditionSpan, entity: entity, sides: text))
    }
}

extension BinaryOperator {
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`: the operators whose failed `expect` shows both sides.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        case .add, .subtract, .multiply, .divide, .and, .or, .coalesce: false
        }
    }
}
