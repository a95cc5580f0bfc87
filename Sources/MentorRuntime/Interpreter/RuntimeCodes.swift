import MentorDiagnostics

// Codes of the resolver (M03xx) and of evaluation (M04xx); docs/diagnostics.md explains each.
extension DiagnosticCode {
    /// A name that is not declared anywhere in scope.
    public static let undeclaredName = DiagnosticCode(301)
    /// `require`/`warn`/`fail` outside a rule, `expect` outside a test.
    public static let statementOutOfPlace = DiagnosticCode(302)
    /// A function with two parameters of the same name.
    public static let duplicateParameter = DiagnosticCode(303)
    /// A record literal or `with` giving the same field twice.
    public static let duplicateField = DiagnosticCode(304)
    /// A date or time literal that is not in the calendar (normally caught by the lexer).
    public static let invalidDateValue = DiagnosticCode(305)
    /// A top-level `let` or `fn` declared twice.
    public static let duplicateGlobal = DiagnosticCode(306)
    /// Top-level `let`s that depend on each other in a cycle.
    public static let letCycle = DiagnosticCode(307)
    /// A word a field does not take (`cadence: fortnightly`, `channels: [zoom]`, `confidential: yes`).
    public static let unknownDomainWord = DiagnosticCode(310)
    /// A symbol word compared where a declared entity of that name hides it (warning).
    public static let hiddenSymbolWord = DiagnosticCode(311)

    /// An operator applied to values it does not take (`"a" - 1`).
    public static let typeMismatch = DiagnosticCode(401)
    /// Integer arithmetic beyond 64 bits.
    public static let integerOverflow = DiagnosticCode(402)
    /// Division by zero.
    public static let divisionByZero = DiagnosticCode(403)
    /// Calling something that is not a function.
    public static let notCallable = DiagnosticCode(404)
    /// A call with the wrong number of arguments.
    public static let wrongArgumentCount = DiagnosticCode(405)
    /// A member that the value does not have.
    public static let unknownMember = DiagnosticCode(406)
    /// Recursion deeper than the limit.
    public static let recursionLimit = DiagnosticCode(407)
    /// More evaluation steps than the budget.
    public static let stepBudgetExhausted = DiagnosticCode(408)
    /// Month-based and day-based durations compared, or a date plus hours.
    public static let calendarMismatch = DiagnosticCode(409)
    /// A date computation outside years 1 to 9999.
    public static let dateOutOfRange = DiagnosticCode(410)
    /// An ill-formed cadence (`every 0 days`, a phase after an unlimited one).
    public static let invalidCadence = DiagnosticCode(411)
    /// Evaluation stopped by Ctrl-C.
    public static let interrupted = DiagnosticCode(412)
    /// A comparison between values that have no order.
    public static let notComparable = DiagnosticCode(413)
    /// A list or string too long to build.
    public static let sizeLimit = DiagnosticCode(414)
    /// A symbol compared with a value of another type (`a.booking == "mentee"`).
    public static let symbolComparison = DiagnosticCode(420)
    /// A list index outside the list (`xs[5]` of three elements).
    public static let indexOutOfRange = DiagnosticCode(421)
    /// A user `fn` named after a dot without the parentheses that call it.
    public static let functionNotCalled = DiagnosticCode(422)
}
