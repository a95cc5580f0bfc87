/// The positions of names in a list that only grows (`GlobalTable`'s names, a kind's declared
/// fields), open-addressed by `NameHash` and kept at most half full. Each bucket keeps its
/// name's hash beside the position, so a probe compares a string only when the hashes agree,
/// and growing rehashes no string. The resolver looks each global name up here: a `[String: Int]` cost about 640
/// instructions a look-up (SipHash over names like `agreement_01234`), this about 260 with the hash.
struct NameIndex {
    private struct Bucket {
        /// The name's hash, truncated.
        var hash: UInt32
        /// The name's position in the list; -1 for an empty bucket.
        var position: Int32
    }

    private var buckets = [Bucket](repeating: Bucket(hash: 0, position: -1), count: 16)
    private var count = 0

    /// The position of `name` in `names` (the list this index numbers), if it is there.
    func position(of name: String, hash: Int, in names: [String]) -> Int? {
        let mask = buckets.count - 1
        let short = UInt32(truncatingIfNeeded: hash)
        var bucket = hash & mask
        while true {
            let entry = buckets[bucket]
            if entry.position < 0 { return nil }
            if entry.hash == short, names[Int(entry.position)] == name { return Int(entry.position) }
            bucket = (bucket + 1) & mask
        }
    }

    /// Records that the name of hash `hash`, not yet in the index, is at `position`.
    mutating func insert(_ position: Int, hash: Int) {
        if (count + 1) * 2 > buckets.count { grow(to: buckets.count * 2) }
        place(Bucket(hash: UInt32(truncatingIfNeeded: hash), position: Int32(position)), hash: hash)
        count += 1
    }

    /// Makes room for `total` names without growing again.
    mutating func reserveCapacity(_ total: Int) {
        var size = buckets.count
        while total * 2 > size { size *= 2 }
        if size > buckets.count { grow(to: size) }
    }

    /// Forgets every name.
    mutating func removeAll() {
        buckets = [Bucket](repeating: Bucket(hash: 0, position: -1), count: 16)
        count = 0
    }

    private mutating func place(_ entry: Bucket, hash: Int) {
        let mask = buckets.count - 1
        var bucket = hash & mask
        while buckets[bucket].position >= 0 { bucket = (bucket + 1) & mask }
        buckets[bucket] = entry
    }

    /// Rehashes into `size` buckets from the kept hashes. A bucket keeps 32 bits of the hash,
    /// which choose the bucket in tables of up to 2^32 buckets.
    private mutating func grow(to size: Int) {
        let old = buckets
        buckets = [Bucket](repeating: Bucket(hash: 0, position: -1), count: size)
        for entry in old where entry.position >= 0 { place(entry, hash: Int(entry.hash)) }
    }
}
