import Foundation
@testable import MentorRuntime
import Testing

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/zoneinfo")

private func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int64 {
    Int64(CivilDate(year: year, month: month, day: day)!.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60)
}

/// A version 2 TZif file with no transitions and only a footer, like the "slim" files zic writes.
private func slimTZif(footer: String, offset: Int32, abbreviation: String) -> [UInt8] {
    func header(version: UInt8) -> [UInt8] {
        var bytes = Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
        let counts: [UInt32] = [0, 0, 0, 0, 1, UInt32(abbreviation.utf8.count + 1)]
        for count in counts { bytes += withUnsafeBytes(of: count.bigEndian, Array.init) }
        return bytes
    }
    let type = withUnsafeBytes(of: offset.bigEndian, Array.init) + [0, 0] + Array(abbreviation.utf8) + [0]
    return header(version: UInt8(ascii: "2")) + type + header(version: UInt8(ascii: "2")) + type
        + Array("\n\(footer)\n".utf8)
}

@Suite struct TZifParserTests {
    @Test func readsTheBerlinFixture() throws {
        let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent("Europe/Berlin")))
        let rules = try TZifParser.parse(bytes, name: "Europe/Berlin")
        #expect(rules.type(at: instant(2026, 1, 12, 8)) == LocalTimeType(utcOffset: 3600, isDaylight: false, abbreviation: "CET"))
        #expect(rules.type(at: instant(2026, 7, 1, 12)) == LocalTimeType(utcOffset: 7200, isDaylight: true, abbreviation: "CEST"))
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let (inEffect, changes) = rules.transitions(from: instant(2026, 1, 1, 0), through: instant(2026, 12, 31, 0))
        #expect(inEffect.abbreviation == "CET")
        #expect(changes.map(\.instant) == [instant(2026, 3, 29, 1), instant(2026, 10, 25, 1)])
        #expect(changes.map(\.after.abbreviation) == ["CEST", "CET"])
        // Far beyond the explicit table, the footer's rule takes over.
        let (_, later) = rules.transitions(from: instant(2100, 1, 1, 0), through: instant(2100, 12, 31, 0))
        #expect(later.map(\.instant) == [instant(2100, 3, 28, 1), instant(2100, 10, 31, 1)])
    }

    @Test func followsTheFooterOfASlimFile() throws {
        let rules = try TZifParser.parse(slimTZif(footer: "CET-1CEST,M3.5.0,M10.5.0/3", offset: 3600, abbreviation: "CET"), name: "Slim")
        let (inEffect, changes) = rules.transitions(from: instant(2026, 1, 1, 0), through: instant(2027, 1, 1, 0))
        #expect(inEffect.utcOffset == 3600)
        #expect(changes.map(\.instant) == [instant(2026, 3, 29, 1), instant(2026, 10, 25, 1)])
        #expect(changes.map(\.before.utcOffset) == [3600, 7200])
    }

    @Test func southernHemisphereRulesOrderByInstant() throws {
        // Sydney: summer time ends first Sunday of April 03:00, starts first Sunday of October 02:00.
        let rules = try TZifParser.parse(slimTZif(footer: "AEST-10AEDT,M10.1.0,M4.1.0/3", offset: 36_000, abbreviation: "AEST"), name: "Sydney")
        let (inEffect, changes) = rules.transitions(from: instant(2026, 1, 1, 0), through: instant(2026, 12, 31, 0))
        #expect(inEffect.abbreviation == "AEDT")
        #expect(changes.map(\.instant) == [instant(2026, 4, 4, 16), instant(2026, 10, 3, 16)])
    }

    @Test(arguments: [
        ([UInt8](), "it does not start with the TZif magic"),
        (Array("TZif2".utf8) + [UInt8](repeating: 0, count: 10), "it does not start with the TZif magic"),
    ])
    func rejectsMalformedFiles(_ bytes: [UInt8], _ reason: String) {
        #expect(throws: TZifError(reason: reason)) { try TZifParser.parse(bytes, name: "X") }
    }

    @Test func rejectsATruncatedFile() throws {
        let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent("Europe/Berlin")))
        #expect(throws: TZifError.self) { try TZifParser.parse(Array(bytes.prefix(200)), name: "X") }
        #expect(throws: TZifError.self) { try TZifParser.parse(Array(bytes.dropLast(3)), name: "X") }
    }

    @Test(arguments: [
        ("M3.5.0", 2026, "2026-03-29"), ("M10.5.0", 2026, "2026-10-25"), ("M3.2.0", 2026, "2026-03-08"),
        ("M11.1.0", 2026, "2026-11-01"), ("M2.5.0", 2024, "2024-02-25"), ("J60", 2024, "2024-03-01"),
        ("J60", 2025, "2025-03-01"), ("59", 2024, "2024-02-29"), ("0", 2026, "2026-01-01"),
    ])
    func rulesNameTheRightDay(_ rule: String, _ year: Int, _ expected: String) throws {
        let zone = try #require(PosixTimeZone("XXX0YYY,\(rule),\(rule)"))
        #expect(zone.start?.day.date(in: year)?.description == expected)
    }

    @Test(arguments: ["", "C", "CET", "CET-1CEST", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0"])
    func invalidOrIncompleteTZStrings(_ text: String) {
        // A standard-only string ("CET" with no offset) is also malformed: the offset is required.
        #expect(PosixTimeZone(text) == nil)
    }

    @Test func fixedZonesHaveNoTransitions() throws {
        let zone = try #require(PosixTimeZone("<+0530>-5:30"))
        #expect(zone.standard == LocalTimeType(utcOffset: 19_800, isDaylight: false, abbreviation: "+0530"))
        #expect(zone.daylight == nil)
    }

    @Test func zoneNamesStayInsideTheDatabase() {
        #expect(TimeZoneDatabase.isZoneName("Europe/Berlin"))
        #expect(TimeZoneDatabase.isZoneName("Etc/GMT+1"))
        for bad in ["", "/etc/passwd", "../etc/passwd", "Europe/../../x", "Europe//Berlin", ".hidden", "a b"] {
            #expect(!TimeZoneDatabase.isZoneName(bad), "\(bad)")
        }
    }

    @Test func databaseLookups() throws {
        let database = TimeZoneDatabase(directory: fixtures.path)
        #expect(try database.rules(for: "Europe/Berlin").name == "Europe/Berlin")
        #expect(throws: TimeZoneDatabase.LookupError.unknownZone(suggestions: ["Europe/Berlin"])) {
            try database.rules(for: "Europe/Berln")
        }
        #expect(throws: TimeZoneDatabase.LookupError.databaseMissing(directory: "/no/such/zoneinfo")) {
            try TimeZoneDatabase(directory: "/no/such/zoneinfo").rules(for: "Europe/Berlin")
        }
    }
}
