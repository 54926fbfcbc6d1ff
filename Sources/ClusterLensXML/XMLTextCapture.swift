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
    /// Bytes of the current element's text beyond ``maximumBytes``, counted and dropped.
    @exclusivity(unchecked) var droppedBytes = 0

    /// The most bytes of one element's text kept (a header or footer text of 100 MB was held whole):
    /// the rest is counted, dropped and said at the end of the text.
    public static let maximumBytes = 64 << 10

    /// Creates an inactive capture.
    public init() {
        bytes.reserveCapacity(256)
    }

    /// Starts collecting, discarding what was collected before.
    public func begin() {
        isActive = true
        bytes.removeAll(keepingCapacity: true)
        droppedBytes = 0
    }

    /// Stops collecting and returns the text, with XML whitespace trimmed at both ends; a text longer
    /// than ``maximumBytes`` ends with ` … [N more bytes not kept]`.
    public func end() -> String {
        isActive = false
        guard droppedBytes > 0 else { return bytes.withUnsafeBufferPointer { XMLText.trimmed($0) } }
        // Cut at a character boundary: drop a UTF-8 sequence the limit cut in two.
        var end = bytes.count
        var lead = end
        while lead > 0 && bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        if lead > 0 && bytes[lead - 1] >= 0xC0 {
            let first = bytes[lead - 1]
            let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
            if end - (lead - 1) < length { end = lead - 1 }
        }
        let dropped = droppedBytes + bytes.count - end
        let kept = bytes[..<end].withUnsafeBufferPointer { XMLText.trimmed($0) }
        return kept + " … [\(dropped) more bytes not kept]"
    }

    /// Stops collecting without reading.
    public func cancel() {
        isActive = false
    }

    @inline(__always)
    func append(_ text: UnsafeBufferPointer<UInt8>) {
        let room = Self.maximumBytes - bytes.count
        if text.count <= room {
            bytes.append(contentsOf: text)
        } else {
            bytes.append(contentsOf: text.prefix(max(0, room)))
            droppedBytes += text.count - max(0, room)
        }
    }
}
