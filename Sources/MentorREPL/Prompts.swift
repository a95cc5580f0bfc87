/// The prompts the REPL shows.
public enum Prompt {
    /// Shown when a new entry starts.
    public static let primary = "mentor> "
    /// Shown while the parser says the entry stopped at its end (open brackets, a trailing operator).
    public static let continuation = "   ...> "
}
