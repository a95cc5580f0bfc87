/// The indentation rule of `"""` strings: every non-blank line of the text starts with the
/// blanks before the closing delimiter. Those blanks are only known at the end of the string,
/// after its text was emitted, so faults are collected and merged into the tokens once, at the
/// end, in one linear pass.
extension LexerScanner {
    /// Records an `underIndentedLine` error for each line (of the recorded line starts in
    /// `lines`) that is not blank and does not start with the bytes in `indentation`.
    mutating func checkIndentation(of lines: Range<Int>, indentation: Range<Int>) {
        let width = indentation.count
        for line in lines {
            let lineStart = Int(textLineStarts[line])
            var blanksEnd = lineStart
            while blanksEnd < count, LexerCharacters.isSpaceOrTab(bytes[blanksEnd]) { blanksEnd += 1 }
            if blanksEnd >= count || bytes[blanksEnd] == 0x0A { continue } // blank lines may be shorter
            if blanksEnd - lineStart >= width, hasPrefix(at: lineStart, indentation) { continue }
            indentationFaults.append(Token(
                kind: .error, start: UInt32(truncatingIfNeeded: lineStart), end: UInt32(truncatingIfNeeded: blanksEnd),
                flags: .multiline, error: .underIndentedLine))
        }
    }

    private func hasPrefix(at start: Int, _ prefix: Range<Int>) -> Bool {
        var offset = 0
        while offset < prefix.count {
            if bytes[start + offset] != bytes[prefix.lowerBound + offset] { return false }
            offset += 1
        }
        return true
    }
}

/// Merging the indentation faults of `"""` strings into the finished token list.
enum LexerIndentation {
    /// Splits the text runs holding under-indented lines around their error tokens, then
    /// recomputes the first-on-its-line flags, which the inserted tokens change.
    static func merge(_ faults: [Token], into tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        // Inner strings close (and record their faults) before outer ones.
        let faults = faults.sorted { $0.start < $1.start }
        var merged: [Token] = []
        merged.reserveCapacity(tokens.count + 2 * faults.count)
        var faultIndex = 0
        for original in tokens {
            var token = original
            // Faults at a token's start (a line starting with `\(` or an escape) come first.
            while faultIndex < faults.count, faults[faultIndex].start <= token.start {
                let fault = faults[faultIndex]
                merged.append(fault)
                if token.kind == .stringText { token.start = max(token.start, fault.end) }
                faultIndex += 1
            }
            if token.kind == .stringText {
                while faultIndex < faults.count, faults[faultIndex].start < token.end {
                    let fault = faults[faultIndex]
                    merged.append(Token(kind: .stringText, start: token.start, end: fault.start, flags: token.flags))
                    merged.append(fault)
                    token.start = fault.end
                    faultIndex += 1
                }
                if token.start >= token.end { continue }
            }
            merged.append(token)
        }

        var previousStart = 0
        for index in merged.indices {
            let start = Int(merged[index].start)
            let first = index == 0 || bytes[previousStart..<start].contains(0x0A)
            if first { merged[index].flags.insert(.atLineStart) } else { merged[index].flags.remove(.atLineStart) }
            previousStart = start
        }
        return merged
    }
}
