import Synchronization

/// Limits that stop runaway programs with a clear error instead of a hang or a crash.
public struct EvaluationLimits: Sendable {
    /// Calls plus loop iterations allowed in one evaluation (`--max-steps`).
    public var maxSteps: Int
    /// Nested calls allowed at once.
    public var maxCallDepth: Int
    /// The longest list or string an evaluation may build.
    public var maxCollectionLength: Int

    /// Creates limits.
    public init(maxSteps: Int = EvaluationLimits.defaultMaxSteps, maxCallDepth: Int = 2_000, maxCollectionLength: Int = EvaluationLimits.defaultMaxCollectionLength) {
        self.maxSteps = maxSteps
        self.maxCallDepth = maxCallDepth
        self.maxCollectionLength = maxCollectionLength
    }

    /// The default step budget: ten million calls and loop iterations.
    public static let defaultMaxSteps = 10_000_000
    /// The default longest list (elements) or string (bytes): ten million.
    public static let defaultMaxCollectionLength = 10_000_000
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
