extension String {
    /// The string with each scalar for which `replacement` gives text replaced by that text:
    /// the one loop behind every escaper of an output format (XML, YAML, TAP, GitHub
    /// workflow commands), each of which is then only its table.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { result += text } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
