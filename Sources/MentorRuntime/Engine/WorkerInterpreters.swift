import MentorSource
import Synchronization

/// What a worker interpreter keeps to itself, so that rules (and declaration checks) run on
/// several threads at once over one programme without writing anything they share: the
/// memoised computed members (each worker remembers its own), the lines `print` wrote
/// (replayed in rule order once every rule has run) and whether the work needed to write
/// shared state.
final class WorkerScratch {
    /// The computed members this worker has worked out. Unchecked for exclusivity: read at every
    /// computed member a rule asks for, by the one thread holding the worker, and written only
    /// once a member's value is computed (no access spans another).
    @exclusivity(unchecked) var cache = MemberMemo()
    /// The agreements' schedules this worker has worked out, by the agreement's place among
    /// agreements: the declaration checks of an agreement and of its agenda both need it.
    /// Unchecked for exclusivity as `cache` is.
    @exclusivity(unchecked) var schedules: [ScheduleResult?] = []
    /// What `print` wrote during the current item of work.
    var printed: [String] = []
    /// Set when the work met a `let` or a field still waiting to be evaluated: evaluating it
    /// writes the shared programme, and when and where it is evaluated (which rule pays its
    /// steps, where its `print`s go) is the serial order's, so the work runs again one by one.
    var neededSharedState = false
}

/// Thrown by a worker interpreter at a value still waiting to be evaluated, with
/// `WorkerScratch.neededSharedState` set (which a `try?` cannot swallow); the work is given up.
struct SharedStateNeeded: Error {}

/// One rule's run, as the check loop turns it into diagnostics.
enum RuleRun: Sendable {
    /// What did not hold, in the order the rule found it.
    case outcomes([CheckOutcome])
    /// The rule stopped with a runtime error.
    case failed(RuntimeError)
    /// The rule stopped with an error that is not a runtime error (the rule is dropped), or a
    /// worker gave it up (it needed to write shared state; `WorkerInterpreters` reports that).
    case stopped
}

/// Interpreters for work spread over several threads (the rules of `check`, the declaration
/// checks of elaboration), each with its own memo over the shared, read-only programme. Each
/// thread takes an idle one for an item and puts it back after, so a map over many items
/// makes as many interpreters as it has threads, and each keeps its memo from item to item.
final class WorkerInterpreters: @unchecked Sendable {
    // Shared by the map's threads: `idle` is guarded by `lock`; `givenUp` is atomic; an
    // interpreter is used by one thread at a time (taken from `idle`, put back after). The
    // programme they read is not written while they run: the shared indexes are built before
    // (`ProgramModel.buildDerivedIndexes`), the memo is each worker's own, and work that would
    // evaluate a waiting `let` or field stops instead (`SharedStateNeeded`).
    private let main: Interpreter
    private var idle: [Interpreter] = []
    private let lock = Lock()
    private let givenUp = Atomic<Bool>(false)

    /// Workers over `main`'s programme; builds the indexes they would otherwise build at once.
    init(main: Interpreter) {
        self.main = main
        main.model.buildDerivedIndexes()
    }

    /// True once some work needed to write shared state: its result, and the results of any
    /// work that ran with it, are to be thrown away and everything done one by one instead.
    var gaveUp: Bool { givenUp.load(ordering: .relaxed) }

    /// `body` run on an idle worker interpreter, with what it printed; nil when this or other
    /// work needed to write shared state (then nothing more runs).
    func run<Result>(_ body: (Interpreter) -> Result) -> (result: Result, printed: [String])? {
        guard !gaveUp else { return nil }
        let interpreter = lock.withLock { idle.popLast() } ?? main.makeWorker()
        defer { lock.withLock { idle.append(interpreter) } }
        let scratch = interpreter.worker!
        scratch.printed = []
        scratch.neededSharedState = false
        let result = body(interpreter)
        if scratch.neededSharedState {
            givenUp.store(true, ordering: .relaxed)
            return nil
        }
        return (result, scratch.printed)
    }

    /// Adds what the workers memoised to the session's memo, as the work would have run on
    /// the session's interpreter: the rules, which run next, read the same computed members
    /// (`end` of every agreement, which the declaration checks work out for the schedule).
    /// Called once every worker is idle.
    func mergeMemos() {
        let memos = lock.withLock { idle.compactMap { $0.worker?.cache } }
        for memo in memos { main.model.cache.merge(memo) }
    }

    /// Frees the workers' memos on `workers` threads at once, once their work is done: a
    /// memo of every computed member of every entity holds many values (lists and records
    /// among them), and freeing the memos on one thread took a tenth of `check`'s time at
    /// 10,000 agreements when each entity's was a table of its own.
    func releaseMemos(workers: Int) {
        let count = lock.withLock { idle.count }
        ParallelMap.forEach(Array(0..<count), workers: workers, { self.dropMemo(of: $0) }, inOrder: { _ in })
    }

    /// Drops the memo of idle worker `position`; each position is handed to one thread.
    private func dropMemo(of position: Int) {
        let interpreter = lock.withLock { idle[position] }
        interpreter.worker?.cache.removeAll()
        interpreter.worker?.schedules = []
    }
}

extension Interpreter {
    /// A new interpreter over the same programme, globals, limits, interrupt and day, that
    /// keeps its memo and its `print`s to itself and never writes shared state.
    func makeWorker() -> Interpreter {
        let scratch = WorkerScratch()
        // What the session's interpreter has memoised so far holds for the workers too: a
        // copy, which each then extends on its own.
        scratch.cache = model.cache
        let worker = Interpreter(globals: globals, model: model, limits: limits, interrupt: interrupt, today: today,
                                 output: { line in scratch.printed.append(line) })
        worker.ruleBodies = ruleBodies
        worker.worker = scratch
        return worker
    }

    /// Runs one rule with a fresh budget; what it found, or how it stopped.
    func runRule(_ rule: EntityRef) -> RuleRun {
        resetBudget()
        do {
            return .outcomes(try runRuleBody(rule))
        } catch let error as RuntimeError {
            return .failed(error)
        } catch {
            return .stopped
        }
    }
}
