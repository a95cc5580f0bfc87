/// Where the scanner writes its tokens: straight into the uninitialised storage of the result
/// array, and into a spill array once that storage is full. Appending to an `Array` instead
/// checks uniqueness through a runtime call for every token, about 7% of lexing time.
struct LexerTokenSink {
    private let base: UnsafeMutablePointer<Token>
    private let capacity: Int
    /// Tokens written into the storage.
    private(set) var written = 0
    /// Tokens that did not fit.
    private(set) var spill: [Token] = []

    /// A good first guess of the token count: realistic sources hold about one token per five
    /// or six bytes; inputs with more spill over.
    static func estimatedCount(forBytes count: Int) -> Int { count / 4 + 16 }

    /// `storage` holds at least one token (`estimatedCount` is never 0), so it has an address,
    /// and the per-token test is one comparison.
    init(_ storage: UnsafeMutableBufferPointer<Token>) {
        base = storage.baseAddress!
        capacity = storage.count
    }

    @inline(__always)
    mutating func append(_ token: Token) {
        if written < capacity {
            (base + written).initialize(to: token)
            written += 1
        } else {
            spill.append(token)
        }
    }

    /// Tokens appended so far, stored or spilled: the index the next token will have.
    var count: Int { written + spill.count }
}
