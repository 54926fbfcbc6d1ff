internal import ClusterLensXML
internal import Foundation

/// Checks report files against the schemas shipped in `Reports/schema/`: XML reports against
/// `clusterlens-report.xsd` (libxml2's XSD validation), JSON reports against
/// `clusterlens-report.schema.json` (``JSONSchemaValidator``). The kind is told by the content
/// (a first non-blank byte `<` or `{`), not the extension.
public struct ReportValidator {
    /// The folder holding the two schemas.
    public let schemaFolder: String

    /// The result of validating one file.
    public struct Result: Sendable {
        /// The file.
        public var file: String
        /// `xml` or `json`.
        public var kind: String
        /// The validity errors, each with a line (XML) or a JSON Pointer (JSON); empty when valid.
        public var issues: [String]
    }

    /// A validator using the schemas in `schemaFolder`.
    public init(schemaFolder: String) {
        self.schemaFolder = schemaFolder
    }

    /// The XSD's path.
    public var xmlSchemaPath: String { (schemaFolder as NSString).appendingPathComponent("clusterlens-report.xsd") }
    /// The JSON Schema's path.
    public var jsonSchemaPath: String {
        (schemaFolder as NSString).appendingPathComponent("clusterlens-report.schema.json")
    }

    /// Validates one report file.
    ///
    /// - Throws: ``ReportError`` — `unreadable` when the file cannot be read, is not well-formed XML
    ///   or JSON, or is neither; `invalid` when a schema cannot be loaded.
    public func validate(file path: String) throws(ReportError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReportError(.unreadable, "cannot read the file", file: path)
        }
        let bytes = [UInt8](data)
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        if head.contains("<!doctype html") || head.contains("<html") {
            throw ReportError(
                .notReport,
                "an HTML report has no schema to validate against: validate the XML or JSON report written beside it",
                file: path)
        }
        let first = bytes.first { ![32, 9, 10, 13, 0xEF, 0xBB, 0xBF].contains($0) }
        switch first {
        case UInt8(ascii: "<"):
            do {
                let validator = try XMLSchemaValidator(schemaPath: xmlSchemaPath)
                let issues = try validator.validate(file: path)
                return Result(file: path, kind: "xml", issues: issues.map(\.description))
            } catch {
                if error.file == xmlSchemaPath { throw ReportError(.invalid, error.description, file: xmlSchemaPath) }
                throw ReportError(.unreadable, error.message, file: path, line: error.line, underlying: error)
            }
        case UInt8(ascii: "{"):
            guard let schemaData = FileManager.default.contents(atPath: jsonSchemaPath) else {
                throw ReportError(.invalid, "cannot read the JSON schema", file: jsonSchemaPath)
            }
            let schema = try JSONValue.parse([UInt8](schemaData), file: jsonSchemaPath)
            let document = try JSONValue.parse(bytes, file: path)
            let issues = try JSONSchemaValidator(schema: schema).validate(document)
            return Result(file: path, kind: "json", issues: issues.map(\.description))
        default:
            throw ReportError(.notReport, "not an XML or JSON report", file: path)
        }
    }
}
