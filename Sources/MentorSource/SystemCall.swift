#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2) and write(2) under names no method can shadow: inside a type with its own `read`
/// or `write`, the C functions need a module name, and that name differs between Linux
/// (`Glibc`) and macOS (`Darwin`).
public enum SystemCall {
    /// read(2): up to `count` bytes from `descriptor` into `buffer`; the byte count, or -1 with `errno`.
    @inline(__always)
    public static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// write(2): up to `count` bytes from `buffer` to `descriptor`; the byte count, or -1 with `errno`.
    @inline(__always)
    public static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
