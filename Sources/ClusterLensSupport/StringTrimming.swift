extension String {
    /// The text without leading and trailing spaces, tabs and carriage returns (the white space a CSV
    /// cell or a code may carry; line feeds never occur inside them).
    package func trimmingSpaces() -> String {
        let isSpace = { (character: Character) in character == " " || character == "\t" || character == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
