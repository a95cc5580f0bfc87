/// A built-in list member that takes arguments (`xs.contains(x)`, `xs.map(f)`), known from
/// the member's name once, when code is resolved (`MemberName.listMethod`): a member call in
/// a rule then switches over this instead of comparing the name with each method's in turn.
enum ListMethod: String, CaseIterable, Sendable {
    case contains, map, filter, any, all, sorted, join, take, drop
}
