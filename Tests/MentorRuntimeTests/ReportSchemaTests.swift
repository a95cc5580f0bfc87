import Foundation
import Testing

/// docs/check.schema.json and docs/test.schema.json state what `check --format json` and
/// `test --format json` write. Every golden whose command writes such a report must match its
/// schema, keys in the order the schema lists them (the order the writers promise, which
/// JSON Schema itself cannot say); Scripts/e2e/check_formats.py and test_formats.py validate
/// far more outputs with a full validator.
@Suite("Check and test report schemas")
struct ReportSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A golden whose first line runs `check` or `test` with `--format json`.
    struct Case: CustomTestStringConvertible, Sendable {
        let path: String
        let command: String
        var testDescription: String { path }
    }

    static func cases() -> [Case] {
        let golden = root.appendingPathComponent("Tests/Golden")
        guard let walker = FileManager.default.enumerator(atPath: golden.path) else { return [] }
        var cases: [Case] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".mentor"),
                  let source = try? String(contentsOf: golden.appendingPathComponent(relative), encoding: .utf8),
                  let first = source.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("// mentor:") else { continue }
            let words = first.dropFirst("// mentor:".count).split(separator: " ").map(String.init)
            guard let command = words.first, ["check", "test"].contains(command),
                  zip(words, words.dropFirst()).contains(where: { $0 == "--format" && $1 == "json" }) else { continue }
            cases.append(Case(path: "Tests/Golden/" + relative, command: command))
        }
        return cases.sorted { $0.path < $1.path }
    }

    static func schema(_ command: String) throws -> OrderedJSON {
        try OrderedJSON.parse(String(contentsOf: root.appendingPathComponent("docs/\(command).schema.json"), encoding: .utf8))
    }

    /// The standard output section of a golden's `.expected` file.
    static func stdout(of golden: String) throws -> String {
        let expected = try String(contentsOf: root.appendingPathComponent(String(golden.dropLast(".mentor".count)) + ".expected"), encoding: .utf8)
        let start = try #require(expected.range(of: "--- stdout\n"), "\(golden): no stdout section")
        let end = try #require(expected.range(of: "--- stderr\n", range: start.upperBound..<expected.endIndex), "\(golden): no stderr section")
        return String(expected[start.upperBound..<end.lowerBound])
    }

    @Test("there are golden reports of both commands")
    func bothCommandsHaveGoldens() {
        let commands = Self.cases().map(\.command)
        #expect(commands.filter { $0 == "check" }.count >= 5 && commands.filter { $0 == "test" }.count >= 4, "\(commands)")
    }

    @Test("each golden report matches its schema, keys in the schema's order", arguments: cases())
    func goldenMatchesTheSchema(_ golden: Case) throws {
        let schema = try Self.schema(golden.command)
        let report = try OrderedJSON.parse(try Self.stdout(of: golden.path))
        let problems = SchemaCheck(root: schema).problems(report, against: schema, at: "$")
        #expect(problems.isEmpty, "\(golden.path):\n\(problems.joined(separator: "\n"))")
    }

    @Test("every property of both schemas has a description, its own or its definition's", arguments: ["check", "test"])
    func everyPropertyIsDescribed(_ command: String) throws {
        let schema = try Self.schema(command)
        func undescribed(_ node: OrderedJSON, at place: String) -> [String] {
            switch node {
            case .object(let members):
                var found: [String] = []
                if case .object(let properties)? = node["properties"] {
                    for property in properties where property.value["description"] == nil {
                        var definition: OrderedJSON?
                        if case .string(let target)? = property.value["$ref"] {
                            definition = schema["$defs"]?[String(target.dropFirst("#/$defs/".count))]
                        }
                        if definition?["description"] == nil { found.append("\(place)/properties/\(property.key)") }
                    }
                }
                return found + members.flatMap { undescribed($0.value, at: "\(place)/\($0.key)") }
            case .array(let elements):
                return elements.enumerated().flatMap { undescribed($0.element, at: "\(place)/\($0.offset)") }
            default:
                return []
            }
        }
        let missing = undescribed(schema, at: "#")
        #expect(missing.isEmpty, "docs/\(command).schema.json: \(missing)")
    }

    @Test("the check checker rejects a renamed key, a wrong type and keys out of order")
    func checkerRejectsBrokenReports() throws {
        let schema = try Self.schema("check")
        let valid = #"{"version":1,"summary":{"files":1,"errors":0,"warnings":0,"waived":0},"diagnostics":[]}"#
        #expect(SchemaCheck(root: schema).problems(try OrderedJSON.parse(valid), against: schema, at: "$").isEmpty)
        for broken in [
            #"{"version":1,"summary":{"files":1,"errors":0,"warnings":0,"waivers":0},"diagnostics":[]}"#,
            #"{"version":1,"summary":{"files":"1","errors":0,"warnings":0,"waived":0},"diagnostics":[]}"#,
            #"{"version":1,"summary":{"errors":0,"files":1,"warnings":0,"waived":0},"diagnostics":[]}"#,
            #"{"version":2,"summary":{"files":1,"errors":0,"warnings":0,"waived":0},"diagnostics":[]}"#,
        ] {
            #expect(!SchemaCheck(root: schema).problems(try OrderedJSON.parse(broken), against: schema, at: "$").isEmpty, "\(broken)")
        }
    }
}

/// The part of JSON Schema draft 2020-12 the report schemas use, and key order: a keyword it
/// does not know is a problem, so the schemas cannot come to rely on one it would skip.
struct SchemaCheck {
    let root: OrderedJSON

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let keywords: Set<String> = ["$ref", "oneOf", "anyOf", "allOf", "type", "const", "enum", "required", "properties",
                                        "additionalProperties", "items", "pattern", "minimum", "minLength", "maxItems"]

    /// What is wrong with `value` under `schema`, each with its place in the document; empty when it matches.
    func problems(_ value: OrderedJSON, against schema: OrderedJSON, at place: String) -> [String] {
        var problems: [String] = []
        for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            problems.append("\(place): the schema uses \(key), which this check does not know")
        }
        if let reference = schema["$ref"] {
            guard case .string(let target) = reference, target.hasPrefix("#/$defs/"),
                  let definition = root["$defs"]?[String(target.dropFirst("#/$defs/".count))] else {
                return problems + ["\(place): unresolved $ref \(reference)"]
            }
            problems += self.problems(value, against: definition, at: place)
        }
        if case .array(let branches)? = schema["oneOf"] {
            let outcomes = branches.map { self.problems(value, against: $0, at: place) }
            let matching = outcomes.filter(\.isEmpty).count
            if matching != 1 { problems.append("\(place): matches \(matching) of oneOf's \(branches.count) branches") }
            // The nearest branch's problems say what is wrong, rather than only that something is.
            if matching == 0, let nearest = outcomes.min(by: { $0.count < $1.count }) { problems += nearest }
        }
        if case .array(let branches)? = schema["anyOf"], !branches.contains(where: { self.problems(value, against: $0, at: place).isEmpty }) {
            problems.append("\(place): matches none of anyOf")
        }
        if case .array(let branches)? = schema["allOf"] {
            for branch in branches { problems += self.problems(value, against: branch, at: place) }
        }
        if let type = schema["type"] {
            let allowed = type.strings.isEmpty ? [type].compactMap { if case .string(let t) = $0 { t } else { nil } } : type.strings
            if !allowed.contains(where: { Self.value(value, is: $0) }) { problems.append("\(place): not of type \(allowed)") }
        }
        if let constant = schema["const"], constant != value { problems.append("\(place): is not \(constant)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) { problems.append("\(place): not one of the enum") }
        if case .object(let members) = value {
            problems += objectProblems(members, against: schema, at: place)
        }
        if case .array(let elements) = value {
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { problems += self.problems(element, against: items, at: "\(place)[\(index)]") }
            }
            if case .number(let most)? = schema["maxItems"], Double(elements.count) > most { problems.append("\(place): more than \(Int(most)) items") }
        }
        if case .string(let text) = value {
            if case .string(let pattern)? = schema["pattern"], text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(place): \(text) does not match \(pattern)")
            }
            if case .number(let least)? = schema["minLength"], Double(text.unicodeScalars.count) < least { problems.append("\(place): too short") }
        }
        if case .number(let number) = value, case .number(let least)? = schema["minimum"], number < least {
            problems.append("\(place): below \(least)")
        }
        return problems
    }

    private func objectProblems(_ members: [(key: String, value: OrderedJSON)], against schema: OrderedJSON, at place: String) -> [String] {
        var problems: [String] = []
        let keys = members.map(\.key)
        for required in schema["required"]?.strings ?? [] where !keys.contains(required) {
            problems.append("\(place): no \(required)")
        }
        guard let properties = schema["properties"] else { return problems }
        let listed = properties.keys
        for member in members {
            if let property = properties[member.key] {
                problems += self.problems(member.value, against: property, at: "\(place).\(member.key)")
            } else if schema["additionalProperties"] == .bool(false) {
                problems.append("\(place): \(member.key) is not in the schema")
            }
        }
        // The writers' key order is part of the contract (docs/diagnostics/README-format.md).
        let positions = keys.compactMap { listed.firstIndex(of: $0) }
        if positions != positions.sorted() { problems.append("\(place): keys \(keys) are not in the schema's order \(listed)") }
        return problems
    }

    private static func value(_ value: OrderedJSON, is type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let number)): number == number.rounded()
        default: false
        }
    }
}
