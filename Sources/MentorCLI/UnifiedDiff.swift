/// A line diff of two texts in the unified format of `diff -u` and `git diff`, for `fmt --diff`.
enum UnifiedDiff {
    /// One step of an edit script: a line both texts share, one only the old has, one only the new has.
    enum Edit: UInt8 { case keep, delete, insert }

    /// Above this many inserted plus deleted lines (in the part between the texts' common
    /// start and end) the diff stops looking for the shortest script and replaces that part
    /// whole. Myers' search costs O((N+M)·D) time and, with the trace it keeps to read the
    /// script back, O(D²) memory; this bound keeps both small for files up to the 64 MiB limit,
    /// and the diff is still correct, only longer than it could be.
    static let maxSearchedCost = 4_000

    /// The unified diff turning `old` into `new` with `context` lines around each change, or
    /// nil when they are equal. Lines are compared byte for byte, line feed included, so a
    /// missing final line feed is a change (`\ No newline at end of file`, as `diff` writes it).
    static func render(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> String? {
        if old == new { return nil }
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let (oldIDs, newIDs) = internedIDs(old: (old, oldLines), new: (new, newLines))
        let edits = script(from: oldIDs, to: newIDs)
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(of: edits, context: context) {
            output += hunk.header
            var oldLine = hunk.oldStart
            var newLine = hunk.newStart
            for edit in edits[hunk.edits] {
                switch edit {
                case .keep:
                    append(" ", old, oldLines[oldLine], to: &output)
                    oldLine += 1
                    newLine += 1
                case .delete:
                    append("-", old, oldLines[oldLine], to: &output)
                    oldLine += 1
                case .insert:
                    append("+", new, newLines[newLine], to: &output)
                    newLine += 1
                }
            }
        }
        return output
    }

    private static func append(_ prefix: String, _ bytes: [UInt8], _ line: Range<Int>, to output: inout String) {
        output += prefix
        output += String(decoding: bytes[line], as: UTF8.self)
        if line.isEmpty || bytes[line.upperBound - 1] != UInt8(ascii: "\n") {
            output += "\n\\ No newline at end of file\n"
        }
    }

    /// The byte ranges of the lines of `bytes`, each with its line feed (the last may have none).
    static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    /// Each line as a small integer, equal lines equal, so the search compares integers.
    private static func internedIDs(old: ([UInt8], [Range<Int>]), new: ([UInt8], [Range<Int>])) -> ([Int], [Int]) {
        var ids: [ArraySlice<UInt8>: Int] = [:]
        func intern(_ text: ([UInt8], [Range<Int>])) -> [Int] {
            text.1.map { range in
                let line = text.0[range]
                if let id = ids[line] { return id }
                let id = ids.count
                ids[line] = id
                return id
            }
        }
        let oldIDs = intern(old)
        return (oldIDs, intern(new))
    }

    /// An edit script from `a` to `b`: the common start and end kept, Myers' shortest script
    /// for the rest (or, past `maxSearchedCost`, every line of it deleted then inserted).
    static func script(from a: [Int], to b: [Int]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = a[prefix..<(a.count - suffix)]
        let middleB = b[prefix..<(b.count - suffix)]
        var edits = [Edit](repeating: .keep, count: prefix)
        if let middle = shortestScript(middleA, middleB, maxCost: maxSearchedCost) {
            edits += middle
        } else {
            edits += [Edit](repeating: .delete, count: middleA.count)
            edits += [Edit](repeating: .insert, count: middleB.count)
        }
        edits += [Edit](repeating: .keep, count: suffix)
        return deletionsFirst(edits)
    }

    /// The script with each run of changes reordered to delete before it inserts, as `diff`
    /// prints a replaced block; the search itself may interleave them.
    private static func deletionsFirst(_ edits: [Edit]) -> [Edit] {
        var result = edits
        var index = 0
        while index < result.count {
            guard result[index] != .keep else {
                index += 1
                continue
            }
            let start = index
            var deletions = 0
            while index < result.count && result[index] != .keep {
                if result[index] == .delete { deletions += 1 }
                index += 1
            }
            for position in start..<index { result[position] = position - start < deletions ? .delete : .insert }
        }
        return result
    }

    /// Myers' greedy search (1986) for the shortest edit script, or nil when it needs more than
    /// `maxCost` insertions and deletions.
    static func shortestScript(_ a: ArraySlice<Int>, _ b: ArraySlice<Int>, maxCost: Int) -> [Edit]? {
        let n = a.count
        let m = b.count
        let a0 = a.startIndex
        let b0 = b.startIndex
        let limit = min(n + m, maxCost)
        let offset = limit + 1
        // v[offset + k]: the furthest x reached on diagonal k = x - y.
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        // trace[d][k + d]: v after round d, for k in -d...d; read back to recover the path.
        var trace: [[Int]] = []
        for d in 0...limit {
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[a0 + x] == b[b0 + y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    trace.append(Array(v[(offset - d)...(offset + d)]))
                    return backtrack(trace, n: n, m: m)
                }
            }
            trace.append(Array(v[(offset - d)...(offset + d)]))
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int) -> [Edit] {
        var reversed: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, to: 0, by: -1) {
            let previous = trace[d - 1]
            let k = x - y
            // previous[j + (d - 1)] is v[j] after round d - 1.
            let down = k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = previous[previousK + d - 1]
            let previousY = previousX - previousK
            let middleX = down ? previousX : previousX + 1
            reversed += repeatElement(Edit.keep, count: x - middleX)
            reversed.append(down ? .insert : .delete)
            x = previousX
            y = previousY
        }
        reversed += repeatElement(Edit.keep, count: x)
        return reversed.reversed()
    }

    /// One `@@` block: the edits it shows and the 0-based lines where it starts.
    struct Hunk {
        let edits: Range<Int>
        let oldStart: Int
        let newStart: Int
        let oldCount: Int
        let newCount: Int

        /// `@@ -l,n +l,n @@`; a count of 1 is left out and an empty side names the line before it, as `diff -u` does.
        var header: String {
            func side(_ start: Int, _ count: Int) -> String {
                count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
            }
            return "@@ -\(side(oldStart, oldCount)) +\(side(newStart, newCount)) @@\n"
        }
    }

    /// The hunks of `edits`: each change with up to `context` kept lines on either side,
    /// changes closer than twice that joined into one hunk.
    static func hunks(of edits: [Edit], context: Int) -> [Hunk] {
        var changes: [Range<Int>] = []
        var index = 0
        while index < edits.count {
            guard edits[index] != .keep else {
                index += 1
                continue
            }
            let start = index
            while index < edits.count && edits[index] != .keep { index += 1 }
            if let last = changes.last, start - last.upperBound <= 2 * context {
                changes[changes.count - 1] = last.lowerBound..<index
            } else {
                changes.append(start..<index)
            }
        }
        var hunks: [Hunk] = []
        var cursor = 0
        var oldLine = 0
        var newLine = 0
        for change in changes {
            let range = max(0, change.lowerBound - context)..<min(edits.count, change.upperBound + context)
            while cursor < range.lowerBound {
                advance(edits[cursor], &oldLine, &newLine)
                cursor += 1
            }
            let oldStart = oldLine
            let newStart = newLine
            while cursor < range.upperBound {
                advance(edits[cursor], &oldLine, &newLine)
                cursor += 1
            }
            hunks.append(Hunk(edits: range, oldStart: oldStart, newStart: newStart, oldCount: oldLine - oldStart, newCount: newLine - newStart))
        }
        return hunks
    }

    private static func advance(_ edit: Edit, _ oldLine: inout Int, _ newLine: inout Int) {
        if edit != .insert { oldLine += 1 }
        if edit != .delete { newLine += 1 }
    }
}
