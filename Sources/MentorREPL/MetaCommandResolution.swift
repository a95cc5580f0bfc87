/// Which meta-command a typed name means: an exact name, else the one name it starts.
enum MetaCommandResolution: Equatable {
    /// The command named.
    case command(String)
    /// Several commands start with the name typed.
    case ambiguous([String])
    /// No command fits; `suggestions` are close names.
    case unknown(suggestions: [String])

    /// Resolves `typed` among `names`.
    init(_ typed: String, among names: [String]) {
        if names.contains(typed) {
            self = .command(typed)
            return
        }
        let extended = typed.isEmpty ? [] : names.filter { $0.hasPrefix(typed) }
        switch extended.count {
        case 1: self = .command(extended[0])
        case 0: self = .unknown(suggestions: EditDistance.suggestions(for: typed, among: names))
        default: self = .ambiguous(extended)
        }
    }
}
