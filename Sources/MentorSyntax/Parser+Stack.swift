#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorDiagnostics
import MentorSource

// The parser is recursive descent, and the nesting limit (`SyntaxLimits.maximumNestingDepth`)
// bounds its recursion. How much stack that needs depends on the build (an unoptimised build
// uses several times the stack per level) and the caller's thread may be small (a secondary
// thread can have 512 KiB). So a parse first runs on the caller's thread within a stack budget
// that any thread can afford; input nested deeply enough to exceed it is parsed again from the
// start on a `LargeStack` thread, with a budget large enough for the full limit. On such a
// thread (where the commands run) the parse starts with that budget. Ordinary files never
// leave the caller's thread; the result is the same either way.

extension Parser {
    /// Where the parser's recursion may go on the current thread.
    struct StackBudget {
        /// Address of a local in the parser's entry frame (stacks grow downwards).
        let base: UInt
        /// Bytes below `base` the parser may use.
        let bytes: UInt

        /// Stack the parser may use on the caller's thread.
        static let callerThreadBytes: UInt = 192 << 10
        /// Stack the parser may use on a `LargeStack` thread: enough for the full nesting
        /// limit, and a small part of that thread's stack wherever the parse starts on it.
        static let deepInputThreadBytes: UInt = 64 << 20

        /// A budget measured from the caller's current frame.
        static func here(bytes: UInt) -> StackBudget {
            var marker: UInt8 = 0
            return StackBudget(base: withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }, bytes: bytes)
        }

        /// True when the current frame lies deeper than the budget allows. Inlined into
        /// `enterNesting`, so the frame measured is that of the function opening the level.
        @inline(__always)
        func isExhausted() -> Bool {
            var marker: UInt8 = 0
            let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            return address < base && base - address > bytes
        }
    }
}

extension Parser {
    /// Parses `tokens` on a `LargeStack` thread, with a budget for the full nesting limit. If
    /// no thread can be started, parses here and reports the stack budget as the nesting limit.
    static func parseOnDeepInputThread(_ file: SourceFile, tokens: [Token], notes: LexerNotes) -> ParseResult {
        let parsed = LargeStack.runIfPossible {
            State.parse(file, tokens: tokens, notes: notes, stack: .here(bytes: StackBudget.deepInputThreadBytes)).0
        }
        return parsed ?? State.parse(
            file, tokens: tokens, notes: notes, stack: .here(bytes: StackBudget.callerThreadBytes),
            reportsStackExhaustion: true).0
    }
}
