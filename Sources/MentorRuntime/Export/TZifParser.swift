/// Why a TZif file could not be read.
public struct TZifError: Error, Sendable, Equatable {
    /// What is wrong, for the diagnostic.
    public let reason: String
}

/// Reads the Time Zone Information Format of RFC 8536 (versions 1 to 4): the 64-bit data
/// block and footer of version 2+ files, or the 32-bit block of version 1 files. Leap-second
/// records are skipped: calendar events are in civil time.
public enum TZifParser {
    /// The zone's rules, or why the bytes are not a valid TZif file.
    public static func parse(_ bytes: [UInt8], name: String) throws(TZifError) -> TimeZoneRules {
        var reader = Reader(bytes: bytes)
        let first = try header(&reader)
        if first.version == 0 {
            return try block(&reader, header: first, timeSize: 4, name: name, footer: nil)
        }
        try reader.skip(first.dataLength(timeSize: 4))
        let second = try header(&reader)
        var data = reader
        try data.skip(second.dataLength(timeSize: 8))
        guard data.byte() == UInt8(ascii: "\n") else { throw TZifError(reason: "the footer does not start with a newline") }
        var footerBytes: [UInt8] = []
        while true {
            guard let byte = data.byte() else { throw TZifError(reason: "the footer does not end with a newline") }
            if byte == UInt8(ascii: "\n") { break }
            footerBytes.append(byte)
        }
        let text = String(decoding: footerBytes, as: UTF8.self)
        var footer: PosixTimeZone?
        if !text.isEmpty {
            guard let rule = PosixTimeZone(text) else { throw TZifError(reason: "the footer `\(text)` is not a POSIX TZ rule") }
            footer = rule
        }
        return try block(&reader, header: second, timeSize: 8, name: name, footer: footer)
    }

    private struct Header {
        let version: Int
        let isUTCCount: Int
        let isStandardCount: Int
        let leapCount: Int
        let timeCount: Int
        let typeCount: Int
        let charCount: Int

        func dataLength(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + isStandardCount + isUTCCount
        }
    }

    private static func header(_ reader: inout Reader) throws(TZifError) -> Header {
        guard reader.remaining >= 44, Array(reader.bytes[reader.offset..<reader.offset + 4]) == Array("TZif".utf8) else {
            throw TZifError(reason: "it does not start with the TZif magic")
        }
        try reader.skip(4)
        let versionByte = reader.byte() ?? 0
        let version: Int
        switch versionByte {
        case 0: version = 0
        case UInt8(ascii: "2")...UInt8(ascii: "4"): version = Int(versionByte - UInt8(ascii: "0"))
        default: throw TZifError(reason: "unknown TZif version")
        }
        try reader.skip(15)
        var counts: [Int] = []
        for _ in 0..<6 { counts.append(Int(try reader.uint32())) }
        let header = Header(version: version, isUTCCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
                            timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
        guard header.typeCount >= 1, header.charCount >= 1,
              header.isUTCCount == 0 || header.isUTCCount == header.typeCount,
              header.isStandardCount == 0 || header.isStandardCount == header.typeCount
        else { throw TZifError(reason: "its header counts are inconsistent") }
        return header
    }

    private static func block(_ reader: inout Reader, header: Header, timeSize: Int, name: String,
                              footer: PosixTimeZone?) throws(TZifError) -> TimeZoneRules {
        guard reader.remaining >= header.dataLength(timeSize: timeSize) else { throw TZifError(reason: "it is truncated") }
        var instants: [Int64] = []
        for _ in 0..<header.timeCount {
            instants.append(timeSize == 8 ? Int64(bitPattern: try reader.uint64()) : Int64(Int32(bitPattern: try reader.uint32())))
        }
        for (previous, next) in zip(instants, instants.dropFirst()) where previous >= next {
            throw TZifError(reason: "its transition times are not increasing")
        }
        var typeIndices: [Int] = []
        for _ in 0..<header.timeCount {
            let index = Int(reader.byte() ?? 0)
            guard index < header.typeCount else { throw TZifError(reason: "a transition names a missing local time type") }
            typeIndices.append(index)
        }
        var rawTypes: [(offset: Int32, isDaylight: Bool, nameIndex: Int)] = []
        for _ in 0..<header.typeCount {
            let offset = Int32(bitPattern: try reader.uint32())
            let isDaylight = reader.byte() ?? 0
            let nameIndex = Int(reader.byte() ?? 0)
            guard isDaylight <= 1, nameIndex < header.charCount, offset != Int32.min
            else { throw TZifError(reason: "a local time type is malformed") }
            rawTypes.append((offset, isDaylight == 1, nameIndex))
        }
        let names = Array(reader.bytes[reader.offset..<reader.offset + header.charCount])
        let types = rawTypes.map { raw in
            let end = names[raw.nameIndex...].firstIndex(of: 0) ?? names.count
            return LocalTimeType(utcOffset: raw.offset, isDaylight: raw.isDaylight,
                                 abbreviation: String(decoding: names[raw.nameIndex..<end], as: UTF8.self))
        }
        // Local time before the first transition is type 0 (RFC 8536 §3.2); a file with no
        // transitions and a footer follows the footer throughout.
        let initial = header.timeCount == 0 && footer != nil ? footer!.standard : types[0]
        return TimeZoneRules(name: name, initial: initial,
                             explicit: zip(instants, typeIndices).map { ($0, types[$1]) }, footer: footer)
    }

    /// Big-endian reads over the file's bytes.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func skip(_ count: Int) throws(TZifError) {
            guard count >= 0, count <= remaining else { throw TZifError(reason: "it is truncated") }
            offset += count
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func uint32() throws(TZifError) -> UInt32 {
            guard remaining >= 4 else { throw TZifError(reason: "it is truncated") }
            var value: UInt32 = 0
            for _ in 0..<4 { value = value << 8 | UInt32(bytes[offset]); offset += 1 }
            return value
        }

        mutating func uint64() throws(TZifError) -> UInt64 {
            guard remaining >= 8 else { throw TZifError(reason: "it is truncated") }
            var value: UInt64 = 0
            for _ in 0..<8 { value = value << 8 | UInt64(bytes[offset]); offset += 1 }
            return value
        }
    }
}
