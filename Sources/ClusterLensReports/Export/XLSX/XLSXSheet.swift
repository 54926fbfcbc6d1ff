/// One worksheet: a header row, rows of cells, frozen panes and an auto-filter over the table.
struct XLSXSheet: Sendable {
    /// The sheet's name (at most 31 characters, none of `[]:*?/\`).
    var name: String
    /// The header row.
    var header: [String]
    /// The rows under it.
    var rows: [[XLSXCell]]
    /// How many columns on the left stay in view when scrolling sideways (the header row always does).
    var frozenColumns = 0
    /// Columns whose width is fixed (wrapped text), by index.
    var fixedWidths: [Int: Double] = [:]

    /// The widths of the columns in characters: the longest cell (the header counted up to 24
    /// characters, since it wraps), plus a margin, between 6 and 60.
    var columnWidths: [Double] {
        let count = max(header.count, rows.map(\.count).max() ?? 0)
        return (0..<count).map { column in
            if let fixed = fixedWidths[column] { return fixed }
            let headerWidth = column < header.count ? min(24, header[column].count) : 0
            let cells = rows.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
            return Double(min(60, max(6, max(headerWidth, cells) + 2)))
        }
    }

    /// `A1:K57`: the table's range, header included.
    var range: String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        return "A1:" + XLSXCell.reference(column: max(0, columns - 1), row: rows.count + 1)
    }
}
