import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The outcome of running every rule.
public struct CheckReport: Sendable {
    /// Violations and rule failures, as diagnostics (waived violations too, marked by their
    /// `waiver`), and the warnings about waivers that expired or waive nothing.
    public var diagnostics: [Diagnostic]
    /// Per rule: its name, title and the diagnostics it produced (for JUnit output).
    public var rules: [(name: String, title: String?, diagnostics: [Diagnostic])]
}

/// The outcome of one `test` block.
public struct TestResult: Sendable {
    /// The test's name.
    public let name: String
    /// Where the test is declared.
    public let span: Span
    /// Failures (failed `expect`s and runtime errors), as diagnostics.
    public let failures: [Diagnostic]
    /// True when nothing failed.
    public var passed: Bool { failures.isEmpty }
}

/// Runs rules and tests.
enum RuleRunner {
    /// `violations(rule, entity)`: runs one rule with its `for`s over the entity's kind restricted to it.
    static let violationsBuiltin = BuiltinFunction("violations") { arguments, _, span, interpreter in
        try expectArguments(arguments, 2, name: "violations", span: span)
        guard case .entity(let rule) = arguments[0], rule.kind == .rule else {
            throw RuntimeError(.typeMismatch, "`violations` needs a rule first, but got \(describeType(arguments[0], interpreter.model.store))", at: span)
        }
        guard case .entity(let subject) = arguments[1] else {
            throw RuntimeError(.typeMismatch, "`violations` needs an entity second, but got \(describeType(arguments[1], interpreter.model.store))", at: span)
        }
        let outcomes = try interpreter.runRuleBody(rule, restrictedTo: subject)
        let model = interpreter.model
        return .list(outcomes.map { outcome in
            .record(Record([
                ("rule", .string(model.name(of: rule))),
                ("severity", .symbol(severity(of: outcome, rule: rule, in: model) == .error ? "error" : "warning")),
                ("message", .string(message(of: outcome, rule: rule, in: model))),
                ("entity", outcome.entity.map { .entity($0) } ?? .none),
            ]))
        })
    }

    static func severity(of outcome: CheckOutcome, rule: EntityRef, in model: ProgramModel) -> Severity {
        if outcome.kind == .warn || model.site(of: rule).isWarning { return .warning }
        return .error
    }

    static func message(of outcome: CheckOutcome, rule: EntityRef, in model: ProgramModel) -> String {
        outcome.message ?? (model.title(of: rule).map { "violates `\(model.name(of: rule))`: \($0)" } ?? "violates `\(model.name(of: rule))`")
    }
}

extension Interpreter {
    /// Runs a rule's body as `violations(rule, subject)` does: every `for` over the subject's
    /// kind binds only the subject, and a `with` copy stands in for its original everywhere.
    /// The interpreter's overlay, bound entities and recorder are restored afterwards.
    func runRuleBody(_ rule: EntityRef, restrictedTo subject: EntityRef) throws -> [CheckOutcome] {
        let savedOverlay = overlay
        let savedBound = boundEntities
        let savedRecorder = recorder
        defer {
            overlay = savedOverlay
            boundEntities = savedBound
            recorder = savedRecorder
        }
        if subject.isCopy { overlay.standIns[subject.index] = subject }
        overlay.loopRestriction = LoopRestriction(subject)
        return try runRuleBody(rule)
    }

    /// Runs a rule's body with a fresh recorder and returns what did not hold.
    func runRuleBody(_ rule: EntityRef) throws -> [CheckOutcome] {
        guard let body = ruleBodies[rule.index] else { return [] }
        let recorder = CheckRecorder()
        self.recorder = recorder
        boundEntities = []
        let frame = Frame(size: body.frameSize, parent: nil)
        do {
            try execute(body.statements, frame)
        } catch is SkipIteration {
            // A failed `require` outside any loop ends the rule.
        }
        return recorder.outcomes
    }
}

extension Engine {
    /// Runs every rule over the loaded programme. A runtime error inside one rule is reported
    /// against that rule, and every other rule still runs. Rules run on up to `options.workers`
    /// threads at once (`WorkerInterpreters`); the report, and what rules `print`, are those of
    /// running them one by one in declaration order.
    public func check() -> CheckReport {
        let workers = options.workers
        return withLargeStack {
            var report = CheckReport(diagnostics: [], rules: [])
            let rules = Array(model.entities(of: .rule))
            var waivers = WaiverLedger(model: model, today: interpreter.today)
            var stopped: Set<EntityID> = []
            let concurrent = workers > 1 && rules.count > 1 ? runConcurrently(rules, workers: workers) : nil
            for (position, rule) in rules.enumerated() {
                let run: RuleRun
                if let concurrent {
                    run = concurrent[position].run
                    for line in concurrent[position].printed { interpreter.output(line) }
                } else {
                    run = interpreter.runRule(rule)
                }
                var produced: [Diagnostic] = []
                switch run {
                case .outcomes(let outcomes):
                    for outcome in outcomes {
                        var diagnostic = RuleRunner.diagnostic(for: outcome, rule: rule, in: model)
                        waivers.apply(to: &diagnostic, rule: rule, entity: outcome.entity)
                        produced.append(diagnostic)
                    }
                case .failed(let error):
                    var diagnostic = error.diagnostic
                    diagnostic.code = .ruleFailed
                    diagnostic.message = "rule `\(model.name(of: rule))` stopped: " + diagnostic.message
                    diagnostic.notes.append(DiagnosticNote("the other rules still ran", at: model.nameSpan(of: rule)))
                    produced.append(diagnostic)
                    stopped.insert(rule.index)
                case .stopped:
                    stopped.insert(rule.index)
                    continue
                }
                report.diagnostics += produced
                report.rules.append((model.name(of: rule), model.title(of: rule), produced))
            }
            if !waivers.isEmpty {
                report.diagnostics += waivers.warnings(stopped: stopped)
            }
            interpreter.recorder = nil
            return report
        }
    }

    /// Every rule's run, in rule order, each rule run by one of `workers` worker interpreters
    /// with what it printed; nil when a rule needed to write shared state (a `let` or field
    /// still waiting), and so the rules must run one by one on the session's interpreter.
    private func runConcurrently(_ rules: [EntityRef], workers: Int) -> [(run: RuleRun, printed: [String])]? {
        let pool = WorkerInterpreters(main: interpreter)
        var runs: [(run: RuleRun, printed: [String])] = []
        runs.reserveCapacity(rules.count)
        ParallelMap.forEach(rules, workers: workers, { rule in
            pool.run { $0.runRule(rule) }.map { (run: $0.result, printed: $0.printed) } ?? (run: .stopped, printed: [])
        }, inOrder: { runs.append($0) })
        pool.releaseMemos(workers: workers)
        return pool.gaveUp ? nil : runs
    }

    /// Runs the `test` blocks of the user's files whose name `selected` accepts (every one by
    /// default); the others do not run at all, so neither their time nor their `print`s count.
    public func runTests(where selected: (String) -> Bool = { _ in true }) -> [TestResult] {
        withLargeStack {
            var results: [TestResult] = []
            for test in model.entities(of: .test) where selected(model.name(of: test)) {
                interpreter.resetBudget()
                var failures: [Diagnostic] = []
                // A pinned test sees its own `today`; computed members remembered for another day
                // (`status`, `next_session`) are forgotten on the way in and out.
                let runDay = interpreter.today
                if let pinned = model.site(of: test).pinnedDate {
                    interpreter.today = pinned
                    model.cache.removeAll()
                }
                defer {
                    if model.site(of: test).pinnedDate != nil {
                        interpreter.today = runDay
                        model.cache.removeAll()
                    }
                }
                do {
                    for outcome in try interpreter.runRuleBody(test) where outcome.kind == .expect {
                        var notes: [DiagnosticNote] = []
                        if let sides = outcome.sides {
                            notes.append(DiagnosticNote("left:  \(sides.left)"))
                            notes.append(DiagnosticNote("right: \(sides.right)"))
                        }
                        let source = sources.file(outcome.span.file)?.text(outcome.conditionSpan ?? outcome.span) ?? ""
                        failures.append(Diagnostic(.testFailed, .error,
                                                   "expectation failed: `\(DisplayText.escapeControls(source))`" + (outcome.message.map { ": \($0)" } ?? ""),
                                                   at: outcome.conditionSpan ?? outcome.span, notes: notes))
                    }
                } catch let error as RuntimeError {
                    failures.append(error.diagnostic)
                } catch {
                    continue
                }
                results.append(TestResult(name: model.name(of: test), span: model.nameSpan(of: test), failures: failures))
            }
            interpreter.recorder = nil
            return results
        }
    }
}

extension DiagnosticCode {
    /// An `expect` in a `test` block that did not hold.
    public static let testFailed = DiagnosticCode(523)
}

extension RuleRunner {
    /// The diagnostic `check` reports for one outcome of `rule`, before any waiver applies.
    static func diagnostic(for outcome: CheckOutcome, rule: EntityRef, in model: ProgramModel) -> Diagnostic {
        let severity = severity(of: outcome, rule: rule, in: model)
        return Diagnostic(severity == .error ? .ruleViolation : .ruleWarning, severity, message(of: outcome, rule: rule, in: model),
                          at: outcome.entity.map(model.nameSpan) ?? outcome.span,
                          notes: [DiagnosticNote("required by rule `\(model.name(of: rule))`" + (model.title(of: rule).map { ": \($0)" } ?? ""), at: outcome.span)],
                          rule: model.name(of: rule))
    }
}
