/// The `--color` option: whether diagnostics use ANSI colours.
public enum ColorChoice: String, Sendable, CaseIterable {
    /// Colour when writing to a terminal and `NO_COLOR` is unset or empty.
    case auto
    /// Always colour, even when not a terminal and even with `NO_COLOR` set (an explicit flag wins).
    case always
    /// Never colour.
    case never

    /// Whether to colour, given whether the output is a terminal and the process environment.
    ///
    /// Per no-color.org, any non-empty `NO_COLOR` disables colour under `auto`; `TERM=dumb`
    /// does too, because such terminals print the escapes literally. The environment is read
    /// only under `auto` on a terminal, so a piped run need not build it.
    public func resolve(isTerminal: Bool, environment: @autoclosure () -> [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            guard isTerminal else { return false }
            let environment = environment()
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return true
        }
    }
}
