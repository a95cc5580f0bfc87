@testable import MentorRuntime
import MentorSource
import MentorSyntax
import Testing

/// `ParallelParsing` hands back each file's parse in the files' order.
@Suite("ParallelParsing")
struct ParallelParsingTests {
    static let source = """
        agreement ana_dave {
          mentor: dave
          channels: [chat]
          goal speaking "Speak up" { target: [1] }
        }
        """

    @Test("files are parsed in their order, each as the parser reads it alone", arguments: [1, 2, 7])
    func parallelParseKeepsOrder(fileCount: Int) {
        let sources = SourceMap()
        let files = (0..<fileCount).map { sources.add(path: "f\($0).mentor", text: "let x\($0) = [\($0)]\n" + Self.source) }
        let results = ParallelParsing.parse(files)
        #expect(results.map(\.syntax.file) == files.map(\.id))
        for (file, result) in zip(files, results) {
            #expect(result.syntax == Parser.parse(file).syntax)
        }
    }
}
