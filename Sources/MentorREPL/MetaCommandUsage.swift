/// The evaluator's meta-commands, each stated once: its name, the arguments it takes, its
/// summary for `:help`, and so its one usage error (`usage: :save FILE`).
struct MetaCommandUsage: Sendable {
    /// How many words a command takes.
    enum Arguments: Sendable {
        case none, optional, one, oneOrMore, text
    }

    /// The name after the colon.
    let name: String
    /// The arguments as `:help` and the usage error write them (`FILE…`, `[KIND]`).
    let argumentText: String
    let arguments: Arguments
    /// What the command does, for `:help`.
    let what: String

    /// Every command the evaluator provides, in `:help`'s order.
    static let all: [MetaCommandUsage] = [
        MetaCommandUsage(name: "load", argumentText: "FILE…", arguments: .oneOrMore, what: "load programme files into the session"),
        MetaCommandUsage(name: "reload", argumentText: "", arguments: .none, what: "reload the files loaded so far, from scratch"),
        MetaCommandUsage(name: "list", argumentText: "[KIND]", arguments: .optional,
                         what: "list the declarations, the standard rules and the tests, optionally of one kind"),
        MetaCommandUsage(name: "show", argumentText: "NAME", arguments: .text,
                         what: "show a declaration's source (program, std.NAME, ana_dave.savings too)"),
        MetaCommandUsage(name: "doc", argumentText: "NAME", arguments: .text, what: "show a declaration's doc comment"),
        MetaCommandUsage(name: "type", argumentText: "EXPR", arguments: .text, what: "show an expression's type, without evaluating it"),
        MetaCommandUsage(name: "test", argumentText: "[FILTER]", arguments: .optional,
                         what: "run the test blocks (those whose title contains FILTER)"),
        MetaCommandUsage(name: "check", argumentText: "", arguments: .none, what: "run every rule over the session"),
        MetaCommandUsage(name: "save", argumentText: "FILE", arguments: .one,
                         what: "write the whole session to a new file (:save! FILE overwrites)"),
        MetaCommandUsage(name: "reset", argumentText: "", arguments: .none, what: "forget everything declared in the session"),
    ]

    /// The command named `name` (without colon or `!`).
    static func named(_ name: String) -> MetaCommandUsage? { all.first { $0.name == name } }

    /// `:help`'s line: `save FILE — write …`.
    var summary: String { argumentText.isEmpty ? what : "\(name) \(argumentText) — \(what)" }

    /// The one usage error of the command.
    var errorLine: String { "usage: :\(name)\(argumentText.isEmpty ? "" : " " + argumentText)\n" }

    /// True when `words` (the argument split at blanks) is what the command takes.
    func accepts(_ words: [String]) -> Bool {
        switch arguments {
        case .none: words.isEmpty
        case .optional: words.count <= 1
        case .one: words.count == 1
        case .oneOrMore, .text: !words.isEmpty
        }
    }
}
