import MentorDiagnostics

// Syntax diagnostics (M02xx). Each code is documented, with an example and a fix, in
// docs/diagnostics/syntax.md, and has a golden input in Tests/Golden/syntax/.
extension DiagnosticCode {
    /// M0201: a token the grammar does not allow here ("expected X, found Y").
    public static let unexpectedToken = DiagnosticCode(201)
    /// M0202: a `(`, `[`, `{` or string interpolation that is never closed.
    public static let unclosedDelimiter = DiagnosticCode(202)
    /// M0203: brackets, blocks or expressions nested deeper than the parser's limit.
    public static let nestingTooDeep = DiagnosticCode(203)
    /// M0204: comparisons chained without `and`, such as `a < b < c`.
    public static let chainedComparison = DiagnosticCode(204)
    /// M0205: cadence limits chained, such as `weekly for 4 weeks for 2 weeks`.
    public static let chainedCadenceLimit = DiagnosticCode(205)
    /// M0206: two statements or members on one line without `;` or `,` between them.
    public static let missingSeparator = DiagnosticCode(206)
    /// M0207: an `import` path that interpolates values.
    public static let interpolatedImportPath = DiagnosticCode(207)
    /// M0208: `=>` after something that is not a lambda's parameter list.
    public static let invalidLambdaParameters = DiagnosticCode(208)
    /// M0209: an expression whose tree is deeper than the parser's limit, such as a chain of
    /// thousands of `+` or `.member` links.
    public static let expressionTooDeep = DiagnosticCode(209)
    /// M0210: `=` between two expressions, where `==` compares.
    public static let assignmentAsComparison = DiagnosticCode(210)
    /// M0211: `require c "message"` (or `warn`, `expect`) without the `else` before the message.
    public static let missingElse = DiagnosticCode(211)
}

/// Limits the parser enforces, documented in the header of `Grammar/mentor.ebnf`.
public enum SyntaxLimits {
    /// The deepest nesting of brackets, blocks, bodies and operators the parser accepts.
    public static let maximumNestingDepth = 256
    /// The deepest expression tree the parser builds. Each link of an operator chain
    /// (`a + b + c`) or postfix chain (`a.b.c`, `f(x)(y)`, `x with {…} with {…}`) adds one
    /// level to the tree, as each nested expression does. Every later stage (resolver,
    /// interpreter, formatter, exporters, equality) walks the tree recursively, so this bounds
    /// their stack: at a few KiB a level in an unoptimised build, the deepest tree uses about
    /// 20 MiB of the commands' 512 MiB stack.
    public static let maximumExpressionDepth = 4_096
}
