import MentorDiagnostics
import MentorSyntax
import MentorSource

/// An expression after name resolution: variables are frame slots or global indices, so
/// evaluation never looks a name up by string.
indirect enum Code: Sendable {
    case constant(Value, Span)
    /// A variable `depth` frames up from the current one, at `slot`.
    case local(depth: Int, slot: Int, span: Span)
    /// A global (top-level `let`/`fn`, declaration, collection or built-in).
    case global(Int, Span)
    case list([Code], Span)
    case record([(name: String, value: Code)], Span)
    case interpolation([InterpolationPart], Span)
    case negate(Code, Span)
    case not(Code, Span)
    case binary(BinaryOperator, Code, Code, Span)
    case and(Code, Code, Span)
    case or(Code, Code, Span)
    case coalesce(Code, Code, Span)
    case conditional(Code, Code, Code, Span)
    case lambda(FunctionCode)
    /// A call; `argumentSpans` point at each argument for type errors.
    case call(callee: Code, arguments: [Code], labels: [String?], span: Span, calleeSpan: Span)
    /// `base.name`; `nameSpan` is where the member name stands.
    case member(base: Code, name: MemberName, nameSpan: Span, span: Span)
    /// `base.name(arguments)`: a built-in member, a field holding a function, or a global fn called with `base` first.
    case memberCall(base: Code, name: MemberName, arguments: [Code], labels: [String?], nameSpan: Span, span: Span, fallback: Code?)
    /// `base[index]`: a list's element.
    case index(base: Code, index: Code, span: Span, indexSpan: Span)
    case with(base: Code, fields: [(name: String, nameSpan: Span, value: Code)], span: Span)
    case every(Code, Span)
    case cadenceFor(Code, Code, Span)
    case cadenceOn(Code, WeekdayPin, Span)
    case cadenceThen([Code], Span)
}

/// One piece of an interpolated string.
enum InterpolationPart: Sendable {
    case text(String)
    case value(Code)
}

/// A statement after name resolution.
indirect enum StatementCode: Sendable {
    case setLocal(slot: Int, value: Code)
    case expression(Code, span: Span)
    case ifStatement(condition: Code, then: [StatementCode], else: [StatementCode]?, span: Span)
    case forLoop(bindings: [LoopBinding], filter: Code?, body: [StatementCode])
    case check(CheckKind, condition: Code?, message: Code?, span: Span)
}

/// One `name in collection [where c]` of a resolved `for`.
struct LoopBinding {
    let slot: Int
    let collection: Code
    let span: Span
    /// The `where` right after this binding, checked before the next binding is walked.
    let filter: Code?
}

/// The rule and test statements that record outcomes.
enum CheckKind: Sendable {
    case require, warn, fail, expect
}

/// A function or lambda body with its frame layout.
final class FunctionCode: Sendable {
    /// The name for messages and printing (nil for lambdas).
    let name: String?
    /// How many parameters it takes (they occupy the first slots).
    let parameterCount: Int
    /// Parameter names, for messages.
    let parameterNames: [String]
    /// Slots its frame needs (parameters first).
    let frameSize: Int
    /// The statements of a block body; empty for expression bodies.
    let statements: [StatementCode]
    /// The value: the expression body, or the block's final expression.
    let result: Code?
    /// Where it was written (for call errors).
    let span: Span
    /// The file a lambda was written in, whose text at `span` is printed as its value.
    let source: SourceFile?

    /// The lambda's source text, printed as its value so it reads back; nil when unavailable,
    /// or when `check` gave the file's text back and the file has changed since. Read when
    /// printed, not when resolved: most lambdas are never printed, and `check` gives each
    /// file's text back before resolving it.
    var sourceText: String? { source?.currentText(span) }

    init(name: String?, parameterNames: [String], frameSize: Int, statements: [StatementCode], result: Code?, span: Span, source: SourceFile? = nil) {
        self.source = source
        self.name = name
        self.parameterCount = parameterNames.count
        self.parameterNames = parameterNames
        self.frameSize = frameSize
        self.statements = statements
        self.result = result
        self.span = span
    }
}
