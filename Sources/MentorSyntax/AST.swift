import MentorDiagnostics
import MentorSource

/// A name as written, with where it was written.
public struct Identifier: Sendable, Hashable {
    /// The name's text (identifiers compare by Unicode scalars, without normalisation).
    public var name: String
    /// Where the name stands.
    public var span: Span

    /// Creates an identifier.
    public init(_ name: String, span: Span) {
        self.name = name
        self.span = span
    }
}

/// The offsets of a matching pair of brackets, braces or parentheses. Nodes record where their
/// punctuation stands so the formatter need not find it again in the bytes, where comments may
/// stand between it and the node's parts.
public struct Delimiters: Sendable, Hashable {
    /// Offset of the opening `(`, `[` or `{`.
    public var open: UInt32
    /// Offset of the closing `)`, `]` or `}`.
    public var close: UInt32

    /// Creates a pair of delimiter offsets.
    public init(open: UInt32, close: UInt32) {
        self.open = open
        self.close = close
    }
}

/// One parsed file: its top-level items in source order, plus the comments the parser skipped.
public struct SourceFileSyntax: Sendable, Hashable {
    /// The file the tree was parsed from.
    public var file: FileID
    /// Declarations, imports and statements in source order.
    public var items: [TopLevelItem]
    /// Every comment in the file, in source order (for the formatter).
    public var comments: [Comment]

    /// Creates a file tree.
    public init(file: FileID, items: [TopLevelItem], comments: [Comment]) {
        self.file = file
        self.items = items
        self.comments = comments
    }
}

/// A comment kept for the formatter.
public struct Comment: Sendable, Hashable {
    /// Line (`//`), block (`/* */`) or doc (`///`).
    public enum Kind: Sendable, Hashable { case line, block, doc }
    /// The comment's kind.
    public var kind: Kind
    /// The comment's bytes, delimiters included.
    public var span: Span

    /// Creates a comment.
    public init(kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// Something that may stand at the top of a file.
public enum TopLevelItem: Sendable, Hashable {
    /// `agreement x { … }` and the other declaration kinds.
    case declaration(Declaration)
    /// `import "path.mentor"` or `import std`.
    case importDecl(ImportDecl)
    /// `let`, `fn`, `print(…)`, `for`, `if`, an expression.
    case statement(Stmt)
}

/// `import "relative/path.mentor"` or `import std`.
public struct ImportDecl: Sendable, Hashable {
    /// What is imported.
    public enum Target: Sendable, Hashable {
        /// A relative path, as written (escapes decoded).
        case path(String)
        /// The standard library, all of its rules or some of them.
        case std(StandardSelection)
    }
    /// What is imported.
    public var target: Target
    /// The span of the path string or of `std`.
    public var targetSpan: Span
    /// The whole import.
    public var span: Span

    /// Creates an import.
    public init(target: Target, targetSpan: Span, span: Span) {
        self.target = target
        self.targetSpan = targetSpan
        self.span = span
    }
}

/// Which standard rules an `import std` brings in.
public enum StandardSelection: Sendable, Hashable {
    /// `import std`: every rule.
    case all
    /// `import std.smart_goals`: one rule.
    case only(Identifier)
    /// `import std except no_supervisor, boundaries`: every rule but these.
    case except([Identifier])
}

/// The kinds of declaration (`KIND name ["Title"] [for target] { members }`).
public enum DeclarationKind: String, Sendable, Hashable, CaseIterable {
    case program, competency, pathway, step, person, agreement, goal, agenda, session, rule, test, waiver
    /// A programme-defined field of another kind: `field department for person { type: string }`.
    case field

    /// Kinds allowed at the top level of a file.
    public static let topLevel: [DeclarationKind] = [.program, .competency, .pathway, .person, .agreement, .agenda, .rule, .test, .waiver, .field]

    /// The case's position in `allCases`, for tables indexed by kind.
    public var ordinal: Int {
        switch self {
        case .program: 0
        case .competency: 1
        case .pathway: 2
        case .step: 3
        case .person: 4
        case .agreement: 5
        case .goal: 6
        case .agenda: 7
        case .session: 8
        case .rule: 9
        case .test: 10
        case .waiver: 11
        case .field: 12
        }
    }

    /// Hashes the case, not its spelling: the raw value's string hash was most of the cost of
    /// the per-entity lookups keyed by kind (entities by kind) while declaring.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt8(truncatingIfNeeded: ordinal))
    }
}

/// A declaration of any kind. Which parts are present depends on `kind`:
/// `program "T" {…}` has no name; `session 3 "T"` has a number; `rule` and `test` have a body.
public struct Declaration: Sendable, Hashable {
    // Stored out of reading order: the eight-byte-aligned parts first, then the spans and
    // offsets, with the small fields in the padding after `number`, so that a declaration, and
    // so every top-level item (statements included), is 184 bytes with the punctuation offsets
    // (200 in reading order). Those are kept without an optional's tag byte for the same reason;
    // offset 0 never holds them (the kind word comes first), so it stands for "absent".

    /// The title string (`"Ana Ruiz"`); may contain interpolation syntactically, resolved later.
    public var title: Expr?
    /// The text of the `///` comments before the declaration, markers stripped, lines joined by `\n`.
    public var docComment: String?
    /// Fields and nested declarations, in source order.
    public var members: [Member]
    /// Statements of a `rule` or `test` body.
    public var body: [Stmt]
    /// The declared name (absent for `program` and `test`).
    public var name: Identifier?
    /// The span of the kind word.
    public var kindSpan: Span
    /// `for ana_dave` on an agenda.
    public var target: Identifier?
    /// From the kind word to the closing brace (the doc comment is not part of it).
    public var span: Span
    // Internal, not private, so that the memberwise initialiser is visible to the parser.
    var storedBraces: Delimiters
    /// A session's number (`session 3`), with its span; for a `test`, its pinned date (see `pinnedDate`).
    public var number: Int64?
    /// What is declared.
    public var kind: DeclarationKind
    /// `warning` after a rule's name.
    public var isWarning: Bool
    /// The span of `number`.
    public var numberSpan: Span?
    var storedForOffset: UInt32

    /// `on 2026-09-01` after a test's title: the day `today` stands for while the test runs.
    /// Kept in `number` (as `yyyymmdd`), which a test does not otherwise use, so a declaration
    /// is no larger for it; the offset of `on` is kept in `forOffset`.
    public var pinnedDate: (year: Int, month: Int, day: Int)? {
        get {
            guard kind == .test, let packed = number else { return nil }
            return (Int(packed / 10_000), Int(packed / 100 % 100), Int(packed % 100))
        }
        set { number = newValue.map { Self.packedDate(year: $0.year, month: $0.month, day: $0.day) } }
    }

    /// A pinned date as `number` keeps it (`yyyymmdd`).
    static func packedDate(year: Int, month: Int, day: Int) -> Int64 {
        Int64(year) * 10_000 + Int64(month) * 100 + Int64(day)
    }

    /// Offset of the `for` before `target`.
    public var forOffset: UInt32? {
        get { storedForOffset == 0 ? nil : storedForOffset }
        set { storedForOffset = newValue ?? 0 }
    }

    /// The braces around the members or the body; nil for a declaration written without one.
    public var braces: Delimiters? {
        get { storedBraces == Self.noBraces ? nil : storedBraces }
        set { storedBraces = newValue ?? Self.noBraces }
    }

    static var noBraces: Delimiters { Delimiters(open: 0, close: 0) }

    /// Where diagnostics about this declaration point: its name, else its number, else its kind word.
    public var nameSpan: Span { name?.span ?? numberSpan ?? kindSpan }
}

extension Declaration {
    // In an extension, so the struct keeps its memberwise initialiser: the parser makes every
    // declaration with it, which the optimiser builds in place, where this one's body made a
    // copy of the whole node (retaining each part) and destroyed the original.
    /// Creates a declaration.
    public init(
        kind: DeclarationKind, kindSpan: Span, name: Identifier? = nil, number: Int64? = nil,
        numberSpan: Span? = nil, title: Expr? = nil, target: Identifier? = nil, forOffset: UInt32? = nil,
        isWarning: Bool = false, members: [Member] = [], body: [Stmt] = [], braces: Delimiters? = nil,
        docComment: String? = nil, span: Span
    ) {
        self.init(
            title: title, docComment: docComment, members: members, body: body, name: name, kindSpan: kindSpan,
            target: target, span: span, storedBraces: braces ?? Self.noBraces, number: number, kind: kind,
            isWarning: isWarning, numberSpan: numberSpan, storedForOffset: forOffset ?? 0)
    }

}

/// A member of a declaration body.
public enum Member: Sendable, Hashable {
    /// `name: value`
    case field(Field)
    /// A nested `step`, `goal` or `session`. Boxed so that a member is the size of a field, not
    /// of a whole declaration: member arrays were about 200 bytes an element otherwise.
    indirect case nested(Declaration)
}

/// `name: value` in a declaration body, a record literal or a `with { … }`.
public struct Field: Sendable, Hashable {
    // The name and the span are kept without their file, which is the value's: a whole
    // `Identifier` and `Span` made a field (and so every member of a declaration, the largest
    // part of a held tree) 88 bytes instead of 64. The span starts at the name; its end is not
    // the value's, which a `,` read after a value that ends the input extends.
    private var nameText: String
    private var nameStart: UInt32
    private var nameEnd: UInt32
    /// Offset of the `:`.
    public var colonOffset: UInt32
    private var spanEnd: UInt32
    /// The field's value.
    public var value: Expr

    /// The field's name.
    public var name: Identifier {
        get { Identifier(nameText, span: Span(file: value.span.file, start: nameStart, end: nameEnd)) }
        set {
            nameText = newValue.name
            nameStart = newValue.span.start
            nameEnd = newValue.span.end
        }
    }

    /// From the name to the end of the value.
    public var span: Span { Span(file: value.span.file, start: nameStart, end: spanEnd) }

    /// Creates a field; `name`, `value` and `span` are in one file, and `span` starts where `name` does.
    public init(name: Identifier, colonOffset: UInt32, value: Expr, span: Span) {
        assert(name.span.file == value.span.file && span.file == value.span.file && span.start == name.span.start,
               "a field's name, value and span are in one file, and its span starts at its name")
        self.nameText = name.name
        self.nameStart = name.span.start
        self.nameEnd = name.span.end
        self.colonOffset = colonOffset
        self.spanEnd = span.end
        self.value = value
    }
}

/// A statement (inside a function block, rule, test, or at top level).
public struct Stmt: Sendable, Hashable {
    /// The statement forms.
    public indirect enum Kind: Sendable, Hashable {
        /// `let x = e`
        case letBinding(name: Identifier, value: Expr, equalsOffset: UInt32)
        /// `fn f(a, b) = e` or `fn f(a) { …; e }`
        case function(FunctionDecl, FunctionOffsets)
        /// `if c { … } else { … }`; `else if` nests an `if` statement in `elseBody`.
        case ifStatement(condition: Expr, thenBody: [Stmt], elseBody: [Stmt]?, offsets: IfOffsets)
        /// `for x in xs, y in x.ys where c { … }`; `bindingFilters` are the `where`s before a
        /// later binding (`for x in xs where c, y in x.ys`), `filter` the last binding's.
        case forLoop(bindings: [ForBinding], filter: Expr?, body: [Stmt], whereOffset: UInt32?, braces: Delimiters,
                     bindingFilters: [BindingFilter] = [])
        /// `require c else "msg"` (an error when `c` is false)
        case require(condition: Expr, message: Expr?, elseOffset: UInt32?)
        /// `warn c else "msg"` (a warning when `c` is false)
        case warn(condition: Expr, message: Expr?, elseOffset: UInt32?)
        /// `fail "msg"`
        case fail(message: Expr)
        /// `expect c [else "msg"]` inside `test` blocks
        case expect(condition: Expr, message: Expr?, elseOffset: UInt32?)
        /// Any expression, `print(x)` included.
        case expression(Expr)
        /// A statement the parser could not read; a diagnostic was already reported.
        case error
    }
    /// The statement's form.
    public var kind: Kind
    /// The statement's extent.
    public var span: Span
    /// `///` comments before a top-level `let` or `fn`, for `:doc`.
    public var docComment: String?

    /// Creates a statement.
    public init(_ kind: Kind, span: Span, docComment: String? = nil) {
        self.kind = kind
        self.span = span
        self.docComment = docComment
    }
}

/// Where the braces and the `else` of an `if` statement stand.
public struct IfOffsets: Sendable, Hashable {
    /// The braces of the first block.
    public var thenBraces: Delimiters
    /// Offset of `else`, if there is one.
    public var elseOffset: UInt32?
    /// The braces of the `else` block; nil for `else if`, which has none of its own.
    public var elseBraces: Delimiters?

    /// Creates the offsets of an `if` statement.
    public init(thenBraces: Delimiters, elseOffset: UInt32? = nil, elseBraces: Delimiters? = nil) {
        self.thenBraces = thenBraces
        self.elseOffset = elseOffset
        self.elseBraces = elseBraces
    }
}

/// `name in collection` inside a `for`.
public struct ForBinding: Sendable, Hashable {
    /// The loop variable.
    public var name: Identifier
    /// Offset of the `in` (kept beside `name`, in the padding before `collection`).
    public var inOffset: UInt32
    /// What it ranges over.
    public var collection: Expr

    /// Creates a binding.
    public init(name: Identifier, inOffset: UInt32, collection: Expr) {
        self.name = name
        self.inOffset = inOffset
        self.collection = collection
    }
}

/// `where c` right after a `for` binding that another binding follows (`for p in people where
/// c, g in p.goals`); kept beside the bindings, not in them, so a binding is no larger for it.
public struct BindingFilter: Sendable, Hashable {
    /// The position of the binding it follows.
    public var binding: Int
    /// Offset of the `where`.
    public var whereOffset: UInt32
    /// The condition.
    public var condition: Expr

    /// Creates a binding's filter.
    public init(binding: Int, whereOffset: UInt32, condition: Expr) {
        self.binding = binding
        self.whereOffset = whereOffset
        self.condition = condition
    }
}

/// `fn name(params) = expr` or `fn name(params) { statements; expr }`.
public struct FunctionDecl: Sendable, Hashable {
    /// The function's name.
    public var name: Identifier
    /// Its parameters.
    public var parameters: [Identifier]
    /// `= expr` (a single expression) or `{ … }` (statements, the last expression is the value).
    public var body: FunctionBody

    /// Creates a function declaration.
    public init(name: Identifier, parameters: [Identifier], body: FunctionBody) {
        self.name = name
        self.parameters = parameters
        self.body = body
    }
}

/// Where the punctuation of a written `fn` stands. It is kept beside the declaration rather than
/// in it, since the resolver makes declarations of its own for lambdas, which have none.
public struct FunctionOffsets: Sendable, Hashable {
    /// The parentheses around the parameters.
    public var parentheses: Delimiters
    /// Offset of the `=` of `fn f(a) = e`.
    public var equalsOffset: UInt32?
    /// The braces of `fn f(a) { … }`.
    public var braces: Delimiters?

    /// Creates the offsets of a function declaration.
    public init(parentheses: Delimiters, equalsOffset: UInt32? = nil, braces: Delimiters? = nil) {
        self.parentheses = parentheses
        self.equalsOffset = equalsOffset
        self.braces = braces
    }
}

/// The body of a function.
public enum FunctionBody: Sendable, Hashable {
    /// `= expr`
    case expression(Expr)
    /// `{ statements }`; its value is the value of the last statement if it is an expression, else `none`.
    case block([Stmt])
}

/// Unary operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "not"
}

/// Binary operators, with `??` and the cadence `for`.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"
    case coalesce = "??"
}

/// One piece of a string literal.
public enum StringPart: Sendable, Hashable {
    /// Literal text, escapes decoded (and `"""` indentation removed).
    case text(String)
    /// `\( expr )`
    case interpolation(Expr)
}

/// A call argument, optionally labelled (`sorted(by: f)`).
public struct Argument: Sendable, Hashable {
    /// The label, if any.
    public var label: Identifier?
    /// The argument's value.
    public var value: Expr
    // After `value` and without an optional's tag byte, an argument stays 72 bytes; a `:` is
    // never at offset 0 (its label comes first), so 0 stands for "no label".
    private var storedColonOffset: UInt32

    /// Offset of the `:` after the label.
    public var colonOffset: UInt32? {
        get { storedColonOffset == 0 ? nil : storedColonOffset }
        set { storedColonOffset = newValue ?? 0 }
    }

    /// Creates an argument.
    public init(label: Identifier? = nil, colonOffset: UInt32? = nil, value: Expr) {
        self.label = label
        self.value = value
        self.storedColonOffset = colonOffset ?? 0
    }
}

/// An expression with its span.
public struct Expr: Sendable, Hashable {
    /// The expression forms. Only the cases that hold an `Expr` directly are `indirect`: leaves
    /// (names, literals) and array-holding cases then need no box of their own, which was one
    /// allocation and one release per leaf. The offsets of a node's keywords and punctuation
    /// travel in its payload: in the box of an `indirect` case, or inline where the payload
    /// stays smaller than a name's, so an `Expr` is no larger for them.
    public enum Kind: Sendable, Hashable {
        case noneLiteral
        case boolLiteral(Bool)
        case integerLiteral(Int64)
        case decimalLiteral(Double)
        /// `15%` holds 15; the value is 15/100 and prints as a percentage.
        case percentLiteral(Double)
        /// A string; a plain one has a single `.text` part.
        case stringLiteral([StringPart])
        /// `2026-01-12`, already checked against the calendar. Narrow, with `identifier` holding
        /// only the name, so that no payload is over 16 bytes and an `Expr` is 32 bytes, not 48.
        case dateLiteral(year: Int32, month: UInt8, day: UInt8)
        /// `09:30`
        case timeLiteral(hour: Int, minute: Int)
        /// `4 weeks`
        case durationLiteral(amount: Int64, unit: DurationUnit)
        /// A name; where it stands is the expression's span (see `Expr.identifier`).
        case identifier(String)
        /// `[a, b]`
        case list([Expr], brackets: Delimiters)
        /// `{ key: value, … }`
        case record([Field], braces: Delimiters)
        /// `-x`, `not x`
        indirect case unary(UnaryOperator, Expr)
        /// `a + b` and friends.
        indirect case binary(BinaryOperator, Expr, Expr, operatorOffset: UInt32)
        /// `if c then a else b`
        indirect case conditional(condition: Expr, then: Expr, else: Expr, thenOffset: UInt32, elseOffset: UInt32)
        /// `x => e`, `(x, y) => e` (only the second has `parentheses`)
        indirect case lambda(parameters: [Identifier], body: Expr, parentheses: Delimiters?, arrowOffset: UInt32)
        /// `f(x)`, `x.f(y)` (the callee is then a `.member`).
        indirect case call(callee: Expr, arguments: [Argument], parentheses: Delimiters)
        /// `x.name`
        indirect case member(base: Expr, name: Identifier, dotOffset: UInt32)
        /// `xs[i]`: the element of a list at position `i`, from 0.
        indirect case index(base: Expr, index: Expr, brackets: Delimiters)
        /// `x with { field: value }`
        indirect case with(base: Expr, fields: [Field], withOffset: UInt32, braces: Delimiters)
        /// `every 2 weeks`: a cadence with the given interval.
        indirect case every(Expr)
        /// `weekly for 4 weeks`: a phase limited to a duration.
        indirect case cadenceFor(cadence: Expr, limit: Expr, forOffset: UInt32)
        /// `monthly on the first tuesday`: a month-based phase whose sessions keep a weekday;
        /// the words are checked when the cadence is built.
        indirect case cadenceOn(cadence: Expr, ordinal: Identifier, weekday: Identifier, onOffset: UInt32, theOffset: UInt32)
        /// `C1, then C2, then C3`: phases in sequence (only in member values and `let`s), with
        /// the offset of the `then` before each phase but the first.
        case cadenceThen([Expr], thenOffsets: [UInt32])
        /// `( e )`, kept so the formatter can keep the parentheses.
        indirect case parenthesized(Expr, parentheses: Delimiters)
        /// An expression the parser could not read; a diagnostic was already reported.
        case error
    }
    /// The expression's form.
    public var kind: Kind
    /// The expression's extent.
    public var span: Span

    /// Creates an expression.
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }

    /// A name expression.
    public init(identifier: Identifier) {
        self.init(.identifier(identifier.name), span: identifier.span)
    }

    /// The name, with where it stands, when the expression is a name.
    public var identifier: Identifier? {
        guard case .identifier(let name) = kind else { return nil }
        return Identifier(name, span: span)
    }
}
