#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the heap's free pages back to the system once a superseded programme is released.
/// glibc keeps freed memory in its arenas; after a build replaces the one before it, the old
/// programme's pages (hundreds of MiB for a large workspace) would otherwise stay resident
/// until reused. `malloc_trim` is looked up at run time: Swift's Glibc module does not declare
/// it, and other C libraries (Darwin's) return memory by themselves and have none.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    /// The address of `malloc_trim`, 0 when the C library has none.
    private static let trimAddress: Int = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return 0 }
        return Int(bitPattern: symbol)
    }()

    /// Returns free heap pages to the system, where the C library allows it.
    static func release() {
        guard let symbol = UnsafeRawPointer(bitPattern: trimAddress) else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
}
