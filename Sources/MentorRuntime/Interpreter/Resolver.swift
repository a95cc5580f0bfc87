import MentorDiagnostics
import MentorSyntax
import MentorSource

/// Where a statement list is allowed to use the rule and test statements.
enum StatementContext: Sendable {
    case script, function, rule, test
}

/// Turns syntax into `Code`: resolves every name once, to a frame slot or a global index,
/// and reports undeclared names with suggestions.
struct Resolver {
    /// Lexical scopes of one function (or script) body; blocks nest inside it.
    final class FunctionScope {
        var blocks: [[String: Int]] = [[:]]
        var slotCount = 0
        let parent: FunctionScope?
        /// Where each slot's name was declared, by slot; kept only while uses are recorded.
        var declarationSpans: [Span] = []
        /// The recorder's number for each open block; kept only while uses are recorded.
        var blockNumbers: [Int] = []

        init(parent: FunctionScope?) { self.parent = parent }

        func declare(_ name: String) -> Int {
            let slot = slotCount
            slotCount += 1
            blocks[blocks.count - 1][name] = slot
            return slot
        }

        var visibleNames: [String] { blocks.flatMap { $0.keys } + (parent?.visibleNames ?? []) }
    }

    let globals: GlobalTable
    /// The programme's schemas, which number its own fields' names.
    let schemas: ProgramSchemas
    /// Gives the source file of an identifier (lambdas print their text from it); nil when unavailable.
    var sourceFile: (FileID) -> SourceFile? = { _ in nil }
    /// The bare words of the field being resolved: its symbols (channels, booking roles) stand
    /// for themselves, and an unknown word lists its words. Nil outside fields and for fields
    /// that take no words.
    private var vocabulary: FieldVocabulary?
    private(set) var diagnostics: [Diagnostic] = []
    private var scope: FunctionScope
    private var context: StatementContext
    /// True once a name is declared or a block opened since the last `restart` (or since the
    /// resolver was made): the outermost scope may then hold names. Kept here, so `restart`
    /// reads no property of the scope object, each read of which was an exclusivity check.
    private var scopeTouched = false
    /// Where names are declared and used, for position queries; nil (the default) records nothing.
    private let recorder: NameUseRecorder?

    init(globals: GlobalTable, schemas: ProgramSchemas = .builtIn, context: StatementContext = .script,
         recorder: NameUseRecorder? = nil) {
        self.globals = globals
        self.schemas = schemas
        self.scope = FunctionScope(parent: nil)
        self.context = context
        self.recorder = recorder
        if let recorder { scope.blockNumbers.append(recorder.newBlock(inside: 0)) }
    }

    /// Makes this resolver as a new one for the next body or field of a file would be, keeping
    /// what it holds on the heap (the source-text closure; its outermost scope while nothing was
    /// declared in it, as in most fields): a file's fields are many and small, and a resolver
    /// made and destroyed for each was a sixth of resolving. The diagnostics of the last body or
    /// field are dropped: read them first.
    mutating func restart(context: StatementContext, field vocabulary: FieldVocabulary? = nil) {
        diagnostics = []
        self.context = context
        self.vocabulary = vocabulary
        // With nothing declared and no block opened, the scope is as new: every dictionary is
        // empty, and spans and block numbers are kept only while uses are recorded. (A function
        // resolved meanwhile declared into its own scope, and put this one back as it was.)
        if scopeTouched || recorder != nil || !isKnownUniquelyReferenced(&scope) {
            scope = FunctionScope(parent: nil)
            if let recorder { scope.blockNumbers.append(recorder.newBlock(inside: 0)) }
        }
        scopeTouched = false
    }

    /// The recorder's number of the innermost open block (0 when nothing is recorded).
    private var currentBlock: Int { scope.blockNumbers.last ?? 0 }

    /// Declares `name` in the innermost block, and records where when uses are recorded.
    private mutating func declare(_ name: Identifier, as kind: LocalKind) -> Int {
        scopeTouched = true
        let slot = scope.declare(name.name)
        if let recorder {
            scope.declarationSpans.append(name.span)
            recorder.declareLocal(name, kind: kind, block: currentBlock)
        }
        return slot
    }

    private mutating func openBlock() {
        scopeTouched = true
        scope.blocks.append([:])
        if let recorder { scope.blockNumbers.append(recorder.newBlock(inside: currentBlock)) }
    }

    private mutating func closeBlock() {
        scope.blocks.removeLast()
        if recorder != nil { scope.blockNumbers.removeLast() }
    }

    /// Slots the outermost frame needs after resolving.
    var frameSize: Int { scope.slotCount }

    /// Declares a name in the outermost scope (parameters of rule/test bodies, bound entities).
    mutating func declareLocal(_ name: String) -> Int {
        scopeTouched = true
        let slot = scope.declare(name)
        if recorder != nil { scope.declarationSpans.append(.unknown) }
        return slot
    }

    // MARK: Statements

    mutating func resolveStatements(_ statements: [Stmt]) -> [StatementCode] {
        statements.compactMap { resolveStatement($0) }
    }

    mutating func resolveStatement(_ statement: Stmt) -> StatementCode? {
        switch statement.kind {
        case .letBinding(let name, let value, _):
            let code = resolveExpression(value)
            let slot = declare(name, as: .let)
            return .setLocal(slot: slot, value: code)
        case .function(let declaration, _):
            // Declared before its body is resolved, so it can call itself.
            let slot = declare(declaration.name, as: .function)
            let code = resolveFunction(declaration, span: statement.span)
            return .setLocal(slot: slot, value: .lambda(code))
        case .ifStatement(let condition, let thenBody, let elseBody, _):
            let conditionCode = resolveExpression(condition)
            let thenCode = resolveBlock(thenBody)
            let elseCode = elseBody.map { resolveBlock($0) }
            return .ifStatement(condition: conditionCode, then: thenCode, else: elseCode, span: condition.span)
        case .forLoop(let bindings, let filter, let body, _, _, let bindingFilters):
            openBlock()
            var resolvedBindings: [LoopBinding] = []
            for (index, binding) in bindings.enumerated() {
                let collection = resolveExpression(binding.collection)
                let slot = declare(binding.name, as: .loopVariable)
                let bindingFilter = bindingFilters.first { $0.binding == index }.map { resolveExpression($0.condition) }
                resolvedBindings.append(LoopBinding(slot: slot, collection: collection, span: binding.collection.span, filter: bindingFilter))
            }
            let filterCode = filter.map { resolveExpression($0) }
            let bodyCode = resolveBlock(body)
            closeBlock()
            return .forLoop(bindings: resolvedBindings, filter: filterCode, body: bodyCode)
        case .require(let condition, let message, _):
            return resolveCheck(.require, keyword: "require", condition: condition, message: message, span: statement.span)
        case .warn(let condition, let message, _):
            return resolveCheck(.warn, keyword: "warn", condition: condition, message: message, span: statement.span)
        case .fail(let message):
            return resolveCheck(.fail, keyword: "fail", condition: nil, message: message, span: statement.span)
        case .expect(let condition, let message, _):
            return resolveCheck(.expect, keyword: "expect", condition: condition, message: message, span: statement.span)
        case .expression(let expression):
            return .expression(resolveExpression(expression), span: expression.span)
        case .error:
            return nil
        }
    }

    private mutating func resolveCheck(_ kind: CheckKind, keyword: String, condition: Expr?, message: Expr?, span: Span) -> StatementCode? {
        let allowed: Bool
        switch kind {
        case .require, .warn, .fail: allowed = context == .rule
        case .expect: allowed = context == .test
        }
        if !allowed {
            let place = kind == .expect ? "a `test` block" : "a `rule`"
            diagnostics.append(Diagnostic(
                .statementOutOfPlace, .error, "`\(keyword)` is only allowed inside \(place)",
                at: Span(file: span.file, start: span.start, end: span.start + UInt32(keyword.utf8.count)),
                help: kind == .expect ? "put it in `test \"name\" { … }`" : "put it in `rule name \"Title\" { … }`"))
        }
        let conditionCode = condition.map { resolveExpression($0) }
        let messageCode = message.map { resolveExpression($0) }
        return .check(kind, condition: conditionCode, message: messageCode, span: span)
    }

    private mutating func resolveBlock(_ statements: [Stmt]) -> [StatementCode] {
        openBlock()
        defer { closeBlock() }
        return resolveStatements(statements)
    }

    mutating func resolveFunction(_ declaration: FunctionDecl, span: Span) -> FunctionCode {
        let outerContext = context
        context = .function
        defer { context = outerContext }
        let inner = FunctionScope(parent: scope)
        if let recorder { inner.blockNumbers.append(recorder.newBlock(inside: currentBlock)) }
        scope = inner
        var seen = Set<String>()
        for parameter in declaration.parameters {
            if !seen.insert(parameter.name).inserted {
                diagnostics.append(Diagnostic(.duplicateParameter, .error, "parameter `\(parameter.name)` is declared twice", at: parameter.span))
            }
            _ = declare(parameter, as: .parameter)
        }
        defer { scope = inner.parent! }
        switch declaration.body {
        case .expression(let body):
            let result = resolveExpression(body)
            return FunctionCode(name: declaration.name.name, parameterNames: declaration.parameters.map(\.name),
                                frameSize: inner.slotCount, statements: [], result: result, span: span)
        case .block(let statements):
            var body = statements
            var resultExpression: Expr?
            if case .expression(let last)? = body.last?.kind {
                resultExpression = last
                body.removeLast()
            }
            let statementCode = resolveStatements(body)
            let result = resultExpression.map { resolveExpression($0) }
            return FunctionCode(name: declaration.name.name, parameterNames: declaration.parameters.map(\.name),
                                frameSize: inner.slotCount, statements: statementCode, result: result, span: span)
        }
    }

    // MARK: Expressions

    /// The value of a literal that resolves to a constant with nothing to report (a number, a
    /// plain string, a date in the calendar, …), as `resolveExpression` makes it; nil for any
    /// other expression. A declaration field that is one is stored without building its `Code`
    /// (a box allocated only to be read and freed).
    static func plainLiteral(_ expression: Expr) -> Value? {
        switch expression.kind {
        case .noneLiteral: return Value.none
        case .boolLiteral(let value): return .bool(value)
        case .integerLiteral(let value): return .integer(value)
        case .decimalLiteral(let value): return .number(.decimal(value))
        case .percentLiteral(let value): return .number(.percent(value))
        case .stringLiteral(let parts):
            if parts.isEmpty { return .string("") }
            if parts.count == 1, case .text(let text) = parts[0] { return .string(text) }
            return nil
        case .dateLiteral(let year, let month, let day):
            return CivilDate(year: Int(year), month: Int(month), day: Int(day)).map(Value.date)
        case .timeLiteral(let hour, let minute):
            return TimeOfDay(hour: hour, minute: minute).map(Value.time)
        case .durationLiteral(let amount, let unit):
            return .duration(CalendarDuration(amount: amount, unit: unit))
        default:
            return nil
        }
    }

    mutating func resolveExpression(_ expression: Expr) -> Code {
        let span = expression.span
        switch expression.kind {
        case .noneLiteral: return .constant(.none, span)
        case .boolLiteral(let value): return .constant(.bool(value), span)
        case .integerLiteral(let value): return .constant(.integer(value), span)
        case .decimalLiteral(let value): return .constant(.number(.decimal(value)), span)
        case .percentLiteral(let value): return .constant(.number(.percent(value)), span)
        case .stringLiteral(let parts):
            if parts.isEmpty { return .constant(.string(""), span) }
            if parts.count == 1, case .text(let text) = parts[0] { return .constant(.string(text), span) }
            return .interpolation(parts.map { part in
                switch part {
                case .text(let text): .text(text)
                case .interpolation(let inner): .value(resolveExpression(inner))
                }
            }, span)
        case .dateLiteral(let year, let month, let day):
            guard let date = CivilDate(year: Int(year), month: Int(month), day: Int(day)) else {
                diagnostics.append(Diagnostic(.invalidDateValue, .error, "\(year)-\(month)-\(day) is not a date in the calendar", at: span))
                return .constant(.none, span)
            }
            return .constant(.date(date), span)
        case .timeLiteral(let hour, let minute):
            guard let time = TimeOfDay(hour: hour, minute: minute) else {
                diagnostics.append(Diagnostic(.invalidDateValue, .error, "\(hour):\(minute) is not a time of day", at: span))
                return .constant(.none, span)
            }
            return .constant(.time(time), span)
        case .durationLiteral(let amount, let unit):
            return .constant(.duration(CalendarDuration(amount: amount, unit: unit)), span)
        case .identifier(let name):
            return resolveName(Identifier(name, span: span))
        case .list(let elements, _):
            return .list(elements.map { resolveExpression($0) }, span)
        case .record(let fields, _):
            // A literal's handful of names are compared pairwise: a set of them cost ten times as
            // much (1,400 instructions a record); a long literal (a generated one) uses the set.
            var seen = Set<String>()
            for index in fields.indices {
                let name = fields[index].name
                let repeated = fields.count <= 16 ? fields[..<index].contains { $0.name.name == name.name } : !seen.insert(name.name).inserted
                if repeated {
                    diagnostics.append(Diagnostic(.duplicateField, .error, "field `\(name.name)` is given twice", at: name.span))
                }
            }
            return .record(fields.map { (name: $0.name.name, value: resolveExpression($0.value)) }, span)
        case .unary(.negate, let operand):
            return .negate(resolveExpression(operand), span)
        case .unary(.not, let operand):
            return .not(resolveExpression(operand), span)
        case .binary(.and, let left, let right, _):
            return .and(resolveExpression(left), resolveExpression(right), span)
        case .binary(.or, let left, let right, _):
            return .or(resolveExpression(left), resolveExpression(right), span)
        case .binary(.coalesce, let left, let right, _):
            return .coalesce(resolveExpression(left), resolveExpression(right), span)
        case .binary(let op, let left, let right, _):
            if op == .equal || op == .notEqual {
                warnIfHidingWord(left)
                warnIfHidingWord(right)
            }
            return .binary(op, resolveExpression(left), resolveExpression(right), span)
        case .conditional(let condition, let thenBranch, let elseBranch, _, _):
            return .conditional(resolveExpression(condition), resolveExpression(thenBranch), resolveExpression(elseBranch), span)
        case .lambda(let parameters, let body, _, _):
            let declaration = FunctionDecl(name: Identifier("<lambda>", span: span), parameters: parameters, body: .expression(body))
            let code = resolveFunction(declaration, span: span)
            return .lambda(FunctionCode(name: nil, parameterNames: code.parameterNames, frameSize: code.frameSize,
                                        statements: [], result: code.result, span: span, source: sourceFile(span.file)))
        case .call(let callee, let arguments, _):
            let argumentCode = arguments.map { resolveExpression($0.value) }
            let labels = arguments.map { $0.label?.name }
            if case .member(let base, let name, _) = callee.kind {
                if name.name == "contains" { for argument in arguments { warnIfHidingWord(argument.value) } }
                let baseCode = resolveExpression(base)
                recordStandardRule(base: base, name: name)
                // `x.f(y)` may mean a global `fn f(x, y)` when x has no member f.
                let fallback = globals.index(of: name.name).map { Code.global($0, name.span) }
                return .memberCall(base: baseCode, name: MemberName(name.name, schemas: schemas), arguments: argumentCode, labels: labels,
                                   nameSpan: name.span, span: span, fallback: fallback)
            }
            return .call(callee: resolveExpression(callee), arguments: argumentCode, labels: labels, span: span, calleeSpan: callee.span)
        case .member(let base, let name, _):
            recordStandardRule(base: base, name: name)
            let baseCode = resolveExpression(base)
            checkStandardRule(baseCode, name)
            return .member(base: baseCode, name: MemberName(name.name, schemas: schemas), nameSpan: name.span, span: span)
        case .index(let base, let index, _):
            return .index(base: resolveExpression(base), index: resolveExpression(index), span: span, indexSpan: index.span)
        case .with(let base, let fields, _, _):
            return .with(base: resolveExpression(base),
                         fields: fields.map { (name: $0.name.name, nameSpan: $0.name.span, value: resolveExpression($0.value)) },
                         span: span)
        case .every(let interval):
            return .every(resolveExpression(interval), span)
        case .cadenceFor(let cadence, let limit, _):
            return .cadenceFor(resolveExpression(cadence), resolveExpression(limit), span)
        case .cadenceOn(let cadence, let ordinal, let weekday, _, _):
            let base = resolveExpression(cadence)
            // An unknown word is reported here; the cadence stays unpinned, so nothing else cascades.
            guard let pin = resolveWeekdayPin(ordinal: ordinal, weekday: weekday) else { return base }
            return .cadenceOn(base, pin, span)
        case .cadenceThen(let phases, _):
            return .cadenceThen(phases.map { resolveExpression($0) }, span)
        case .parenthesized(let inner, _):
            return resolveExpression(inner)
        case .error:
            return .constant(.none, span)
        }
    }

    /// The pin `on the ORDINAL WEEKDAY` names, or nil after M0310 for each word that is not a
    /// valid one, listing the valid words.
    private mutating func resolveWeekdayPin(ordinal: Identifier, weekday: Identifier) -> WeekdayPin? {
        let words: [(Identifier, DomainWords)] = [(ordinal, .ordinals), (weekday, .weekdays)]
        for (identifier, domain) in words where !domain.validWords.contains(identifier.name) {
            diagnostics.append(.unknownName(
                .unknownDomainWord, .error, "`\(identifier.name)` is not \(withIndefiniteArticle(domain.noun))",
                name: identifier.name, at: identifier.span, among: [SuggestionCandidates(domain.nameWords)],
                label: "not \(withIndefiniteArticle(domain.noun))", help: domain.listing,
                meant: domain.synonym(of: identifier.name)))
        }
        return WeekdayPin(ordinalWord: ordinal.name, weekdayWord: weekday.name)
    }

    /// M0311 for a symbol word compared with `==`, `!=` or `contains` where a declared entity of
    /// that name hides the word (`a.booking == mentor` with a person `mentor`): the comparison
    /// is with the entity, which is rarely what was meant.
    private mutating func warnIfHidingWord(_ expression: Expr) {
        guard let identifier = expression.identifier, let meaning = SymbolVocabulary.meaning(of: identifier.name),
              !isLocal(identifier.name), vocabulary?.symbols.contains(identifier.name) != true,
              let index = globals.index(of: identifier.name), case .entity(let entity, let nameSpan) = globals.bindings[index]
        else { return }
        diagnostics.append(Diagnostic(
            .hiddenSymbolWord, .warning,
            "`\(identifier.name)` here is the \(entity.kind.rawValue) `\(identifier.name)`, not the symbol `\(identifier.name)` (\(meaning))",
            at: identifier.span, label: "the \(entity.kind.rawValue)",
            notes: [DiagnosticNote("the \(entity.kind.rawValue) is declared here", at: nameSpan)],
            help: "a declared name hides the word of the same spelling; rename the \(entity.kind.rawValue) to compare with the word"))
    }

    private func isLocal(_ name: String) -> Bool {
        var current: FunctionScope? = scope
        while let functionScope = current {
            if functionScope.blocks.contains(where: { $0[name] != nil }) { return true }
            current = functionScope.parent
        }
        return false
    }

    /// `std.NAME` names a standard rule the programme imported: one it left out (`import std
    /// except NAME`) or one that does not exist is an error here, not a missing record member later.
    private mutating func checkStandardRule(_ base: Code, _ name: Identifier) {
        guard case .global(let index, _) = base, index == globals.index(of: "std"),
              case .value(.record(let imported)) = globals.bindings[index], imported[name.name] == nil
        else { return }
        if StandardLibrary.ruleNames.contains(name.name) {
            diagnostics.append(Diagnostic(.standardRuleNotImported, .error, "the standard rule `\(name.name)` is not imported", at: name.span,
                                          label: "left out by this programme's `import std…`",
                                          help: "add `import std.\(name.name)`, or remove it from the `except` list"))
        } else {
            diagnostics.append(.unknownName(.unknownStandardRule, .error, "`\(name.name)` is not a standard rule",
                                            name: name.name, at: name.span, among: imported.fields.map(\.name), label: "not a standard rule"))
        }
    }

    private mutating func resolveName(_ identifier: Identifier) -> Code {
        // A field declares no local (nor do most bodies' outermost scopes before their first
        // `let`): in an outermost scope where nothing was declared since `restart`, no block is
        // searched. Most names resolved are in fields, and searching their empty block cost
        // about 80 instructions a name.
        if scopeTouched || scope.parent != nil, let local = resolveLocal(identifier) { return local }
        if vocabulary?.symbols.contains(identifier.name) == true {
            return .constant(.symbol(identifier.name), identifier.span)
        }
        if let index = globals.index(of: identifier.name) {
            recorder?.use(identifier.span, of: .global(identifier.name), in: currentBlock)
            return .global(index, identifier.span)
        }
        if let fieldWords = vocabulary?.words {
            diagnostics.append(.unknownName(
                .unknownDomainWord, .error, "`\(identifier.name)` is not \(withIndefiniteArticle(fieldWords.noun))",
                name: identifier.name, at: identifier.span,
                among: [SuggestionCandidates(fieldWords.nameWords + scope.visibleNames), globals.suggestionCandidates],
                label: "not \(withIndefiniteArticle(fieldWords.noun))", help: fieldWords.listing,
                meant: fieldWords.synonym(of: identifier.name)))
            return .constant(.none, identifier.span)
        }
        // The symbol vocabulary comes last, so a declared name or a local always wins over a word.
        if SymbolVocabulary.all.contains(identifier.name) {
            return .constant(.symbol(identifier.name), identifier.span)
        }
        // A name of three letters is found inside longer words (`one` in `phone`): the symbol
        // words are offered only for longer names, where a near miss is a typo (`vidoe`).
        let words = identifier.name.unicodeScalars.count > 3 ? Array(SymbolVocabulary.all) : []
        let candidates = [SuggestionCandidates(scope.visibleNames + (vocabulary?.symbols ?? []) + words), globals.suggestionCandidates]
        diagnostics.append(.unknownName(
            .undeclaredName, .error, "cannot find `\(identifier.name)` in scope",
            name: identifier.name, at: identifier.span, among: candidates, label: "not declared",
            meant: DomainWords.anySynonym(of: identifier.name)))
        return .constant(.none, identifier.span)
    }

    /// The local `identifier` names, innermost block first; nil when it names none.
    private func resolveLocal(_ identifier: Identifier) -> Code? {
        var depth = 0
        var current: FunctionScope? = scope
        while let functionScope = current {
            for block in functionScope.blocks.reversed() {
                guard let slot = block[identifier.name] else { continue }
                if let recorder, slot < functionScope.declarationSpans.count, functionScope.declarationSpans[slot] != .unknown {
                    recorder.use(identifier.span, of: .local(functionScope.declarationSpans[slot]), in: currentBlock)
                }
                return .local(depth: depth, slot: slot, span: identifier.span)
            }
            depth += 1
            current = functionScope.parent
        }
        return nil
    }

    /// Records `std.NAME` as a use of the standard rule, when `std` is the global.
    private func recordStandardRule(base: Expr, name: Identifier) {
        guard let recorder, case .identifier("std") = base.kind,
              !scope.visibleNames.contains("std") else { return }
        recorder.use(name.span, of: .standardRule(name.name), in: currentBlock)
    }
}
