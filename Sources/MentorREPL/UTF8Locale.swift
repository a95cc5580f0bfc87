#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the C library read and write UTF-8, which libedit needs to decode typed non-ASCII text.
enum UTF8Locale {
    /// Adopts the user's LC_CTYPE; falls back to `C.UTF-8` when that locale is missing or is the
    /// plain ASCII "C" locale (an unset `LANG`), since Mentor source is UTF-8 either way.
    static func adopt() {
        if setlocale(LC_CTYPE, "") != nil, !isASCIIOnly() { return }
        if setlocale(LC_CTYPE, "C.UTF-8") != nil { return }
        _ = setlocale(LC_CTYPE, "en_US.UTF-8")
    }

    private static func isASCIIOnly() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return true }
        let name = String(cString: codeset)
        return name == "ANSI_X3.4-1968" || name == "US-ASCII" || name == "ASCII"
    }
}
