import MentorDiagnostics
import MentorSource
import Testing

@testable import MentorSyntax

/// The offsets of keywords and punctuation the parser records in the tree (which the formatter
/// prints from): each must be where the lexer found that very token.
@Suite struct ParserOffsetTests {
    /// Every construct with recorded offsets, with comments between some tokens and their
    /// neighbours so that "the next byte" would be the wrong answer.
    static let sample = """
        agreement ana_dave "Ana and Dave" /* body */ {
          mentor /* c */ : dave,
          cadence: weekly for /* c */ 4 weeks, /* c */ then every 2 weeks, then monthly
          goal first "First goal" {
            due: 2026-03-01
          }
        }

        agenda plan for /* c */ ana_dave {
          session 1 "Kick-off" {}
        }

        program "Programme" {}
        person lone "Lone"

        rule checked warning "Checked" {
          for a /* c */ in agreements where /* c */ a.ok, g in a.goals where g.done == false {
            require a.mentor != none else "needs a mentor"
            warn (a.size) > 1 /* c */ else "too big"
          }
        }

        test "arithmetic" {
          expect 1 + 2 == 3 else "sum"
        }

        let xs /* c */ = [1, 2, 3,]
        let rec = { a: 1, b: "x \\(xs.count)" }
        let copy = rec /* c */ with { a: 2 }
        fn add(a, b) /* c */ = a + b
        fn sign(x) {
          if x > 0 { 1 } /* c */ else if x < 0 { -1 } else { 0 }
        }
        let times = (a, b) /* c */ => a * b
        let same = x => x
        let one = () => 1
        let choice = if true /* c */ then 1 else 2
        let ordered = xs /* c */ .sorted(by /* c */ : (a, b) => a < b)
        let sum = (1 /* c */ + 2)
        let empty = []
        let second = xs /* c */ [1]
        """

    /// The constructs the walk must meet in `sample`, so that none goes unchecked.
    static let constructs: Set<String> = [
        "declaration {", "declaration }", "declaration for", "field :",
        "cadence for", "cadence then", "binary operator", "conditional then", "conditional else",
        "lambda (", "lambda )", "lambda =>", "call (", "call )", "argument :", "member .",
        "with", "with {", "with }", "list [", "list ]", "record {", "record }",
        "parenthesized (", "parenthesized )", "let =",
        "fn (", "fn )", "fn =", "fn {", "fn }",
        "for in", "for where", "for binding where", "for {", "for }", "index [", "index ]", "if {", "if }", "if else", "else {", "else }",
        "require else", "warn else", "expect else",
    ]

    @Test func everyRecordedOffsetIsItsToken() throws {
        let file = SourceFile(id: FileID(0), path: "offsets.mentor", text: Self.sample)
        let result = Parser.parse(file)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message))")
        var walk = OffsetWalk()
        for item in result.syntax.items { walk.item(item) }

        var tokenText: [UInt32: String] = [:]
        for token in Lexer.tokenize(file) {
            tokenText[token.start] = file.text(Span(file: file.id, start: token.start, end: token.end))
        }
        for recorded in walk.recorded {
            guard let offset = recorded.offset else {
                Issue.record("\(recorded.construct): no offset recorded")
                continue
            }
            #expect(tokenText[offset] == recorded.text,
                    "\(recorded.construct): offset \(offset) holds \(tokenText[offset] ?? "no token"), not `\(recorded.text)`")
        }
        let met = Set(walk.recorded.map(\.construct))
        #expect(met == Self.constructs, "not met: \(Self.constructs.subtracting(met)); unexpected: \(met.subtracting(Self.constructs))")
        #expect(walk.problems.isEmpty, "\(walk.problems)")
    }

    /// The offsets live in boxes and padding: a leaf expression, a field, an argument and a
    /// top-level item are as large as without them. Declaration's stored order is what keeps
    /// the last one, so a reordering shows here rather than in the memory budget.
    @Test(.enabled(if: MemoryLayout<Int>.size == 8)) func offsetsCostNoMemory() {
        #expect(MemoryLayout<Expr>.stride == 32)
        #expect(MemoryLayout<Field>.stride == 64)
        #expect(MemoryLayout<Member>.stride == 64)
        #expect(MemoryLayout<Argument>.stride == 72)
        #expect(MemoryLayout<ForBinding>.stride == 64)
        #expect(MemoryLayout<Declaration>.stride == 184)
        #expect(MemoryLayout<TopLevelItem>.stride == 184)
    }

    @Test func absentPunctuationIsNil() throws {
        let file = SourceFile(id: FileID(0), path: "absent.mentor", text: "person lone \"Lone\"\nlet x = f(1)\nif a { b }")
        let items = Parser.parse(file).syntax.items
        guard items.count == 3, case .declaration(let person) = items[0], case .statement(let binding) = items[1],
            case .letBinding(_, let value, _) = binding.kind, case .call(_, let arguments, _) = value.kind,
            case .statement(let conditional) = items[2], case .ifStatement(_, _, nil, let offsets) = conditional.kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(person.braces == nil)
        #expect(person.forOffset == nil)
        #expect(arguments.map(\.colonOffset) == [nil])
        #expect(offsets.elseOffset == nil && offsets.elseBraces == nil)
    }
}

/// Collects, for every recorded offset in a tree, the token text it must point at.
private struct OffsetWalk {
    struct Recorded {
        var offset: UInt32?
        var text: String
        var construct: String
    }

    var recorded: [Recorded] = []
    /// Shapes the offsets cannot have in a parsed tree (a count that does not match).
    var problems: [String] = []

    mutating func expect(_ offset: UInt32?, _ text: String, _ construct: String) {
        recorded.append(Recorded(offset: offset, text: text, construct: construct))
    }

    mutating func pair(_ delimiters: Delimiters?, _ open: String, _ close: String, _ construct: String) {
        expect(delimiters?.open, open, "\(construct) \(open)")
        expect(delimiters?.close, close, "\(construct) \(close)")
    }

    mutating func item(_ item: TopLevelItem) {
        switch item {
        case .declaration(let declaration): self.declaration(declaration)
        case .statement(let statement): self.statement(statement)
        case .importDecl: break
        }
    }

    mutating func declaration(_ declaration: Declaration) {
        if let title = declaration.title { expression(title) }
        if declaration.target != nil { expect(declaration.forOffset, "for", "declaration for") }
        if let braces = declaration.braces { pair(braces, "{", "}", "declaration") }
        for member in declaration.members {
            switch member {
            case .field(let field): self.field(field)
            case .nested(let nested): self.declaration(nested)
            }
        }
        statements(declaration.body)
    }

    mutating func field(_ field: Field) {
        expect(field.colonOffset, ":", "field :")
        expression(field.value)
    }

    mutating func statements(_ statements: [Stmt]) {
        for statement in statements { self.statement(statement) }
    }

    mutating func statement(_ statement: Stmt) {
        switch statement.kind {
        case .letBinding(_, let value, let equalsOffset):
            expect(equalsOffset, "=", "let =")
            expression(value)
        case .function(let function, let offsets):
            pair(offsets.parentheses, "(", ")", "fn")
            switch function.body {
            case .expression(let body):
                expect(offsets.equalsOffset, "=", "fn =")
                expression(body)
            case .block(let body):
                pair(offsets.braces, "{", "}", "fn")
                statements(body)
            }
        case .ifStatement(let condition, let thenBody, let elseBody, let offsets):
            expression(condition)
            pair(offsets.thenBraces, "{", "}", "if")
            statements(thenBody)
            guard let elseBody else { break }
            expect(offsets.elseOffset, "else", "if else")
            if let elseBraces = offsets.elseBraces {
                pair(elseBraces, "{", "}", "else")
            } else if elseBody.count != 1 {
                problems.append("an `else` without braces holds \(elseBody.count) statements")
            }
            statements(elseBody)
        case .forLoop(let bindings, let filter, let body, let whereOffset, let braces, let bindingFilters):
            for binding in bindings {
                expect(binding.inOffset, "in", "for in")
                expression(binding.collection)
            }
            for bindingFilter in bindingFilters {
                expect(bindingFilter.whereOffset, "where", "for binding where")
                expression(bindingFilter.condition)
            }
            if let filter {
                expect(whereOffset, "where", "for where")
                expression(filter)
            }
            pair(braces, "{", "}", "for")
            statements(body)
        case .require(let condition, let message, let elseOffset):
            checked(condition, message, elseOffset, "require")
        case .warn(let condition, let message, let elseOffset):
            checked(condition, message, elseOffset, "warn")
        case .expect(let condition, let message, let elseOffset):
            checked(condition, message, elseOffset, "expect")
        case .fail(let message):
            expression(message)
        case .expression(let value):
            expression(value)
        case .error:
            problems.append("an error statement")
        }
    }

    mutating func checked(_ condition: Expr, _ message: Expr?, _ elseOffset: UInt32?, _ keyword: String) {
        expression(condition)
        guard let message else { return }
        expect(elseOffset, "else", "\(keyword) else")
        expression(message)
    }

    mutating func expression(_ expression: Expr) {
        switch expression.kind {
        case .noneLiteral, .boolLiteral, .integerLiteral, .decimalLiteral, .percentLiteral, .dateLiteral,
            .timeLiteral, .durationLiteral, .identifier:
            break
        case .stringLiteral(let parts):
            for case .interpolation(let inner) in parts { self.expression(inner) }
        case .list(let elements, let brackets):
            pair(brackets, "[", "]", "list")
            for element in elements { self.expression(element) }
        case .record(let fields, let braces):
            pair(braces, "{", "}", "record")
            for field in fields { self.field(field) }
        case .unary(_, let operand), .every(let operand):
            self.expression(operand)
        case .binary(let op, let left, let right, let operatorOffset):
            self.expression(left)
            expect(operatorOffset, op.rawValue, "binary operator")
            self.expression(right)
        case .conditional(let condition, let then, let otherwise, let thenOffset, let elseOffset):
            self.expression(condition)
            expect(thenOffset, "then", "conditional then")
            self.expression(then)
            expect(elseOffset, "else", "conditional else")
            self.expression(otherwise)
        case .lambda(let parameters, let body, let parentheses, let arrowOffset):
            if let parentheses {
                pair(parentheses, "(", ")", "lambda")
            } else if parameters.count != 1 {
                problems.append("a lambda without parentheses has \(parameters.count) parameters")
            }
            expect(arrowOffset, "=>", "lambda =>")
            self.expression(body)
        case .call(let callee, let arguments, let parentheses):
            self.expression(callee)
            pair(parentheses, "(", ")", "call")
            for argument in arguments {
                if argument.label != nil { expect(argument.colonOffset, ":", "argument :") }
                self.expression(argument.value)
            }
        case .member(let base, _, let dotOffset):
            self.expression(base)
            expect(dotOffset, ".", "member .")
        case .index(let base, let index, let brackets):
            self.expression(base)
            pair(brackets, "[", "]", "index")
            self.expression(index)
        case .with(let base, let fields, let withOffset, let braces):
            self.expression(base)
            expect(withOffset, "with", "with")
            pair(braces, "{", "}", "with")
            for field in fields { self.field(field) }
        case .cadenceFor(let cadence, let limit, let forOffset):
            self.expression(cadence)
            expect(forOffset, "for", "cadence for")
            self.expression(limit)
        case .cadenceOn(let cadence, let ordinal, let weekday, let onOffset, let theOffset):
            self.expression(cadence)
            expect(onOffset, "on", "cadence on")
            expect(theOffset, "the", "cadence on the")
            if ordinal.span.end > weekday.span.start { problems.append("the pin's ordinal ends after its weekday starts") }
        case .cadenceThen(let phases, let thenOffsets):
            if thenOffsets.count != phases.count - 1 {
                problems.append("\(phases.count) cadence phases with \(thenOffsets.count) `then`s")
            }
            for (index, phase) in phases.enumerated() {
                if index > 0 { expect(index - 1 < thenOffsets.count ? thenOffsets[index - 1] : nil, "then", "cadence then") }
                self.expression(phase)
            }
        case .parenthesized(let inner, let parentheses):
            pair(parentheses, "(", ")", "parenthesized")
            self.expression(inner)
        case .error:
            problems.append("an error expression")
        }
    }
}
