import Foundation

/// A parsed JSON value whose objects keep their keys in document order, which Foundation's
/// parser loses; the documentation tests compare key order with what the exporter writes.
indirect enum OrderedJSON: Equatable {
    case object([(key: String, value: OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// The member `key` of an object.
    subscript(key: String) -> OrderedJSON? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    /// The element at `index` of an array.
    subscript(index: Int) -> OrderedJSON? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// An object's keys in order; empty for anything else.
    var keys: [String] {
        if case .object(let members) = self { return members.map(\.key) }
        return []
    }

    /// An array of strings as strings; empty for anything else.
    var strings: [String] {
        guard case .array(let elements) = self else { return [] }
        return elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// Every `$ref` in the value, at any depth.
    var references: [String] {
        switch self {
        case .object(let members):
            members.flatMap { member -> [String] in
                if member.key == "$ref", case .string(let target) = member.value { return [target] }
                return member.value.references
            }
        case .array(let elements): elements.flatMap(\.references)
        default: []
        }
    }

    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        var description: String { "invalid JSON at byte \(offset)" }
    }

    /// Parses a whole document.
    static func parse(_ text: String) throws -> OrderedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.offset == parser.bytes.count else { throw SyntaxError(offset: parser.offset) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == byte else { throw SyntaxError(offset: offset) }
            offset += 1
        }

        mutating func value() throws -> OrderedJSON {
            skipSpace()
            guard offset < bytes.count else { throw SyntaxError(offset: offset) }
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                offset += 1
                var members: [(key: String, value: OrderedJSON)] = []
                skipSpace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                repeat {
                    skipSpace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value()))
                    skipSpace()
                } while try separator(closing: UInt8(ascii: "}"))
                return .object(members)
            case UInt8(ascii: "["):
                offset += 1
                var elements: [OrderedJSON] = []
                skipSpace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
                repeat {
                    elements.append(try value())
                    skipSpace()
                } while try separator(closing: UInt8(ascii: "]"))
                return .array(elements)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try word("true", .bool(true))
            case UInt8(ascii: "f"): return try word("false", .bool(false))
            case UInt8(ascii: "n"): return try word("null", .null)
            default:
                let start = offset
                while offset < bytes.count, "+-0123456789.eE".utf8.contains(bytes[offset]) { offset += 1 }
                guard let number = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else { throw SyntaxError(offset: start) }
                return .number(number)
            }
        }

        // After a member or element: true for a comma, false for the closing bracket.
        mutating func separator(closing: UInt8) throws -> Bool {
            guard offset < bytes.count else { throw SyntaxError(offset: offset) }
            offset += 1
            if bytes[offset - 1] == UInt8(ascii: ",") { return true }
            if bytes[offset - 1] == closing { return false }
            throw SyntaxError(offset: offset - 1)
        }

        mutating func word(_ text: String, _ result: OrderedJSON) throws -> OrderedJSON {
            let end = offset + text.utf8.count
            guard end <= bytes.count, bytes[offset..<end].elementsEqual(text.utf8) else { throw SyntaxError(offset: offset) }
            offset = end
            return result
        }

        // The documentation's strings need only the simple escapes; `\u` is decoded for completeness.
        mutating func string() throws -> String {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw SyntaxError(offset: offset) }
            offset += 1
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                    run = []
                    guard offset < bytes.count else { throw SyntaxError(offset: offset) }
                    let escape = bytes[offset]
                    offset += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{8}")
                    case UInt8(ascii: "f"): scalars.append("\u{C}")
                    case UInt8(ascii: "u"):
                        guard offset + 4 <= bytes.count,
                              let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(code) else { throw SyntaxError(offset: offset) }
                        offset += 4
                        scalars.append(scalar)
                    default: scalars.append(Unicode.Scalar(escape))
                    }
                default:
                    run.append(byte)
                }
            }
            throw SyntaxError(offset: offset)
        }
    }
}
