/// A reference to a maintainable SDMX artefact: `AGENCY:ID(VERSION)`.
public struct StructureReference: Sendable, Hashable, CustomStringConvertible {
    /// The maintenance agency, empty when unknown.
    public var agencyID: String
    /// The artefact id.
    public var id: String
    /// The version, empty when not given (some providers omit it).
    public var version: String
    /// The artefact class, e.g. `DataStructure`, `Dataflow`, `Codelist`, `ProvisionAgreement`; empty when unknown.
    public var artefactClass: String

    /// Creates a reference.
    public init(agencyID: String = "", id: String, version: String = "", artefactClass: String = "") {
        self.agencyID = agencyID
        self.id = id
        self.version = version
        self.artefactClass = artefactClass
    }

    /// Parses an SDMX URN such as
    /// `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=ESTAT:NAMA_10_GDP(1.0)`,
    /// returning `nil` when the text is not one.
    public init?(urn: String) {
        let text = urn.trimmingXMLWhitespace()
        guard text.hasPrefix("urn:sdmx:"), let equals = text.firstIndex(of: "=") else { return nil }
        let classPath = text[text.index(text.startIndex, offsetBy: 9)..<equals]
        let artefactClass = classPath.split(separator: ".").last.map(String.init) ?? ""
        var rest = text[text.index(after: equals)...]
        var agency = ""
        if let colon = rest.firstIndex(of: ":") {
            agency = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        var version = ""
        var id = String(rest)
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            id = String(rest[..<open])
            version = String(rest[rest.index(after: open)..<close])
        }
        // Component URNs (…DataStructure=A:B(1.0).DIM) are not artefact references.
        guard !id.isEmpty else { return nil }
        self.init(agencyID: agency, id: id, version: version, artefactClass: artefactClass)
    }

    /// `AGENCY:ID(VERSION)`, the form SDMX-CSV uses in its `DATAFLOW` column.
    public var description: String {
        var text = agencyID.isEmpty ? id : "\(agencyID):\(id)"
        if !version.isEmpty { text += "(\(version))" }
        return text
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    public func trimmingXMLWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
