import Synchronization

/// Limits that stop runaway programs with a clear error instead of a hang or a crash.
public struct EvaluationLimits: Sendable {
    /// Calls plus loop iterations allowed in one evaluation (`--max-steps`).
    public var maxSteps: Int
    /// Nested calls allowed at once.
    public var maxCallDepth: Int
    /// The longest string an evaluation may build, in UTF-8 bytes; also bounds the text of any
    /// value that is printed, interpolated or joined.
    public var maxStringLength: Int
    /// The most elements one list may hold.
    public var maxListLength: Int

    /// Creates limits.
    public init(maxSteps: Int = EvaluationLimits.defaultMaxSteps, maxCallDepth: Int = EvaluationLimits.defaultMaxCallDepth,
                maxStringLength: Int = EvaluationLimits.defaultMaxStringLength, maxListLength: Int = EvaluationLimits.defaultMaxListLength) {
        self.maxSteps = maxSteps
        self.maxCallDepth = maxCallDepth
        self.maxStringLength = maxStringLength
        self.maxListLength = maxListLength
    }

    /// The default step budget: ten million calls and loop iterations.
    public static let defaultMaxSteps = 10_000_000
    /// The default limit on nested calls.
    public static let defaultMaxCallDepth = 2_000
    /// The default longest string: ten million bytes.
    public static let defaultMaxStringLength = 10_000_000
    /// The default longest list: one million elements (a list element takes tens of bytes, so
    /// this keeps one list, and the copy `+` makes, within a few hundred megabytes).
    public static let defaultMaxListLength = 1_000_000
}

/// A flag set from a signal handler (Ctrl-C) and polled by the interpreter at every step.
public final class InterruptFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a cleared flag.
    public init() {}

    /// Asks the running evaluation to stop.
    public func request() { flag.store(true, ordering: .relaxed) }

    /// Clears the flag before a new evaluation.
    public func clear() { flag.store(false, ordering: .relaxed) }

    /// True once a stop was requested.
    public var isRequested: Bool { flag.load(ordering: .relaxed) }
}
