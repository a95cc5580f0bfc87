import Foundation
import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

/// `PendingEntry` lexes each line once; it must see exactly what lexing the whole entry sees.
@Suite struct PendingEntryTests {
    /// Whether the lexer, given all of `text` at once, ends with something open.
    static func isOpenWhenLexedWhole(_ text: [UInt8]) -> Bool {
        var depth = 0
        for token in Lexer.tokenize(SourceFile(id: FileID(0), path: "whole.mentor", bytes: text)) {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .error where token.error == .unterminatedBlockComment: return true
            case .endOfFile where token.flags.contains(.multiline): return true
            default: break
            }
        }
        return depth > 0
    }

    static func entry(_ lines: [String]) -> PendingEntry {
        var entry = PendingEntry()
        for line in lines { entry.append(line: line) }
        return entry
    }

    static let open: [[String]] = [
        ["let xs = ["],
        ["agreement a {", "  start: 2026-01-12"],
        ["f(1,", "  g(2"],
        ["let s = \"\"\"", "  text"],
        ["let s = \"\"\"", "  a \\(x + (", "  1)"],
        ["/* a", "comment"],
        ["/* nested /* twice */", "still open"],
        // An error does not close the entry: the user's closing bracket is still to come.
        ["let x = (1 +* 2"],
        ["let d = 2026-02-30 + ("],
        ["[", "\"abc", "1,"],
    ]

    static let notOpen: [[String]] = [
        ["1 + 2"],
        ["let xs = [", "1, 2", "]"],
        ["let s = \"a ( [ {\""],
        ["let s = \"a \\(f(x))\""],
        ["let s = \"\"\"", "  ( [ {", "  \"\"\""],
        ["/* ( */ 1"],
        ["// ( [ {"],
        ["let s = \"abc"],
        ["let s = \"a \\(x"],
        ["let x = )"],
        ["1 +"],
    ]

    @Test(arguments: open)
    func openEntries(lines: [String]) {
        #expect(Self.entry(lines).isOpen)
    }

    @Test(arguments: notOpen)
    func entriesWithNothingOpen(lines: [String]) {
        #expect(!Self.entry(lines).isOpen)
    }

    @Test func theEntryIsItsLinesJoinedByLineBreaks() {
        let entry = Self.entry(["[1,", "", "2]"])
        #expect(entry.text == "[1,\n\n2]")
        #expect(entry.lineCount == 3)
        #expect(PendingEntry().isEmpty)
    }

    /// Every golden input, fixture and example, typed line by line: after each line the entry
    /// is open exactly when its text lexed whole is.
    @Test(arguments: mentorFiles(under: testsDirectory.appendingPathComponent("Golden"))
        + mentorFiles(under: testsDirectory.appendingPathComponent("Fixtures")))
    func agreesWithLexingTheWholeEntry(url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count < 200_000 else { return }  // the deep-input goldens would make this quadratic
        var entry = PendingEntry()
        var line = 0
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            entry.append(line: piece)
            #expect(entry.isOpen == Self.isOpenWhenLexedWhole(entry.bytes),
                    "\(url.lastPathComponent), after line \(line)")
        }
        #expect(entry.bytes == bytes)
    }
}
