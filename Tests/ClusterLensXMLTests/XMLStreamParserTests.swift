import Testing

@testable import ClusterLensXML

// MARK: - Handlers

/// Records every event of a parse as text, merging adjacent character data into one event.
///
/// Names are compared against symbols interned in ``prepare(symbols:)``, the way the SDMX handlers
/// compare them, and also turned into strings for the record.
private final class RecordingHandler: XMLStreamHandler {
    /// One start tag as seen by the handler.
    struct Start: Equatable {
        var namespace: String
        var name: String
        var line: Int
        /// `name=value` per attribute, prefixed by `{namespace}` when qualified, in document order.
        var attributes: [String]
    }

    /// The names whose symbols are interned before the parse and compared by pointer.
    let watchedNames: [String]
    private(set) var watchedSymbols: [String: XMLSymbol] = [:]
    /// How often each watched name matched a parsed local name or namespace by pointer equality.
    private(set) var symbolMatches: [String: Int] = [:]
    private(set) var events: [String] = []
    private(set) var starts: [Start] = []
    private(set) var prepareCalls = 0
    private var pendingText: [UInt8] = []

    init(watching names: [String] = []) {
        watchedNames = names
    }

    func prepare(symbols: XMLSymbolTable) {
        prepareCalls += 1
        for name in watchedNames { watchedSymbols[name] = symbols.intern(name) }
    }

    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        flushText()
        for (name, symbol) in watchedSymbols where symbol == localName || symbol == namespace {
            symbolMatches[name, default: 0] += 1
        }
        var rendered: [String] = []
        for index in 0..<attributes.count {
            let attributeNamespace = attributes.namespace(at: index)
            let prefix = attributeNamespace.isNone ? "" : "{\(attributeNamespace.string)}"
            rendered.append("\(prefix)\(attributes.localName(at: index).string)=\(attributes.string(at: index))")
        }
        let start = Start(namespace: namespace.string, name: localName.string, line: line, attributes: rendered)
        starts.append(start)
        events.append("start {\(start.namespace)}\(start.name)")
    }

    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {
        flushText()
        events.append("end {\(namespace.string)}\(localName.string)")
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        pendingText.append(contentsOf: text)
    }

    private func flushText() {
        guard !pendingText.isEmpty else { return }
        events.append("text " + String(decoding: pendingText, as: UTF8.self))
        pendingText.removeAll()
    }

    /// The text events, without the ones that hold only whitespace.
    var texts: [String] {
        events.filter { $0.hasPrefix("text ") }.map { String($0.dropFirst(5)) }
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } }
    }
}

/// Collects the text of the elements named `captured` through an ``XMLTextCapture``.
private final class CapturingHandler: XMLStreamHandler {
    let capture = XMLTextCapture()
    let captured: String
    private var capturedSymbol = XMLSymbol.none
    private(set) var values: [String] = []
    private(set) var characterCalls = 0

    init(capturing name: String) {
        captured = name
    }

    var textCapture: XMLTextCapture? { capture }

    func prepare(symbols: XMLSymbolTable) {
        capturedSymbol = symbols.intern(captured)
    }

    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        if localName == capturedSymbol { capture.begin() }
    }

    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {
        if localName == capturedSymbol { values.append(capture.end()) }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        characterCalls += 1
    }
}

/// Records whether each element had no namespace.
private final class NamespaceProbe: XMLStreamHandler {
    var namespaceWasNone: [Bool] = []
    func prepare(symbols: XMLSymbolTable) {}
    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        namespaceWasNone.append(namespace.isNone)
    }
    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {}
}

/// Looks up the attributes `id` and `absent` of the first start tag in every way the API offers.
private final class LookUpProbe: XMLStreamHandler {
    var unqualified: Int?
    var anyNamespace: Int?
    var missing: Int?
    var value = ""
    var raw = ""
    var names = (id: XMLSymbol.none, absent: XMLSymbol.none)
    func prepare(symbols: XMLSymbolTable) {
        names = (symbols.intern("id"), symbols.intern("absent"))
    }
    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        unqualified = attributes.index(ofUnqualified: names.id)
        anyNamespace = attributes.index(ofLocalName: names.id)
        missing = attributes.index(ofLocalName: names.absent)
        if let unqualified {
            value = attributes.string(at: unqualified)
            raw = String(decoding: attributes.rawValue(at: unqualified), as: UTF8.self)
        }
    }
    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {}
}

/// An error a handler throws, told apart from any other by its token.
private struct HandlerStop: Error, Equatable {
    var token: String
}

/// Throws ``HandlerStop`` at the start (or end) of the element named `name`.
private final class ThrowingHandler: XMLStreamHandler {
    let name: String
    let inEndTag: Bool
    let error: HandlerStop
    private(set) var startedNames: [String] = []
    private(set) var endedNames: [String] = []

    init(throwingAt name: String, inEndTag: Bool = false, token: String) {
        self.name = name
        self.inEndTag = inEndTag
        self.error = HandlerStop(token: token)
    }

    func prepare(symbols: XMLSymbolTable) {}

    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        startedNames.append(localName.string)
        if !inEndTag && localName.string == name { throw error }
    }

    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {
        endedNames.append(localName.string)
        if inEndTag && localName.string == name { throw error }
    }
}

// MARK: - Helpers

/// Parses `xml` (UTF-8) with `handler`.
private func parse(_ xml: String, name: String = "inline.xml", handler: some XMLStreamHandler) throws {
    try XMLStreamParser.parse(bytes: Array(xml.utf8), name: name, handler: handler)
}

/// The ``XMLError`` parsing `bytes` throws, or `nil` when the parse succeeds or throws something else.
private func xmlError(parsing bytes: [UInt8], name: String = "inline.xml") -> XMLError? {
    do {
        try XMLStreamParser.parse(bytes: bytes, name: name, handler: RecordingHandler())
        return nil
    } catch {
        return error as? XMLError
    }
}

/// The bytes of `text` in UTF-16 with a byte order mark.
private func utf16Bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
}

/// An element nested `depth` levels deep inside a root element, one start tag per line.
private func deeplyNestedDocument(depth: Int) -> [UInt8] {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n"
    text.reserveCapacity(depth * 8 + 64)
    for _ in 0..<depth { text += "<n>\n" }
    for _ in 0..<depth { text += "</n>" }
    text += "\n</root>\n"
    return Array(text.utf8)
}

// MARK: - Tests

@Suite("XMLStreamParser")
struct XMLStreamParserTests {
    // MARK: Names and namespaces

    @Test("Element names and namespaces arrive as interned symbols equal to the handler's own")
    func elementNamesAndNamespacesAreInternedSymbols() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <m:Data xmlns:m="urn:test:message" xmlns="urn:test:default">
              <Series><Obs/><Obs/></Series>
              <plain xmlns=""/>
            </m:Data>
            """
        let handler = RecordingHandler(watching: ["Obs", "urn:test:default", "Data", "Missing"])
        try parse(xml, handler: handler)

        #expect(handler.prepareCalls == 1)
        #expect(
            handler.events.filter { !$0.hasPrefix("text") } == [
                "start {urn:test:message}Data",
                "start {urn:test:default}Series",
                "start {urn:test:default}Obs", "end {urn:test:default}Obs",
                "start {urn:test:default}Obs", "end {urn:test:default}Obs",
                "end {urn:test:default}Series",
                "start {}plain", "end {}plain",
                "end {urn:test:message}Data",
            ])
        // Pointer comparisons: "Obs" twice; the default namespace on Series and both Obs; "Data" once.
        #expect(handler.symbolMatches["Obs"] == 2)
        #expect(handler.symbolMatches["urn:test:default"] == 3)
        #expect(handler.symbolMatches["Data"] == 1)
        #expect(handler.symbolMatches["Missing"] == nil)
        #expect(handler.starts.map(\.line) == [2, 3, 3, 3, 4])
    }

    @Test("An unqualified element has no namespace symbol")
    func unqualifiedElementHasNoNamespace() throws {
        let probe = NamespaceProbe()
        try parse("<a><b xmlns=\"urn:x\"/></a>", handler: probe)
        #expect(probe.namespaceWasNone == [true, false])
    }

    // MARK: Attributes

    @Test("Attribute values decode &amp;, &#38; and every other reference")
    func attributeValuesAreDecoded() throws {
        let xml = """
            <r xmlns:p="urn:p" a="Labour &amp; capital" b="&#38;" c="&lt;C29&gt; &quot;x&quot; &apos;y&apos;" \
            d="Catalu&#xF1;a &#8211; 3&#52;.5" e="literal &amp;#38; stays" f="" p:g="qualified"/>
            """
        let handler = RecordingHandler()
        try parse(xml, handler: handler)
        let start = try #require(handler.starts.first)
        #expect(
            start.attributes == [
                "a=Labour & capital",
                "b=&",
                "c=<C29> \"x\" 'y'",
                "d=Cataluña – 34.5",
                "e=literal &#38; stays",
                "f=",
                "{urn:p}g=qualified",
            ])
    }

    @Test("Attribute look-ups tell unqualified names from names in a namespace")
    func attributeLookUpsByName() throws {
        let probe = LookUpProbe()
        try parse("<r xmlns:x=\"urn:x\" x:id=\"namespaced\" id=\"A &amp; B\"/>", handler: probe)
        #expect(probe.anyNamespace == 0)
        #expect(probe.unqualified == 1)
        #expect(probe.missing == nil)
        #expect(probe.value == "A & B")
        // The raw bytes keep libxml2's `&#38;` for the ampersand; only `string(at:)` decodes it.
        #expect(probe.raw == "A &#38; B")
    }

    // MARK: Character data

    @Test("Character data arrives decoded through characters(_:)")
    func characterDataIsDecoded() throws {
        let handler = RecordingHandler()
        try parse("<r><v>a &amp; b &#233; &lt;1 &#x20AC;</v></r>", handler: handler)
        #expect(handler.texts == ["a & b é <1 €"])
    }

    @Test("A text capture collects only the captured elements' text, trimmed, and characters(_:) is not called")
    func textCaptureCollectsCapturedElementsOnly() throws {
        let xml = """
            <r>
              <Value>
                 12.5 &amp; more
              </Value>
              <Other>not captured</Other>
              <Value><![CDATA[<1]]></Value>
              <Value/>
              <Value>caf&#233;</Value>
            </r>
            """
        let handler = CapturingHandler(capturing: "Value")
        try parse(xml, handler: handler)
        #expect(handler.values == ["12.5 & more", "<1", "", "café"])
        #expect(handler.characterCalls == 0)
    }

    @Test("A text capture keeps at most 64 KiB of one element's text, cut at a character, and says what it dropped")
    func textCaptureIsBounded() throws {
        // 3 MB of "é" (2 bytes each) after one "a": the limit falls inside a character.
        let long = "a" + String(repeating: "é", count: 1_500_000)
        let handler = CapturingHandler(capturing: "Text")
        try parse("<r><Text>\(long)</Text><Text>short</Text></r>", handler: handler)
        let kept = try #require(handler.values.first)
        let limit = XMLTextCapture.maximumBytes
        #expect(kept.hasPrefix("aéé"))
        #expect(kept.hasSuffix("é … [\(3_000_001 - (limit - 1)) more bytes not kept]"), "\(kept.suffix(60))")
        #expect(kept.utf8.count < limit + 64)
        #expect(handler.values.last == "short", "the next text starts afresh")
    }

    @Test("CDATA sections arrive as character data, markup and ampersands untouched")
    func cdataIsCharacterData() throws {
        let handler = RecordingHandler()
        try parse("<r><c><![CDATA[<not> & markup ]]]]><![CDATA[>]]></c></r>", handler: handler)
        #expect(handler.texts == ["<not> & markup ]]>"])
    }

    @Test("Text split over the parser's read chunks is delivered whole to the capture")
    func textAcrossChunkBoundaries() throws {
        // Well over one chunk, so that element names and text values straddle chunk boundaries.
        let count = 40_000
        var xml = "<r>"
        xml.reserveCapacity(count * 24)
        for index in 0..<count { xml += "<Value>value-\(index)-é</Value>\n" }
        xml += "</r>"
        #expect(xml.utf8.count > XMLStreamParser.chunkSize * 2)
        let handler = CapturingHandler(capturing: "Value")
        try parse(xml, handler: handler)
        #expect(handler.values.count == count)
        #expect(handler.values == (0..<count).map { "value-\($0)-é" })
    }

    // MARK: Encodings and prologs

    @Test("A UTF-8 byte order mark is skipped")
    func byteOrderMarkIsSkipped() throws {
        let handler = RecordingHandler()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\"?>\n<Données a=\"é\">ü</Données>".utf8)
        try XMLStreamParser.parse(bytes: bytes, name: "bom.xml", handler: handler)
        let start = try #require(handler.starts.first)
        #expect(start.name == "Données")
        #expect(start.attributes == ["a=é"])
        #expect(handler.texts == ["ü"])
    }

    @Test("UTF-16 input (either byte order) reaches the handler as UTF-8", arguments: [false, true])
    func utf16InputIsTranscoded(bigEndian: Bool) throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Région nom=\"Île-de-France €\">Cataluña 𝔁</Région>"
        let handler = RecordingHandler()
        try XMLStreamParser.parse(bytes: utf16Bytes(xml, bigEndian: bigEndian), name: "utf16.xml", handler: handler)
        let start = try #require(handler.starts.first)
        #expect(start.name == "Région")
        #expect(start.line == 2)
        #expect(start.attributes == ["nom=Île-de-France €"])
        #expect(handler.texts == ["Cataluña 𝔁"])
    }

    @Test("A document without an XML declaration and with a comment before the root parses")
    func noDeclarationAndCommentBeforeRoot() throws {
        let handler = RecordingHandler()
        try parse("<!-- generated -->\n<?pi data?>\n<root><a/></root>\n<!-- trailing -->\n", handler: handler)
        #expect(handler.starts.map(\.name) == ["root", "a"])
        #expect(handler.starts.first?.line == 3)
    }

    // MARK: Refused input

    @Test("A DOCTYPE is refused with .forbidden and its line, before any element")
    func doctypeIsForbidden() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY e "expanded">
            ]>
            <r>&e;</r>
            """
        let handler = RecordingHandler()
        let error = try #require(throws: XMLError.self) { try parse(xml, name: "doctype.xml", handler: handler) }
        #expect(error.code == .forbidden)
        #expect(error.file == "doctype.xml")
        #expect(error.line == 2)
        #expect(handler.starts.isEmpty)
        #expect(!handler.events.contains { $0.contains("expanded") })
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix("doctype.xml:2"))
    }

    @Test("A DOCTYPE naming an external DTD is refused without fetching it")
    func externalDTDIsForbidden() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "http://dtd.example.org/never-fetched.dtd">
            <r/>
            """
        let error = try #require(throws: XMLError.self) {
            try parse(xml, name: "external-dtd.xml", handler: RecordingHandler())
        }
        #expect(error.code == .forbidden)
        #expect(error.line == 2)
    }

    @Test("A billion-laughs entity bomb is refused, not expanded", .timeLimit(.minutes(1)))
    func entityBombIsForbidden() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY l0 \"lol\">\n"
        for level in 1...9 {
            xml += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<r>&l9;</r>\n"
        let handler = RecordingHandler()
        let error = try #require(throws: XMLError.self) { try parse(xml, handler: handler) }
        #expect(error.code == .forbidden)
        #expect(handler.texts.isEmpty)
    }

    // MARK: Malformed and empty input

    @Test("Malformed XML gives .malformed with the file, line and column")
    func malformedXMLHasLineAndColumn() throws {
        let xml = "<?xml version=\"1.0\"?>\n<r>\n  <a>\n  </b>\n</r>\n"
        let error = try #require(throws: XMLError.self) {
            try parse(xml, name: "broken.xml", handler: RecordingHandler())
        }
        #expect(error.code == .malformed)
        #expect(error.file == "broken.xml")
        #expect(error.line == 4)
        #expect(error.column > 0)
        #expect(error.description.hasPrefix("broken.xml:4:\(error.column): "))
        #expect(!error.description.contains("\n"))
    }

    @Test("A document cut off inside an attribute value is .malformed on its last line")
    func truncatedDocumentIsMalformed() throws {
        let xml = "<r>\n<Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"40"
        let error = try #require(xmlError(parsing: Array(xml.utf8)))
        #expect(error.code == .malformed)
        #expect(error.line == 2)
    }

    @Test("Bytes that are not valid UTF-8 in a UTF-8 document give a one-line .malformed error")
    func invalidUTF8IsMalformedOnOneLine() throws {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r>\n<n>Agence r".utf8) + [0xE9]
            + Array("gionale</n>\n</r>\n".utf8)
        let error = try #require(xmlError(parsing: bytes, name: "latin1.xml"))
        #expect(error.code == .malformed)
        #expect(error.line == 3)
        // libxml2's message for this error has a second line ("Bytes: 0xE9 …"); it must be folded into one.
        #expect(!error.message.contains("\n"), "message: \(error.message)")
        #expect(!error.description.contains("\n"))
    }

    /// A document in `encoding` with `count` elements `<e>N</e>`, one per line, and `bad` inserted
    /// as character data on its own line after element `after`.
    private static func document(encoding: String, count: Int, bad: [UInt8], after: Int) -> [UInt8] {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<r>\n".utf8)
        for index in 0..<count {
            bytes += Array("<e>\(index)</e>\n".utf8)
            if index == after { bytes += bad + [0x0A] }
        }
        return bytes + Array("</r>\n".utf8)
    }

    @Test(
        "A byte sequence the declared encoding cannot convert fails the parse at its line, in any chunk",
        arguments: [10, 100_000])
    func invalidShiftJISFailsAtItsLine(after: Int) throws {
        // 0x81 is a Shift_JIS lead byte; 0x20 is no trail byte. 120,000 lines are about 1.5 MB: the bad
        // line of the second case lies several 256 KiB chunks in.
        let bytes = Self.document(encoding: "Shift_JIS", count: 120_000, bad: [0x81, 0x20], after: after)
        let handler = RecordingHandler()
        let error = try #require(
            throws: XMLError.self,
            performing: { try XMLStreamParser.parse(bytes: bytes, name: "sjis.xml", handler: handler) })
        #expect(error.code == .malformed)
        #expect(error.file == "sjis.xml")
        #expect(error.line == after + 4, "\(error)")
        #expect(error.message.hasPrefix("a byte sequence that is not valid in the document's encoding: "), "\(error)")
        #expect(error.message.contains("0x81 0x20"), "\(error)")
        #expect(!error.description.contains("\n"))
        #expect(handler.starts.count <= after + 2, "no element after the bad bytes reached the handler")
    }

    @Test("An unpaired UTF-16 surrogate fails the parse at its line")
    func unpairedSurrogateFailsAtItsLine() throws {
        var text: [UInt8] = [0xFF, 0xFE]
        let lines = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<r>\n<e>1</e>\n"
        for unit in lines.utf16 { text += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        text += [0x00, 0xD8, 0x0A, 0x00]  // a high surrogate alone, then a line feed, on line 4
        for unit in "<e>2</e>\n</r>\n".utf16 { text += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = try #require(xmlError(parsing: text, name: "utf16.xml"))
        #expect(error.code == .malformed)
        #expect(error.line == 4, "\(error)")
        #expect(error.message.contains("0x00 0xD8"), "\(error)")
    }

    @Test("The line of a byte offset counts line feeds as bytes, or as 16-bit units in UTF-16")
    func lineOfByteOffset() {
        let utf8 = Array("a\nb\nc".utf8)
        #expect(lineOfByte(at: 0, in: utf8[...]) == 1)
        #expect(lineOfByte(at: 2, in: utf8[...]) == 2)
        #expect(lineOfByte(at: 5, in: utf8[...]) == 3)
        // U+0A0A holds two 0x0A bytes but is no line feed.
        let utf16: [UInt8] = [0xFF, 0xFE, 0x3C, 0, 0x0A, 0x0A, 0x0A, 0, 0x3C, 0]
        #expect(lineOfByte(at: 8, in: utf16[...]) == 2)
        let bigEndian: [UInt8] = [0, 0x3C, 0, 0x0A, 0, 0x3C]
        #expect(lineOfByte(at: 4, in: bigEndian[...]) == 2)
    }

    @Test("Empty input gives .empty")
    func emptyInputIsEmpty() throws {
        let error = try #require(xmlError(parsing: [], name: "empty.xml"))
        #expect(error.code == .empty)
        #expect(error.file == "empty.xml")
        #expect(error.description.hasPrefix("empty.xml: "))
    }

    @Test("Input with only whitespace and comments has no root element and gives .empty")
    func noRootElementIsEmpty() throws {
        let error = try #require(xmlError(parsing: Array("  \n\n<!-- nothing -->\n".utf8)))
        #expect(error.code == .empty || error.code == .malformed)
    }

    @Test("An element nested 10,000 deep is an error, not a crash or a success", .timeLimit(.minutes(1)))
    func deepNestingIsAnError() throws {
        let handler = RecordingHandler()
        let error = try #require(throws: XMLError.self) {
            try XMLStreamParser.parse(bytes: deeplyNestedDocument(depth: 10_000), name: "deep.xml", handler: handler)
        }
        #expect(error.code == .tooDeep)
        #expect(error.file == "deep.xml")
        // The root is on line 2 and each nested start tag on a line of its own.
        #expect(error.line == XMLStreamParser.maximumDepth + 2)
        #expect(!error.description.contains("\n"))
        // The handler never sees the element that is one level too deep.
        #expect(handler.starts.count == XMLStreamParser.maximumDepth)
    }

    @Test("Nesting exactly maximumDepth levels deep is accepted, one more is refused")
    func nestingLimitBoundary() throws {
        let accepted = RecordingHandler()
        let limit = XMLStreamParser.maximumDepth
        try XMLStreamParser.parse(bytes: deeplyNestedDocument(depth: limit - 1), name: "limit.xml", handler: accepted)
        #expect(accepted.starts.count == limit)

        let error = try #require(throws: XMLError.self) {
            try XMLStreamParser.parse(
                bytes: deeplyNestedDocument(depth: limit), name: "over.xml", handler: RecordingHandler())
        }
        #expect(error.code == .tooDeep)
    }

    @Test("A parse after a refused deep document starts again at depth 0")
    func depthIsPerParse() throws {
        _ = xmlError(parsing: deeplyNestedDocument(depth: 1_000))
        let handler = RecordingHandler()
        try XMLStreamParser.parse(bytes: deeplyNestedDocument(depth: 200), name: "nested.xml", handler: handler)
        #expect(handler.starts.count == 201)
    }

    // MARK: Handler errors

    @Test("A handler that throws in a start tag stops the parse; its error comes back unchanged")
    func handlerErrorInStartTagStopsTheParse() throws {
        let handler = ThrowingHandler(throwingAt: "stop", token: "start-7f3c")
        let xml = "<r><a/><stop><inside/></stop><after/>\n<broken></r>"
        let error = try #require(throws: HandlerStop.self) { try parse(xml, handler: handler) }
        #expect(error == HandlerStop(token: "start-7f3c"))
        #expect(handler.startedNames == ["r", "a", "stop"])
        #expect(handler.endedNames == ["a"])
    }

    @Test("A handler that throws in an end tag stops the parse; its error comes back unchanged")
    func handlerErrorInEndTagStopsTheParse() throws {
        let handler = ThrowingHandler(throwingAt: "a", inEndTag: true, token: "end-91b2")
        let error = try #require(throws: HandlerStop.self) {
            try parse("<r><a></a><b/><c/></r>", handler: handler)
        }
        #expect(error == HandlerStop(token: "end-91b2"))
        #expect(handler.startedNames == ["r", "a"])
    }

    @Test("A handler error wins over a well-formedness error later in the same chunk")
    func handlerErrorWinsOverLaterMalformation() throws {
        let handler = ThrowingHandler(throwingAt: "a", token: "first")
        let error = try #require(throws: HandlerStop.self) { try parse("<r><a/>&&&<<</r", handler: handler) }
        #expect(error.token == "first")
    }

    // MARK: Errors as text

    @Test("XMLError prints as file:line:column: message")
    func errorDescription() {
        #expect(XMLError(.malformed, "bad", file: "f.xml", line: 3, column: 7).description == "f.xml:3:7: bad")
        #expect(XMLError(.malformed, "bad", file: "f.xml", line: 3).description == "f.xml:3: bad")
        #expect(XMLError(.empty, "nothing", file: "f.xml").description == "f.xml: nothing")
    }
}
