import CLibXML2

/// Validates XML documents against a W3C XML Schema (XSD) with libxml2.
///
/// The schema is compiled once; ``validate(file:)`` can then check many documents. Each document is
/// read without network access, DTD loading or entity substitution, and a document with a
/// `<!DOCTYPE …>` is refused. Every validity error is returned with its line, not printed.
/// Not `Sendable` (libxml2's compiled schema may be shared between threads, but this wrapper is
/// meant for one task); make one validator per task.
public final class XMLSchemaValidator {
    private let schema: xmlSchemaPtr
    /// The schema file.
    public let schemaPath: String

    /// One validity error: where and what.
    public struct Issue: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line in the document, 0 when unknown.
        public var line: Int
        /// libxml2's message, one line.
        public var message: String

        /// `line N: message`.
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    /// Compiles the schema at `schemaPath`.
    ///
    /// - Throws: ``XMLError`` (`io` when unreadable, `malformed` when it is not a valid schema),
    ///   with the schema's line.
    public init(schemaPath: String) throws(XMLError) {
        LibXML2Setup.ensureInitialized()
        self.schemaPath = schemaPath
        let collector = IssueCollector()
        guard let parser = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLError(.io, "cannot open the schema", file: schemaPath)
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            cl_schema_parser_set_structured_errors(
                parser,
                { userData, error in IssueCollector.from(userData)?.record(error) },
                Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(parser)
        }
        guard let compiled else {
            let first = collector.issues.first
            throw XMLError(
                .malformed, first?.message ?? "not a valid XML schema", file: schemaPath, line: first?.line ?? 0)
        }
        schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// The validity errors of the document at `path`; empty when it is valid.
    ///
    /// - Throws: ``XMLError`` when the document cannot be read, is not well-formed (`malformed`, with
    ///   its line) or has a DOCTYPE (`forbidden`).
    public func validate(file path: String) throws(XMLError) -> [Issue] {
        // The streaming parser first: it refuses any DOCTYPE before its subset is read (libxml2's tree
        // parser would try to load an external DTD, an I/O error, or report an entity loop) and finds
        // every well-formedness error with its line, so every bad document fails the same way.
        try XMLStreamParser.checkWellFormed(file: path)
        var line: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let document = message.withUnsafeMutableBufferPointer { buffer in
            cl_read_document(path, &line, buffer.baseAddress, Int32(buffer.count))
        }
        guard let document else {
            let text = message.withUnsafeBufferPointer { buffer in
                String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let code: XMLError.Code = trimmed.contains("failed to load") ? .io : .malformed
            throw XMLError(code, trimmed, file: path, line: Int(line))
        }
        defer { xmlFreeDoc(document) }
        if cl_document_has_doctype(document) != 0 {
            throw XMLError(.forbidden, "a DOCTYPE is not allowed in a report", file: path)
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw XMLError(.io, "cannot create a validation context", file: path)
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = IssueCollector()
        let result = withExtendedLifetime(collector) {
            cl_schema_valid_set_structured_errors(
                context,
                { userData, error in IssueCollector.from(userData)?.record(error) },
                Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaValidateDoc(context, document)
        }
        if result != 0 && collector.issues.isEmpty {
            return [Issue(line: 0, message: "the document is not valid (libxml2 code \(result))")]
        }
        return collector.issues
    }
}

/// Collects libxml2's structured errors for a C callback.
private final class IssueCollector {
    var issues: [XMLSchemaValidator.Issue] = []

    static func from(_ pointer: UnsafeMutableRawPointer?) -> IssueCollector? {
        guard let pointer else { return nil }
        return Unmanaged<IssueCollector>.fromOpaque(pointer).takeUnretainedValue()
    }

    func record(_ error: UnsafePointer<xmlError>?) {
        guard let error else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "invalid"
        while message.hasSuffix("\n") { message.removeLast() }
        issues.append(XMLSchemaValidator.Issue(line: Int(error.pointee.line), message: message))
    }
}
