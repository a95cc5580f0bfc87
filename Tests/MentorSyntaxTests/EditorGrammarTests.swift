import Foundation
import MentorSyntax
import Testing

/// The editor files restate the lexer's word lists in their own languages (TextMate regexes,
/// Vim syntax commands). These tests hold them to `SyntaxVocabulary` and `DurationUnit`, so a
/// new reserved word, declaration kind or unit fails here until the editors colour it too.
@Suite("Editor grammar")
struct EditorGrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let grammarPath = "Grammar/mentor.tmLanguage.json"

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The `match` regexes of the rules under `repository[key].patterns`.
    static func matches(_ key: String) throws -> [String] {
        let data = try Data(contentsOf: root.appendingPathComponent(grammarPath))
        let grammar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let repository = try #require(grammar["repository"] as? [String: Any])
        let rule = try #require(repository[key] as? [String: Any], "no rule \(key)")
        let patterns = try #require(rule["patterns"] as? [[String: Any]])
        return patterns.compactMap { $0["match"] as? String }
    }

    /// The words of the first group in `text` matching `group`, a regex whose capture 1 is
    /// `word|word|…`.
    static func words(in text: String, group: String) throws -> [String] {
        let regex = try Regex(group)
        guard let match = text.firstMatch(of: regex), let words = match.output[1].substring else { return [] }
        return words.split(separator: "|").map(String.init)
    }

    /// A capturing group of plain lowercase words: `(let|fn)`, `(rule)`.
    static let plainGroup = #"\(([a-z_]+(?:\|[a-z_]+)*)\)"#

    static let reservedWords = SyntaxVocabulary.reservedWords.map(\.word).sorted()
    static let declarationWords = SyntaxVocabulary.declarationWords.map(\.word).sorted()

    @Test("the TextMate grammar's keywords are the reserved words, each once")
    func grammarKeywords() throws {
        let words = try Self.matches("keywords").flatMap { try Self.words(in: $0, group: Self.plainGroup) }
        #expect(words.sorted() == Self.reservedWords)
    }

    @Test("the TextMate grammar's declaration words are the declaration kinds, each once")
    func grammarDeclarationWords() throws {
        let words = try Self.matches("declarations").flatMap { try Self.words(in: $0, group: Self.plainGroup) }
        #expect(words.sorted() == Self.declarationWords)
    }

    @Test("the TextMate grammar's duration units are the lexer's, singular and plural")
    func grammarDurationUnits() throws {
        let units = DurationUnit.allCases.flatMap { [$0.singular, $0.plural] }.sorted()
        let durations = try Self.matches("numbers").filter { $0.contains("minute") }
        #expect(durations.count == 2) // a duration, and a fractional one (an error)
        for pattern in durations {
            #expect(try Self.words(in: pattern, group: #"\(\?:([a-z]+(?:\|[a-z]+)+)\)"#).sorted() == units)
        }
    }

    @Test("the Vim syntax file's keywords are the reserved words, each once")
    func vimKeywords() throws {
        let lines = try Self.text("Editors/vim/syntax/mentor.vim").split(separator: "\n")
        let words = lines.filter { $0.hasPrefix("syntax keyword ") && !$0.hasSuffix(" contained") }
            .flatMap { $0.split(separator: " ").dropFirst(3).map(String.init) }
        #expect(words.sorted() == Self.reservedWords)
    }

    @Test("the Vim syntax file's declaration words are the declaration kinds, each once")
    func vimDeclarationWords() throws {
        let lines = try Self.text("Editors/vim/syntax/mentor.vim").split(separator: "\n")
            .filter { $0.hasPrefix("execute 'syntax match mentorDeclaration ") }
        let words = try lines.flatMap { line in
            let alternatives = try Self.words(in: String(line), group: #"<%\(([a-z|]+)\)>"#)
            return alternatives.isEmpty ? try Self.words(in: String(line), group: #"<([a-z]+)>"#) : alternatives
        }
        #expect(words.sorted() == Self.declarationWords)
    }

    @Test("the Vim syntax file's duration units are the lexer's")
    func vimDurationUnits() throws {
        let text = try Self.text("Editors/vim/syntax/mentor.vim")
        let units = try Self.words(in: text, group: #"%\(([a-z]+(?:\|[a-z]+)+)\)s\?>"#)
        #expect(units.sorted() == DurationUnit.allCases.map(\.singular).sorted())
    }

    @Test("the VS Code extension carries the grammar unchanged")
    func vscodeGrammarCopy() throws {
        #expect(try Self.text("Editors/vscode/syntaxes/mentor.tmLanguage.json") == Self.text(Self.grammarPath))
    }
}
