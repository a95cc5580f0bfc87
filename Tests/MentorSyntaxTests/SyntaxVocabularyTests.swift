import MentorDiagnostics
import Testing

@testable import MentorSyntax

/// The vocabulary is what the REPL, `export` and editors are told; the lexer and parser have
/// their own fast paths. These tests keep the two in step.
@Suite("Syntax vocabulary")
struct SyntaxVocabularyTests {
    @Test("every reserved word lexes as its own kind", arguments: SyntaxVocabulary.reservedWords.map(\.word))
    func reservedWordLexes(word: String) {
        let kind = SyntaxVocabulary.reservedWords.first { $0.word == word }!.kind
        #expect(LexerTestSupport.pieces(word) == [Piece(kind, word, .none)])
    }

    @Test("every keyword kind the lexer can produce is in the vocabulary")
    func everyKeywordKindIsListed() {
        let keywordKinds = TokenKind.allCases.filter { String(describing: $0).hasPrefix("kw") }
        #expect(SyntaxVocabulary.reservedWords.map(\.kind) == keywordKinds)
    }

    @Test("near misses of reserved words are names", arguments: SyntaxVocabulary.reservedWords.map(\.word))
    func nearMissesAreNames(word: String) {
        let reserved = Set(SyntaxVocabulary.reservedWords.map(\.word))
        let variants = [word + "s", word + "_", String(word.dropLast()), word.uppercased(), "_" + word]
        for variant in variants where !variant.isEmpty && !reserved.contains(variant) {
            #expect(LexerTestSupport.pieces(variant) == [Piece(.identifier, variant, .none)], "\(variant)")
            #expect(SyntaxVocabulary.isName(variant), "\(variant)")
        }
        #expect(!SyntaxVocabulary.isName(word))
    }

    @Test("every top-level declaration word starts a declaration of its kind", arguments: DeclarationKind.topLevel)
    func declarationWordsParse(kind: DeclarationKind) {
        let word = SyntaxVocabulary.declarationWords.first { $0.kind == kind }!.word
        let header = switch kind {
        case .program: "\(word) {}"
        case .test: "\(word) \"t\" {}"
        default: "\(word) x {}"
        }
        let result = Parser.parse(LexerTestSupport.file(header))
        #expect(result.diagnostics.isEmpty)
        guard case .declaration(let declaration)? = result.syntax.items.first else {
            Issue.record("`\(header)` is not a declaration")
            return
        }
        #expect(declaration.kind == kind)
    }

    @Test("the identifier rule is the lexer's", arguments: [
        ("ana", true), ("_x", true), ("x1", true), ("Inês", true), ("e\u{301}t\u{301}e", true), ("日本", true),
        ("1x", false), ("a-b", false), ("a.b", false), ("", false), ("a b", false), ("x٣", false), ("let", false),
    ])
    func identifierRule(text: String, isName: Bool) {
        #expect(SyntaxVocabulary.isName(text) == isName)
        guard !text.isEmpty else { return }
        let lexesAsOneName = LexerTestSupport.pieces(text) == [Piece(.identifier, text, .none)]
        #expect(lexesAsOneName == isName)
    }

    @Test("comment delimiters lex as comments")
    func commentDelimiters() {
        let line = SyntaxVocabulary.lineCommentStart + " x"
        let doc = SyntaxVocabulary.docCommentStart + " x\nlet y = 1"
        let block = SyntaxVocabulary.blockCommentOpen + " \(SyntaxVocabulary.blockCommentOpen) x \(SyntaxVocabulary.blockCommentClose) "
            + SyntaxVocabulary.blockCommentClose
        #expect(LexerTestSupport.pieces(line).map(\.kind) == [.lineComment])
        #expect(LexerTestSupport.pieces(doc).first?.kind == .docComment)
        #expect(LexerTestSupport.pieces(block).map(\.kind) == [.blockComment])
    }

    /// Tables indexed by kind (`ProgramSchemas`) rely on the ordinal being the case's position.
    @Test("a declaration kind's ordinal is its position among all kinds")
    func kindOrdinals() {
        #expect(DeclarationKind.allCases.map(\.ordinal) == Array(DeclarationKind.allCases.indices))
    }
}
