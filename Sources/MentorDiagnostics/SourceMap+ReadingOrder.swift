import MentorSource

extension SourceMap {
    /// `diagnostics` in reading order: by file path, then position, stable for equal positions.
    /// The front doors sort once, just before rendering; the phases report in any order.
    public func inReadingOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.span.file != y.span.file {
                let pathX = file(x.span.file)?.path ?? ""
                let pathY = file(y.span.file)?.path ?? ""
                if pathX != pathY { return pathX < pathY }
            }
            if x.span.start != y.span.start { return x.span.start < y.span.start }
            return a.offset < b.offset
        }.map(\.element)
    }
}
