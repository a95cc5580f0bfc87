#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2), write(2) and memchr(3) under names no method can shadow: inside a type with its own `read`
/// or `write`, the C functions need a module name, and that name differs between Linux
/// (`Glibc`) and macOS (`Darwin`).
public enum SystemCall {
    /// memchr(3): the first `byte` among `count` bytes from `bytes`, or nil.
    @inline(__always)
    public static func memchr(_ bytes: UnsafePointer<UInt8>, _ byte: UInt8, _ count: Int) -> UnsafeRawPointer? {
        #if canImport(Glibc)
        UnsafeRawPointer(Glibc.memchr(bytes, Int32(byte), count))
        #else
        UnsafeRawPointer(Darwin.memchr(bytes, Int32(byte), count))
        #endif
    }

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
