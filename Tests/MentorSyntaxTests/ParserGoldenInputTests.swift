import Foundation
import MentorDiagnostics
import Testing

@testable import MentorSyntax

/// Each golden input under `Tests/Golden/syntax/` triggers exactly the diagnostic it is named after.
@Suite struct ParserGoldenInputTests {
    static let expectedCodes: [String: DiagnosticCode] = [
        "unexpected_token": .unexpectedToken,
        "unclosed_delimiter": .unclosedDelimiter,
        "nesting_too_deep": .nestingTooDeep,
        "chained_comparison": .chainedComparison,
        "chained_cadence_limit": .chainedCadenceLimit,
        "missing_separator": .missingSeparator,
        "interpolated_import_path": .interpolatedImportPath,
        "invalid_lambda_parameters": .invalidLambdaParameters,
        "expression_too_deep": .expressionTooDeep,
        "assignment_as_comparison": .assignmentAsComparison,
        "missing_else": .missingElse,
    ]

    static let goldenInputs = mentorFiles(under: testsDirectory.appendingPathComponent("Golden/syntax"))

    @Test func everyCodeHasAGoldenInput() {
        let names = Set(Self.goldenInputs.map { $0.deletingPathExtension().lastPathComponent })
        #expect(names == Set(Self.expectedCodes.keys))
    }

    @Test(arguments: goldenInputs)
    func goldenInputTriggersItsDiagnostic(url: URL) throws {
        let name = url.deletingPathExtension().lastPathComponent
        let code = try #require(Self.expectedCodes[name])
        let (result, file) = try parseFile(url)
        #expect(result.diagnostics.map(\.code) == [code], "\(describe(result.diagnostics, in: file))")
        #expect(!result.isIncomplete)
    }
}
