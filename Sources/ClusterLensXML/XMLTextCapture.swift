/// Collects the text of the elements a handler is interested in, without a call per text node.
///
/// A handler that returns one from ``XMLStreamHandler/textCapture`` switches it on with
/// ``begin()`` when an element whose text it needs starts, and reads it with ``end()``; the parser
/// appends character data straight into it while it is active and drops it otherwise (the
/// indentation between elements never reaches the handler).
public final class XMLTextCapture {
    /// Whether text is being collected.
    @exclusivity(unchecked) public private(set) var isActive = false
    @exclusivity(unchecked) @usableFromInline var bytes: [UInt8] = []

    /// Creates an inactive capture.
    public init() {
        bytes.reserveCapacity(256)
    }

    /// Starts collecting, discarding what was collected before.
    public func begin() {
        isActive = true
        bytes.removeAll(keepingCapacity: true)
    }

    /// Stops collecting and returns the text, with XML whitespace trimmed at both ends.
    public func end() -> String {
        isActive = false
        return bytes.withUnsafeBufferPointer { XMLText.trimmed($0) }
    }

    /// Stops collecting without reading.
    public func cancel() {
        isActive = false
    }

    @inline(__always)
    func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
    }
}
