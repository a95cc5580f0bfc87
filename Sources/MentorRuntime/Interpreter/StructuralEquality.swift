/// `==` on values, in time linear in the number of distinct lists and records compared.
///
/// Lists and records share storage when one value is used twice, so a value built by doubling
/// (`[x, x]`, sixty times over) is small in memory but has 2^60 elements when walked. Comparing
/// two such values element by element would never finish; instead a pair of storages already
/// found equal is not compared again, and a storage is always equal to itself.
struct StructuralEquality {
    /// Pairs of list or record storages (their base addresses) already found equal.
    private var provenEqual: Set<StoragePair> = []

    private struct StoragePair: Hashable {
        let left: UInt
        let right: UInt
    }

    /// True when `left` and `right` are the same value.
    static func equal(_ left: Value, _ right: Value) -> Bool {
        var equality = StructuralEquality()
        return equality.equal(left, right)
    }

    private mutating func equal(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            return equalStorage(StructuralEquality.address(a), StructuralEquality.address(b)) {
                $0.allElementsEqual(a, b)
            }
        case (.record(let a), .record(let b)):
            guard a.fields.count == b.fields.count else { return false }
            return equalStorage(StructuralEquality.address(a.fields), StructuralEquality.address(b.fields)) { equality in
                a.fields.allSatisfy { field in b[field.name].map { equality.equal(field.value, $0) } ?? false }
            }
        default:
            return Operators.equalScalars(left, right)
        }
    }

    private mutating func allElementsEqual(_ a: [Value], _ b: [Value]) -> Bool {
        for index in a.indices where !equal(a[index], b[index]) { return false }
        return true
    }

    private mutating func equalStorage(_ left: UInt, _ right: UInt, compare: (inout StructuralEquality) -> Bool) -> Bool {
        if left == right { return true }
        let pair = StoragePair(left: left, right: right)
        if provenEqual.contains(pair) { return true }
        guard compare(&self) else { return false }
        provenEqual.insert(pair)
        return true
    }

    /// The address of an array's elements: shared storage has one address. Empty arrays share a
    /// single empty storage, which is equal to itself as it should be.
    private static func address<Element>(_ array: [Element]) -> UInt {
        array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }
}
