/// Edit distances between sequences of Unicode scalar values.
public enum EditDistance {
    /// The optimal-string-alignment distance (Damerau–Levenshtein where no substring is edited
    /// twice): insertions, deletions, substitutions and swaps of two neighbours cost one each.
    /// Returns nil as soon as the distance is known to exceed `bound`, which keeps a search over
    /// many candidates cheap.
    public static func optimalStringAlignment(_ a: [UInt32], _ b: [UInt32], bound: Int) -> Int? {
        var scratch: [Int] = []
        return optimalStringAlignment(a, b, bound: bound, scratch: &scratch)
    }

    /// The optimal-string-alignment distance between two strings, compared by Unicode scalars.
    public static func optimalStringAlignment(_ a: String, _ b: String) -> Int {
        let left = a.unicodeScalars.map(\.value)
        let right = b.unicodeScalars.map(\.value)
        let longest = max(left.count, right.count)
        return optimalStringAlignment(left, right, bound: longest) ?? longest
    }

    /// The bounded distance, reusing `scratch` for the table rows so a caller comparing one name
    /// against thousands of candidates allocates once.
    static func optimalStringAlignment(_ a: [UInt32], _ b: [UInt32], bound: Int, scratch: inout [Int]) -> Int? {
        if abs(a.count - b.count) > bound { return nil }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                // A shared prefix or suffix never needs an edit (rapidfuzz does the same for OSA),
                // and names in one scope often share long ones (`start_date`, `start_time`).
                var prefix = 0
                while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < a.count - prefix, suffix < b.count - prefix,
                      a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
                let left = UnsafeBufferPointer(rebasing: a[prefix..<(a.count - suffix)])
                let right = UnsafeBufferPointer(rebasing: b[prefix..<(b.count - suffix)])
                return table(left, right, bound: bound, scratch: &scratch)
            }
        }
    }

    private static func table(
        _ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, bound: Int, scratch: inout [Int]
    ) -> Int? {
        if a.isEmpty || b.isEmpty {
            let distance = max(a.count, b.count)
            return distance <= bound ? distance : nil
        }
        let width = b.count + 1
        if scratch.count < 3 * width { scratch = [Int](repeating: 0, count: 3 * width) }
        return scratch.withUnsafeMutableBufferPointer { rows in
            // Three rolling rows: the one two back is needed for transpositions.
            var twoBack = 0
            var previous = width
            var current = 2 * width
            for j in 0...b.count { rows[previous + j] = j }
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(min(rows[previous + j], rows[current + j - 1]) + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[twoBack + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                // Row minima never decrease, so once a whole row exceeds the bound the result will too.
                if rowMinimum > bound { return nil }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            let distance = rows[previous + b.count]
            return distance <= bound ? distance : nil
        }
    }
}
