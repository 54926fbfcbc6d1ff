/// Text helpers for bytes handed out by the parser.
public enum XMLText {
    /// Decodes an attribute value: UTF-8 bytes in which an ampersand appears as `&#38;`.
    ///
    /// With entity substitution off, libxml2 passes `&amp;` and `&#38;` in attribute values on as
    /// `&#38;` (all other character references arrive decoded). No other `&` can occur, because
    /// ClusterLens refuses documents that declare entities.
    public static func decodeAttributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let ampersandReference: [UInt8] = Array("&#38;".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") && index + 5 <= bytes.count
                && bytes[index..<(index + 5)].elementsEqual(ampersandReference)
            {
                output.append(UInt8(ascii: "&"))
                index += 5
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether a byte is XML whitespace (space, tab, carriage return, line feed).
    @inlinable public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The string with leading and trailing XML whitespace removed.
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var end = bytes.count
        while start < end && isWhitespace(bytes[start]) { start += 1 }
        while end > start && isWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
