/// The bare words a field's value may use, worked out once per schema row: a declaration's
/// fields are resolved by the hundred thousand in a large programme, and working these out
/// from the field's type for each one was a seventh of resolving.
final class FieldVocabulary: Sendable {
    /// Bare words that stand for themselves in the field (channels, booking roles).
    let symbols: Set<String>
    /// The words the field takes, so an unknown word lists them; nil for a field that takes none.
    let words: DomainWords?

    /// The vocabulary of field type `type`; nil when it has neither symbols nor words.
    init?(_ type: FieldType) {
        let symbols = FieldVocabulary.symbols(in: type)
        let words = DomainWords(type)
        if symbols.isEmpty && words == nil { return nil }
        self.symbols = symbols
        self.words = words
    }

    private static func symbols(in type: FieldType) -> Set<String> {
        switch type {
        case .symbol(let names): names
        case .list(let element): symbols(in: element)
        default: []
        }
    }
}
