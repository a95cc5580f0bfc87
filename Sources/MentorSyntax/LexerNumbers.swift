/// Numeric literals: integers, decimals, percentages, dates, times and durations. Each shape
/// is recognised from the digits that start it; a well-shaped literal with a bad value keeps
/// its kind and carries an error, so the parser can go on as if it were fine.
extension LexerScanner {
    /// Integers of up to this many digits cannot overflow `Int64`.
    private static let digitsSafeFromOverflow = 18

    /// Integer parts of more digits than this (leading zeros aside) may exceed `Double`'s range.
    private static let digitsSafeForDouble = 308

    mutating func scanNumber() {
        let start = position
        var index = start
        var value: Int64 = 0
        var overflow = false
        while index < count {
            let digit = bytes[index] &- 0x30
            if digit > 9 { break }
            if index - start < Self.digitsSafeFromOverflow {
                value = value &* 10 &+ Int64(digit)
            } else {
                let (product, multiplyOverflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, addOverflow) = product.addingReportingOverflow(Int64(digit))
                overflow = overflow || multiplyOverflow || addOverflow
                value = sum
            }
            index += 1
        }
        let integerEnd = index
        var kind = TokenKind.integer
        var error = LexicalError.none
        let next = byte(at: index)

        if next == 0x2D, integerEnd - start == 4, isDateTail(at: index) { // 2026-01-12
            kind = .date
            index += 6
            if LexerCharacters.isDigit(byte(at: index)) {
                // `2026-01-123` is a date with a typo, not arithmetic: report it as a date.
                while index < count, LexerCharacters.isDigit(bytes[index]) { index += 1 }
                error = .invalidDate
            } else {
                // The four year digits were read into `value` above and `isDateTail` saw the
                // other four, so only the calendar is left to check.
                let month = Int(bytes[integerEnd + 1] &- 0x30) &* 10 &+ Int(bytes[integerEnd + 2] &- 0x30)
                let day = Int(bytes[integerEnd + 4] &- 0x30) &* 10 &+ Int(bytes[integerEnd + 5] &- 0x30)
                if month < 1 || month > 12 || day < 1 || day > LiteralDecoder.daysInMonth(year: Int(value), month: month) {
                    error = .invalidDate
                }
            }
        } else if next == 0x3A, LexerCharacters.isDigit(byte(at: index + 1)) { // 09:30
            // Digits, a colon and a digit can only be meant as a time: `name: value` has a name
            // before the colon. So `9:5` and `24:00` are times with an error, not three tokens.
            kind = .time
            index += 1
            while index < count, LexerCharacters.isDigit(bytes[index]) { index += 1 }
            if LiteralDecoder.timeFields(bytes, from: start, to: index) == nil { error = .invalidTime }
        } else if next == 0x2E, LexerCharacters.isDigit(byte(at: index + 1)) { // 3.5
            kind = .decimal
            index += 1
            while index < count, LexerCharacters.isDigit(bytes[index]) { index += 1 }
            if byte(at: index) == 0x25 { // %
                kind = .percent
                index += 1
            } else if let unitEnd = Self.durationUnitEnd(in: bytes, after: index) {
                kind = .error
                error = .fractionalDuration
                index = unitEnd
            }
            if kind != .error, exceedsDouble(from: start, integerEnd: integerEnd, end: index) {
                error = .integerOverflow
            }
        } else if next == 0x25 { // 15%
            kind = .percent
            index += 1
            if exceedsDouble(from: start, integerEnd: integerEnd, end: index) { error = .integerOverflow }
        } else {
            if overflow { error = .integerOverflow }
            if let unitEnd = Self.durationUnitEnd(in: bytes, after: index) {
                kind = .duration
                index = unitEnd
            }
        }

        // Letters glued to a number (`4weeks`, `1_000`, `0x1F`, `10:00am`) make one malformed
        // token, rather than a number and a name the parser would trip over.
        if kind != .duration, kind != .error {
            let suffixEnd = Self.identifierContinueEnd(in: bytes, from: index)
            if suffixEnd > index {
                kind = .error
                error = .malformedNumber
                index = suffixEnd
            }
        }
        append(kind, from: start, to: index, flags: beginToken(), error: error)
        position = index
    }

    /// Whether `-DD-DD` follows at `index` (which holds the first `-`).
    @inline(__always)
    private func isDateTail(at index: Int) -> Bool {
        LexerCharacters.isDigit(byte(at: index + 1)) && LexerCharacters.isDigit(byte(at: index + 2))
            && byte(at: index + 3) == 0x2D
            && LexerCharacters.isDigit(byte(at: index + 4)) && LexerCharacters.isDigit(byte(at: index + 5))
    }

    /// The end of `blanks unit-word` after a number ending at `index`, when a whole duration unit
    /// word follows on the same line. This and `identifierContinueEnd` are static over the
    /// bytes: as methods, called from the mutating `scanNumber`, each call copied the whole
    /// scanner onto the stack first (a `memcpy` per number).
    static func durationUnitEnd(in bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Int? {
        let count = bytes.count
        var wordStart = index
        while wordStart < count, LexerCharacters.isSpaceOrTab(bytes[wordStart]) { wordStart += 1 }
        guard wordStart > index else { return nil }
        var wordEnd = wordStart
        while wordEnd < count, wordEnd - wordStart <= LexerWords.maximumLength,
              LexerCharacters.isASCIILetter(bytes[wordEnd]) {
            wordEnd += 1
        }
        let length = wordEnd - wordStart
        guard length >= 3, length <= LexerWords.maximumLength,
              identifierContinueEnd(in: bytes, from: wordEnd) == wordEnd,
              LexerWords.durationUnit(LexerWords.pack(bytes, from: wordStart, length: length)) != nil
        else { return nil }
        return wordEnd
    }

    /// The end of the identifier characters starting at `index` (`index` itself if there are none).
    static func identifierContinueEnd(in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if LexerCharacters.isASCIIIdentifierContinue(byte) {
                end += 1
            } else if byte >= 0x80, let length = LexerCharacters.identifierContinueLength(bytes, at: end) {
                end += length
            } else {
                break
            }
        }
        return end
    }

    /// Whether the decimal or percentage in `start..<end` is too large for a `Double`. Only
    /// integer parts of more than 308 significant digits can be, so the exact check (which
    /// builds a `String`) runs only for those.
    private func exceedsDouble(from start: Int, integerEnd: Int, end: Int) -> Bool {
        var firstSignificant = start
        while firstSignificant < integerEnd, bytes[firstSignificant] == 0x30 { firstSignificant += 1 }
        guard integerEnd - firstSignificant > Self.digitsSafeForDouble else { return false }
        var numberEnd = end
        if bytes[numberEnd - 1] == 0x25 { numberEnd -= 1 } // %
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<numberEnd]), as: UTF8.self)
        guard let number = Double(text) else { return true }
        return !number.isFinite
    }
}
