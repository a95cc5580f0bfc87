/// Recognises reserved words and duration unit words straight from bytes.
///
/// A word of up to 7 ASCII bytes is packed little-endian into a `UInt64` and matched with one
/// integer `switch`, so keyword lookup builds no `String` and costs a handful of instructions.
/// Words never contain a zero byte, so the packed value also encodes the word's length.
enum LexerWords {
    /// The longest reserved or unit word (`require`, `minutes`).
    static let maximumLength = 7

    /// Packs `length` bytes starting at `start` (at most `maximumLength`).
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> UInt64 {
        if start + 8 <= bytes.count {
            // One load and a mask instead of a loop; the same little-endian packing.
            return LexerWordScan.load(bytes, at: start) & ((1 << UInt64(8 * length)) &- 1)
        }
        var packed: UInt64 = 0
        var index = length - 1
        while index >= 0 {
            packed = (packed << 8) | UInt64(bytes[start + index])
            index -= 1
        }
        return packed
    }

    /// The reserved word packed in `packed`, or `.identifier`.
    @inline(__always)
    static func keyword(_ packed: UInt64) -> TokenKind {
        switch packed {
        case 0x74_65_6c: .kwLet                 // let
        case 0x6e_66: .kwFn                     // fn
        case 0x66_69: .kwIf                     // if
        case 0x6e_65_68_74: .kwThen             // then
        case 0x65_73_6c_65: .kwElse             // else
        case 0x72_6f_66: .kwFor                 // for
        case 0x6e_69: .kwIn                     // in
        case 0x65_72_65_68_77: .kwWhere         // where
        case 0x65_75_72_74: .kwTrue             // true
        case 0x65_73_6c_61_66: .kwFalse         // false
        case 0x65_6e_6f_6e: .kwNone             // none
        case 0x64_6e_61: .kwAnd                 // and
        case 0x72_6f: .kwOr                     // or
        case 0x74_6f_6e: .kwNot                 // not
        case 0x68_74_69_77: .kwWith             // with
        case 0x79_72_65_76_65: .kwEvery         // every
        case 0x65_72_69_75_71_65_72: .kwRequire // require
        case 0x6e_72_61_77: .kwWarn             // warn
        case 0x6c_69_61_66: .kwFail             // fail
        case 0x74_63_65_70_78_65: .kwExpect     // expect
        case 0x74_72_6f_70_6d_69: .kwImport     // import
        default: .identifier
        }
    }

    /// The duration unit packed in `packed` (singular or plural spelling), if it is one.
    @inline(__always)
    static func durationUnit(_ packed: UInt64) -> DurationUnit? {
        switch packed {
        case 0x65_74_75_6e_69_6d, 0x73_65_74_75_6e_69_6d: .minute // minute, minutes
        case 0x72_75_6f_68, 0x73_72_75_6f_68: .hour               // hour, hours
        case 0x79_61_64, 0x73_79_61_64: .day                      // day, days
        case 0x6b_65_65_77, 0x73_6b_65_65_77: .week               // week, weeks
        case 0x68_74_6e_6f_6d, 0x73_68_74_6e_6f_6d: .month        // month, months
        case 0x72_61_65_79, 0x73_72_61_65_79: .year               // year, years
        default: nil
        }
    }
}
