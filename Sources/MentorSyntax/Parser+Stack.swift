#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorDiagnostics

// The parser is recursive descent, and the nesting limit (`SyntaxLimits.maximumNestingDepth`)
// bounds its recursion. How much stack that needs depends on the build (an unoptimised build
// uses several times the stack per level) and the caller's thread may be small (a secondary
// thread can have 512 KiB). So a parse first runs on the caller's thread within a stack budget
// that any thread can afford; input nested deeply enough to exceed it is parsed again from the
// start on a thread of its own with a stack large enough for the full limit. Ordinary files
// never leave the caller's thread; the result is the same either way.

extension Parser {
    /// Where the parser's recursion may go on the current thread.
    struct StackBudget {
        /// Address of a local in the parser's entry frame (stacks grow downwards).
        let base: UInt
        /// Bytes below `base` the parser may use.
        let bytes: UInt

        /// Stack the parser may use on the caller's thread.
        static let callerThreadBytes: UInt = 192 << 10
        /// The stack of the thread that parses deeply nested input.
        static let deepInputThreadBytes = 64 << 20

        /// A budget measured from the caller's current frame.
        static func here(bytes: UInt) -> StackBudget {
            var marker: UInt8 = 0
            return StackBudget(base: withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }, bytes: bytes)
        }

        /// True when the current frame lies deeper than the budget allows.
        @inline(never)
        func isExhausted() -> Bool {
            var marker: UInt8 = 0
            let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            return address < base && base - address > bytes
        }
    }
}

/// A parse handed to the deep-input thread, and its result.
private final class DeepParseJob: @unchecked Sendable {
    // Written by the thread before it ends and read only after `pthread_join`.
    let file: SourceFile
    let tokens: [Token]
    let notable: [UInt32]?
    var result: ParseResult?

    init(file: SourceFile, tokens: [Token], notable: [UInt32]?) {
        self.file = file
        self.tokens = tokens
        self.notable = notable
    }

    func run() {
        result = Parser.State.parse(
            file, tokens: tokens, notable: notable,
            stack: .here(bytes: UInt(Parser.StackBudget.deepInputThreadBytes - (1 << 20)))).0
    }
}

extension Parser {
    /// Parses `tokens` on a thread with a stack large enough for the full nesting limit. If no
    /// thread can be started, parses here and reports the stack budget as the nesting limit.
    static func parseOnDeepInputThread(_ file: SourceFile, tokens: [Token], notable: [UInt32]?) -> ParseResult {
        let job = DeepParseJob(file: file, tokens: tokens, notable: notable)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, StackBudget.deepInputThreadBytes)
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            Unmanaged<DeepParseJob>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        #else
        var thread: pthread_t?
        let status = pthread_create(&thread, &attributes, { context in
            Unmanaged<DeepParseJob>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        #endif
        guard status == 0 else {
            Unmanaged<DeepParseJob>.fromOpaque(context).release()
            return State.parse(
                file, tokens: tokens, notable: notable, stack: .here(bytes: StackBudget.callerThreadBytes),
                reportsStackExhaustion: true).0
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        // The thread always stores a result before it ends.
        return job.result!
    }
}
