import MentorDiagnostics

/// Something worth telling the user about a computed schedule.
public enum ScheduleIssue: Sendable, Hashable, CustomStringConvertible {
    /// The phase at `index` (0-based) has a `for` that ends before its first session, so it holds none.
    case emptyPhase(index: Int)
    /// The phase at `index` (0-based) would start on or after the end; it and any after it hold no sessions.
    case phaseNeverReached(index: Int)
    /// Generation stopped after `limit` sessions, so the schedule is cut short.
    case tooManySessions(limit: Int)

    /// An empty phase or a runaway schedule is an error; an unreached phase only a warning,
    /// since a shorter term than the cadence plans for is a legitimate choice.
    public var severity: Severity {
        switch self {
        case .emptyPhase, .tooManySessions: .error
        case .phaseNeverReached: .warning
        }
    }

    /// The message, naming phases by their position.
    public var message: String {
        switch self {
        case .emptyPhase(let index):
            "phase \(index + 1) of the cadence ends before its first session, so it holds no sessions"
        case .phaseNeverReached(let index):
            "phase \(index + 1) of the cadence is never reached: it would start on or after the agreement's end"
        case .tooManySessions(let limit):
            "the schedule stops after \(limit) sessions; the cadence is too frequent for the agreement's length"
        }
    }

    /// The message, naming phases by their source text from `cadence` (`` the phase `monthly` ``).
    public func message(in cadence: Cadence) -> String {
        switch self {
        case .emptyPhase(let index) where cadence.phases.indices.contains(index):
            "the phase `\(cadence.phases[index])` ends before its first session, so it holds no sessions"
        case .phaseNeverReached(let index) where cadence.phases.indices.contains(index):
            "the phase `\(cadence.phases[index].rhythmDescription)` is never reached: "
                + "it would start on or after the agreement's end"
        default:
            message
        }
    }

    /// The message.
    public var description: String { message }
}

/// The sessions a cadence produces between two dates, and anything worth reporting about them.
public struct ScheduleResult: Sendable, Hashable {
    /// The session dates, strictly increasing, all before the end.
    public var dates: [CivilDate]
    /// Problems found while computing them, in phase order.
    public var issues: [ScheduleIssue]
    /// For each phase of the cadence, the indices into `dates` of its sessions (empty for a
    /// phase that holds none).
    public var phaseRanges: [Range<Int>]

    /// A result.
    public init(dates: [CivilDate], issues: [ScheduleIssue], phaseRanges: [Range<Int>]) {
        self.dates = dates
        self.issues = issues
        self.phaseRanges = phaseRanges
    }
}
