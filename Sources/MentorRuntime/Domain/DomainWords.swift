/// The words a word-taking field accepts (a channel, a booking role, a cadence, a boolean),
/// and the everyday words people write for them, so an unknown word's diagnostic can list
/// the valid ones and map `fortnightly` to `biweekly`.
struct DomainWords: Sendable {
    /// What the field's words are called in messages: `channel`, `booking role`, `cadence`, `boolean`.
    let noun: String
    /// The words the field takes, as they are written.
    let validWords: [String]
    /// Words to suggest for: the valid words that are plain names.
    let nameWords: [String]

    /// The words field type `type` takes; nil when it takes no words.
    init?(_ type: FieldType) {
        switch type {
        case .symbol(let names) where names == SymbolVocabulary.channels:
            self.init(noun: "channel", validWords: names.sorted())
        case .symbol(let names) where names == SymbolVocabulary.bookingRoles:
            self.init(noun: "booking role", validWords: names.sorted())
        case .symbol(let names) where names == SymbolVocabulary.weekendPolicies:
            self.init(noun: "weekend policy", validWords: names.sorted())
        case .symbol(let names):
            self.init(noun: "word", validWords: names.sorted())
        case .list(let element):
            self.init(element)
        case .cadence, .singlePhaseCadence:
            self.init(noun: "cadence", validWords: ["weekly", "biweekly", "monthly", "every N days", "every N weeks", "every N months"])
        case .bool, .boolOrString:
            self.init(noun: "boolean", validWords: ["true", "false"])
        default:
            return nil
        }
    }

    /// The ordinals of a weekday pin (`on the first tuesday`), in order.
    static let ordinals = DomainWords(noun: "ordinal", validWords: WeekdayPin.Ordinal.allCases.map(\.word))
    /// The weekdays of a weekday pin, Monday first.
    static let weekdays = DomainWords(noun: "weekday", validWords: WeekdayPin.weekdayWords)

    private init(noun: String, validWords: [String]) {
        self.noun = noun
        self.validWords = validWords
        nameWords = validWords.filter { !$0.contains(" ") }
    }

    /// `the channels are `chat`, `email`, …`: the help line listing the valid words.
    var listing: String {
        // `policy` → `policies`, but `weekday` → `weekdays`.
        let plural = noun.hasSuffix("y") && !"aeiou".contains(noun.dropLast().last ?? "y") ? noun.dropLast() + "ies" : noun + "s"
        let words = validWords.map { "`\($0)`" }
        let joined = words.dropLast().joined(separator: ", ")
        return noun == "boolean" ? "a boolean is \(joined) or \(words.last!)" : "the \(plural) are \(joined) and \(words.last!)"
    }

    /// The word `word` is commonly written for, when it is one of this field's words.
    func synonym(of word: String) -> String? {
        guard let meant = DomainWords.synonyms[word.lowercased()] else { return nil }
        return validWords.contains(meant) || (noun == "cadence" && meant.hasPrefix("every ")) ? meant : nil
    }

    /// Everyday words for a valid word, lower-cased: what programmes copied from a guide write.
    static let synonyms: [String: String] = [
        "fortnightly": "biweekly", "bi_weekly": "biweekly", "every_other_week": "biweekly",
        "quarterly": "every 3 months", "bimonthly": "every 2 months", "bi_monthly": "every 2 months",
        "semiannually": "every 6 months", "biannually": "every 6 months", "half_yearly": "every 6 months",
        "yearly": "every 12 months", "annually": "every 12 months", "annual": "every 12 months",
        "daily": "every 1 day", "week": "weekly", "month": "monthly",
        "skype": "video", "zoom": "video", "teams": "video", "meet": "video", "webex": "video",
        "video_call": "video", "videocall": "video", "facetime": "video", "online": "video",
        "face_to_face": "in_person", "facetoface": "in_person", "inperson": "in_person", "f2f": "in_person",
        "in_office": "in_person", "onsite": "in_person", "on_site": "in_person",
        "telephone": "phone", "call": "phone", "phone_call": "phone", "mobile": "phone",
        "mail": "email", "e_mail": "email",
        "slack": "chat", "whatsapp": "chat", "sms": "chat", "text": "chat", "messaging": "chat", "im": "chat",
        "yes": "true", "no": "false", "on": "true", "off": "false",
        "final": "last",
        "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
        "thur": "thursday", "thurs": "thursday", "fri": "friday", "sat": "saturday", "sun": "sunday",
    ]

    /// Synonyms too common as names of their own to be suggested outside a field that takes words.
    private static let fieldOnly: Set<String> = ["week", "month", "meet", "online", "person", "call", "mobile", "mail",
                                                 "text", "im", "on", "off", "no", "annual",
                                                 "final", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]

    /// The word `word` commonly stands for in any expression (`fortnightly`, `zoom`, `yes`).
    static func anySynonym(of word: String) -> String? {
        fieldOnly.contains(word.lowercased()) ? nil : synonyms[word.lowercased()]
    }
}
