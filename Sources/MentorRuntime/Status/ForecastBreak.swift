/// What breaks first for an agreement between today and `--until` if nothing is done (no
/// session held, no signature added, nothing closed): docs/status.md's forecast.
public struct ForecastBreak: Sendable {
    /// The kinds of break, in the order a tie on one day is decided.
    public enum Kind: String, Sendable, CaseIterable {
        /// A pending agreement starts without both parties' signatures.
        case startsUnsigned = "starts_unsigned"
        /// A pending agreement starts while its mentor already has `max_mentees` active mentees.
        case overCapacity = "over_capacity"
        /// A review falls due.
        case reviewDue = "review_due"
        /// No session held within `inactivity`: the agreement lapses.
        case lapses
        /// The agreement ends before one of its goals is due.
        case endsBeforeGoal = "ends_before_goal"

        /// Its place in `allCases`: which of two breaks on one day is reported.
        var tieRank: Int { Kind.allCases.firstIndex(of: self) ?? Kind.allCases.count }
    }

    /// The day it breaks.
    public let date: CivilDate
    /// What breaks.
    public let kind: Kind
    /// One sentence saying what happens and why.
    public let message: String
}
