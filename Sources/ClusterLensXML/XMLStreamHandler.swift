/// Receives the events of a streaming XML parse.
///
/// A handler is a class: the parser calls it from C callbacks, one parse at a time, on the
/// calling thread. A handler that throws stops the parse; the parser rethrows that error.
public protocol XMLStreamHandler: AnyObject {
    /// Called once before the first event, with the parse's symbol table, so that the handler can
    /// intern the names it compares element and attribute names against.
    func prepare(symbols: XMLSymbolTable)

    /// A start tag.
    /// - Parameters:
    ///   - localName: the element's local name (no prefix).
    ///   - namespace: its namespace URI, ``XMLSymbol/none`` when it has none.
    ///   - attributes: the attributes, valid during this call only.
    ///   - line: the line the start tag ends on.
    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws

    /// An end tag (also sent for empty-element tags).
    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws

    /// A run of character data (text or CDATA), already decoded; a text node may arrive in pieces.
    /// Not called when ``textCapture`` is non-nil.
    func characters(_ text: UnsafeBufferPointer<UInt8>)

    /// A capture the parser fills directly instead of calling ``characters(_:)`` (faster); read once
    /// before the parse starts. The default is `nil`.
    var textCapture: XMLTextCapture? { get }
}

extension XMLStreamHandler {
    /// No capture: text goes to ``characters(_:)``.
    public var textCapture: XMLTextCapture? { nil }

    /// Default: ignore text.
    public func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
