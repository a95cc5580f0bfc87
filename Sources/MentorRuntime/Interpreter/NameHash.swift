/// FNV-1a over a name's UTF-8 bytes, for the open-addressed name tables (`KindSchema`'s
/// fields, `GlobalTable`'s names): names are short, and the standard library's SipHash cost
/// about 340 instructions a look-up where this costs a few a byte.
enum NameHash {
    /// The hash of `name`. Read through `withUTF8`: stepping `utf8`'s iterator cost 25
    /// instructions a byte.
    static func of(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
