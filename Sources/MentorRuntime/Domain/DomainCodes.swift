import MentorDiagnostics

// Codes of declaration checks and rules (M05xx); docs/diagnostics.md explains each.
extension DiagnosticCode {
    /// A field the declaration kind does not have.
    public static let unknownField = DiagnosticCode(501)
    /// A field value of the wrong type.
    public static let fieldTypeMismatch = DiagnosticCode(502)
    /// A required field is missing.
    public static let missingField = DiagnosticCode(503)
    /// A name declared twice.
    public static let duplicateDeclaration = DiagnosticCode(504)
    /// An agreement whose mentor is its mentee.
    public static let mentorIsMentee = DiagnosticCode(505)
    /// Competencies that require each other in a cycle.
    public static let requiresCycle = DiagnosticCode(506)
    /// A completed step that is not in the person's pathway.
    public static let stepNotInPathway = DiagnosticCode(507)
    /// Completion dates that go against the pathway's order.
    public static let stepsOutOfOrder = DiagnosticCode(508)
    /// An agenda `for` something that is not an agreement.
    public static let agendaTarget = DiagnosticCode(509)
    /// Agenda sessions repeated or out of order.
    public static let sessionOrder = DiagnosticCode(510)
    /// More than one `program`.
    public static let secondProgram = DiagnosticCode(511)
    /// A cadence phase in which no session falls.
    public static let emptyPhase = DiagnosticCode(512)
    /// A cadence phase that starts on or after the agreement's end.
    public static let phaseNeverReached = DiagnosticCode(513)
    /// A held session outside the agreement's dates.
    public static let heldOutsideAgreement = DiagnosticCode(514)
    /// An agreement closed before it starts.
    public static let closedBeforeStart = DiagnosticCode(515)
    /// A signature by someone who is not a party to the agreement.
    public static let signedByNonParty = DiagnosticCode(516)
    /// A nested declaration in a place it does not belong (a goal in a person).
    public static let misplacedDeclaration = DiagnosticCode(517)
    /// An `error`-severity rule violation.
    public static let ruleViolation = DiagnosticCode(520)
    /// A `warning`-severity rule violation or a `warn` statement.
    public static let ruleWarning = DiagnosticCode(521)
    /// A runtime error inside a rule; the other rules still run.
    public static let ruleFailed = DiagnosticCode(522)
    /// An `import` that cannot be loaded.
    public static let importFailed = DiagnosticCode(530)
    /// An agenda action owned by someone who is not a party to the agreement.
    public static let actionOwnerNotParty = DiagnosticCode(550)
    /// A `held` record whose observer is the agreement's mentee.
    public static let observerIsMentee = DiagnosticCode(551)
    /// A `field` declaration without `for KIND`, or for something that is not a kind with fields.
    public static let fieldWithoutKind = DiagnosticCode(552)
    /// A `field` declaration whose `type` is not a type.
    public static let unknownFieldType = DiagnosticCode(553)
    /// A `field` declaration whose name a built-in field or member of the kind already has.
    public static let fieldNameTaken = DiagnosticCode(554)
}
