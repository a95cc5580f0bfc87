/// The changed stretches between two texts, line by line, so formatting sends the client
/// edits only where the layout changed (its cursor and folds elsewhere stay put).
public enum LineDiff {
    /// One stretch: the bytes `original` of the old text become `replacement`.
    public struct Hunk: Sendable, Equatable {
        /// Byte range in the old text, on line boundaries.
        public var original: Range<Int>
        /// The new text for it.
        public var replacement: String
    }

    /// The most lines compared pairwise; past it the changed middle is replaced whole.
    static let maxPairs = 4_000_000

    /// The hunks that turn `old` into `new`, in order and not overlapping.
    public static func hunks(from old: [UInt8], to new: [UInt8]) -> [Hunk] {
        let a = lines(old)
        let b = lines(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix].text == b[prefix].text { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix].text == b[b.count - 1 - suffix].text {
            suffix += 1
        }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)])
        let newMiddle = Array(b[prefix..<(b.count - suffix)])
        if oldMiddle.isEmpty && newMiddle.isEmpty { return [] }
        var pairs: [(Int, Int)] = []
        if oldMiddle.count * newMiddle.count <= maxPairs { pairs = commonLines(oldMiddle.map(\.text), newMiddle.map(\.text)) }
        // Walk the matched pairs; what lies between two matches is one hunk.
        var hunks: [Hunk] = []
        var oldIndex = 0
        var newIndex = 0
        let oldEnd = prefix < a.count ? a[prefix].range.lowerBound : old.count
        func offset(_ index: Int) -> Int { index < oldMiddle.count ? oldMiddle[index].range.lowerBound : (oldMiddle.last?.range.upperBound ?? oldEnd) }
        for (matchedOld, matchedNew) in pairs + [(oldMiddle.count, newMiddle.count)] {
            if matchedOld - oldIndex == matchedNew - newIndex {
                // As many lines on both sides: line for line, so a range touches only its own lines.
                for step in 0..<(matchedOld - oldIndex) {
                    let line = oldIndex + step
                    hunks.append(Hunk(original: offset(line)..<offset(line + 1),
                                      replacement: String(decoding: newMiddle[newIndex + step].text, as: UTF8.self)))
                }
            } else {
                let replacement = newMiddle[newIndex..<matchedNew].map { String(decoding: $0.text, as: UTF8.self) }.joined()
                hunks.append(Hunk(original: offset(oldIndex)..<offset(matchedOld), replacement: replacement))
            }
            oldIndex = matchedOld + 1
            newIndex = matchedNew + 1
        }
        return hunks
    }

    private struct Line {
        var text: ArraySlice<UInt8>
        var range: Range<Int>
    }

    /// The lines of `bytes`, each with its line feed (the last may have none).
    private static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Line(text: bytes[start...index], range: start..<(index + 1)))
            start = index + 1
        }
        if start < bytes.count { result.append(Line(text: bytes[start...], range: start..<bytes.count)) }
        return result
    }

    /// Index pairs of a longest common subsequence of lines, in order.
    private static func commonLines(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [(Int, Int)] {
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
