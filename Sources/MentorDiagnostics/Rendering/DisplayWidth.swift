/// How many terminal columns a printable Unicode scalar occupies (0, 1 or 2).
///
/// Wide scalars come from a compact table of the East Asian Wide and Fullwidth ranges
/// (Unicode 14 data, with block ends rounded up so newer emoji in those blocks count too);
/// zero width comes from the standard library's general category, so combining marks in
/// every script are covered without a second table. Control characters are not handled
/// here: they are never printed raw (see `DisplayText`).
public enum DisplayWidth {
    /// Display columns of `scalar` when printed raw: 0 for combining and zero-width
    /// scalars, 2 for wide ones, 1 otherwise.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Display columns of a string whose scalars are all printable (no escaping applied).
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// True for East Asian Wide/Fullwidth scalars and emoji shown in emoji presentation.
    public static func isWide(_ value: UInt32) -> Bool {
        if value < wideRanges[0].lower { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lower {
                high = mid - 1
            } else if value > range.upper {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // Hangul medial vowels and final consonants join the preceding initial into one cell.
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true
        // Zero-width space, joiners, direction marks, word joiner and invisible operators, BOM.
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: return true
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: return true
            default: return false
            }
        }
    }

    // Sorted, non-overlapping; generated from EastAsianWidth W/F with unassigned gaps merged.
    private static let wideRanges: [(lower: UInt32, upper: UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
        (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
        (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
        (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
        (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        // CJK radicals, punctuation, kana, CJK unified ideographs, Yi.
        (0x2E80, 0x303E), (0x3041, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA4CF),
        // Hangul Jamo Extended-A and Hangul syllables.
        (0xA960, 0xA97F), (0xAC00, 0xD7A3),
        // CJK compatibility ideographs, vertical forms, CJK compatibility forms, fullwidth forms.
        (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
        // Tangut, Khitan, Nushu, kana supplements.
        (0x16FE0, 0x1B2FF),
        // Emoji and pictographs.
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
        (0x1F200, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393),
        (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4),
        (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
        (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596),
        (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC),
        (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FF),
        (0x1F7E0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
        (0x1FA70, 0x1FAFF),
        // CJK extension planes are wide by default, assigned or not.
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]
}
