import CLibXML2

/// Writes an XML document to a file as it goes, through libxml2's `xmlTextWriter`: elements,
/// attributes and text are escaped by libxml2 and streamed, never built as one string.
///
/// ```swift
/// let writer = try XMLWriter(path: "report.xml", indent: true)
/// try writer.startDocument()
/// try writer.startElement("report", namespace: "urn:example")
/// try writer.attribute("id", "demo")
/// try writer.element("title", text: "Demo")
/// try writer.endElement()
/// try writer.finish()
/// ```
///
/// The file is complete only after ``finish()``; a writer that is never finished is freed when it
/// goes away, leaving an incomplete file that the caller should remove (``XMLWriter`` does not
/// rename or delete files: write to a temporary path and rename it into place). Not `Sendable`:
/// use one writer in one task.
public final class XMLWriter {
    private var writer: xmlTextWriterPtr?
    /// The file being written.
    public let path: String

    /// Opens `path` for writing (created or truncated).
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - indent: Whether to indent nested elements (two spaces).
    /// - Throws: ``XMLError`` (`io`) when the file cannot be created.
    public init(path: String, indent: Bool = true) throws(XMLError) {
        LibXML2Setup.ensureInitialized()
        self.path = path
        guard let writer = xmlNewTextWriterFilename(path, 0) else {
            throw XMLError(.io, "cannot create the file", file: path)
        }
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
    }

    /// Writes the XML declaration (version 1.0, UTF-8).
    public func startDocument() throws(XMLError) {
        try check(xmlTextWriterStartDocument(try open(), "1.0", "UTF-8", nil), "the XML declaration")
    }

    /// Opens an element, with a default namespace declaration when `namespace` is given.
    public func startElement(_ name: String, namespace: String? = nil) throws(XMLError) {
        let writer = try open()
        try check(xmlTextWriterStartElement(writer, name), "element \(name)")
        if let namespace { try attribute("xmlns", namespace) }
    }

    /// Writes an attribute of the element just opened.
    public func attribute(_ name: String, _ value: String) throws(XMLError) {
        try check(xmlTextWriterWriteAttribute(try open(), name, value), "attribute \(name)")
    }

    /// Writes escaped text inside the current element.
    public func text(_ text: String) throws(XMLError) {
        try check(xmlTextWriterWriteString(try open(), text), "text")
    }

    /// Writes a comment.
    public func comment(_ text: String) throws(XMLError) {
        try check(xmlTextWriterWriteComment(try open(), text), "comment")
    }

    /// Closes the innermost open element.
    public func endElement() throws(XMLError) {
        try check(xmlTextWriterEndElement(try open()), "end of element")
    }

    /// Writes `<name>text</name>`.
    public func element(_ name: String, text: String) throws(XMLError) {
        try check(xmlTextWriterWriteElement(try open(), name, text), "element \(name)")
    }

    /// Closes every open element, flushes and closes the file.
    ///
    /// - Throws: ``XMLError`` (`io`) when the bytes cannot be written (a full disk).
    public func finish() throws(XMLError) {
        let writer = try open()
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        let flushed = xmlTextWriterFlush(writer)
        xmlFreeTextWriter(writer)
        self.writer = nil
        if flushed < 0 { throw XMLError(.io, "cannot write the file", file: path) }
    }

    private func open() throws(XMLError) -> xmlTextWriterPtr {
        guard let writer else { throw XMLError(.io, "the writer is already finished", file: path) }
        return writer
    }

    private func check(_ result: Int32, _ what: String) throws(XMLError) {
        if result < 0 { throw XMLError(.io, "cannot write \(what)", file: path) }
    }
}
