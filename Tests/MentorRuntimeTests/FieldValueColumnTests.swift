@testable import MentorRuntime
import Testing

/// `FieldValueColumn` keeps every entity's values apart while they share chunks: setting,
/// clearing, growing past the reserved room, replacing, and an entity larger than a chunk.
@Suite struct FieldStoreColumnTests {
    private func slots(_ column: FieldValueColumn, _ index: Int) -> [Int] { column.values(of: index).map(\.slot) }

    private func number(_ column: FieldValueColumn, _ index: Int, _ slot: Int) -> Int64? {
        if case .number(.integer(let number))? = column.value(of: index, at: slot) { return number } else { return nil }
    }

    @Test("an entity reads as empty while no entity holds a value, before any chunk exists")
    func emptyBeforeAnyChunk() {
        var column = FieldValueColumn()
        column.appendEntity()
        #expect(column.values(of: 0).isEmpty)
        #expect(column.value(of: 0, at: 2) == nil)
        column.clear(2, of: 0)
        column.replaceValues(of: 0, with: [])
        #expect(column.values(of: 0).isEmpty)
    }

    @Test("values set, replaced and cleared stay in their entity, in order")
    func setAndClear() {
        var column = FieldValueColumn()
        for _ in 0 ..< 3 { column.appendEntity() }
        column.reserve(3, for: 0)
        column.reserve(2, for: 1)
        for slot in 2 ..< 5 { column.setValue(.integer(Int64(slot)), of: 0, at: slot) }
        column.setValue(.integer(7), of: 1, at: 3)
        column.setValue(.integer(9), of: 0, at: 3)
        #expect(slots(column, 0) == [2, 3, 4])
        #expect(number(column, 0, 3) == 9)
        #expect(number(column, 1, 3) == 7)
        column.clear(2, of: 0)
        #expect(slots(column, 0) == [3, 4])
        #expect(column.value(of: 0, at: 2) == nil)
        #expect(slots(column, 2) == [])
        #expect(column.value(of: 2, at: 3) == nil)
    }

    @Test("an entity given more values than it reserved moves, and its neighbours keep theirs")
    func growsPastItsRoom() {
        var column = FieldValueColumn()
        for _ in 0 ..< 2 { column.appendEntity() }
        column.reserve(1, for: 0)
        column.reserve(1, for: 1)
        column.setValue(.integer(1), of: 1, at: 5)
        for slot in 2 ..< 10 { column.setValue(.integer(Int64(slot * 10)), of: 0, at: slot) }
        #expect(slots(column, 0) == Array(2 ..< 10))
        #expect((2 ..< 10).map { number(column, 0, $0) } == (2 ..< 10).map { Int64($0 * 10) })
        #expect(slots(column, 1) == [5])
        #expect(number(column, 1, 5) == 1)
    }

    @Test("replacing an entity's values, with fewer and with more than it has room for")
    func replaces() {
        var column = FieldValueColumn()
        for _ in 0 ..< 2 { column.appendEntity() }
        column.reserve(2, for: 0)
        column.setValue(.integer(1), of: 0, at: 2)
        column.setValue(.integer(2), of: 0, at: 3)
        column.setValue(.integer(3), of: 1, at: 2)
        column.replaceValues(of: 0, with: [StoredField(slot: 4, value: .integer(4))])
        #expect(slots(column, 0) == [4])
        column.replaceValues(of: 0, with: (2 ..< 7).map { StoredField(slot: $0, value: .integer(Int64($0))) })
        #expect(slots(column, 0) == Array(2 ..< 7))
        #expect(number(column, 0, 6) == 6)
        #expect(slots(column, 1) == [2])
    }

    @Test("an entity with more values than a chunk holds gets a chunk of its own")
    func largerThanAChunk() {
        var column = FieldValueColumn()
        for _ in 0 ..< 3 { column.appendEntity() }
        column.reserve(1, for: 0)
        column.setValue(.integer(1), of: 0, at: 2)
        let many = FieldValueColumn.chunkSize + 10
        column.reserve(many, for: 1)
        for slot in 0 ..< many { column.setValue(.integer(Int64(slot)), of: 1, at: slot) }
        column.reserve(1, for: 2)
        column.setValue(.integer(3), of: 2, at: 2)
        #expect(column.values(of: 1).count == many)
        #expect(number(column, 1, many - 1) == Int64(many - 1))
        #expect(number(column, 0, 2) == 1)
        #expect(number(column, 2, 2) == 3)
    }
}
