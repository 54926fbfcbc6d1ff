/// The one spelling of a dataflow id that ClusterLens files and compares observations under.
public enum DataflowID {
    /// The dataflow id without agency and version, lower-cased.
    ///
    /// `ESTAT:SBS_R_NUTS2021(1.0)`, `SBS_R_NUTS2021`, `sbs_r_nuts2021` and
    /// `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=ESTAT:SBS_R_NUTS2021(1.0)` all give
    /// `sbs_r_nuts2021`.
    ///
    /// - Parameter text: A dataflow id or reference.
    public static func normalised(_ text: String) -> String {
        // Already normal (the stored ids, the bindings' ids): the text itself, nothing allocated.
        if text.utf8.allSatisfy(isNormalByte) { return text }
        var id = Substring(text)
        while let first = id.first, first == " " || first == "\t" || first == "\r" { id = id.dropFirst() }
        while let last = id.last, last == " " || last == "\t" || last == "\r" { id = id.dropLast() }
        if let equals = id.lastIndex(of: "=") { id = id[id.index(after: equals)...] }
        if let colon = id.lastIndex(of: ":") { id = id[id.index(after: colon)...] }
        if let parenthesis = id.firstIndex(of: "(") { id = id[..<parenthesis] }
        return id.lowercased()
    }

    /// Whether a byte leaves a normal id unchanged: ASCII, not upper-case, not blank, `=`, `:` or `(`.
    private static func isNormalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x80...0xFF, UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: " "), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "("):
            return false
        default:
            return true
        }
    }
}
