/// The closed vocabulary of symbol words: the words that word-valued fields and members hold
/// (an agreement's `channels`, `booking` and `status`, a rule's or violation's `severity`).
/// A bare word of this vocabulary is a symbol value wherever no declared name or local
/// hides it, so rules compare with `a.booking == mentee` as the field was written.
enum SymbolVocabulary {
    /// The channels an agreement's `channels` lists.
    static let channels: Set<String> = ["in_person", "video", "phone", "email", "chat"]
    /// Who books the meetings (`booking`).
    static let bookingRoles: Set<String> = ["mentor", "mentee"]
    /// An agreement's `status` relative to `today`.
    static let statuses: Set<String> = ["pending", "active", "lapsed", "closed", "ended"]
    /// A rule's and a violation's `severity`.
    static let severities: Set<String> = ["error", "warning"]
    /// What an agreement does with dates on a weekend (`weekends`).
    static let weekendPolicies: Set<String> = WeekendPolicy.words

    /// Every symbol word.
    static let all: Set<String> = channels.union(bookingRoles).union(statuses).union(severities).union(weekendPolicies)

    /// What the word names, for messages: `a channel`, `a booking role`.
    static func meaning(of word: String) -> String? {
        if channels.contains(word) { return "a channel" }
        if bookingRoles.contains(word) { return "a booking role" }
        if statuses.contains(word) { return "an agreement status" }
        if severities.contains(word) { return "a severity" }
        if weekendPolicies.contains(word) { return "a weekend policy" }
        return nil
    }
}
