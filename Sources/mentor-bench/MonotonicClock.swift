#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Seconds from the monotonic clock, which wall-clock adjustments never move.
enum MonotonicClock {
    /// The current monotonic time in seconds since an arbitrary fixed point.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
