/// RFC 4180 field encoding.
public enum CSVField {
    /// Appends `text` as one CSV field: quoted (with doubled quotes) when it holds a comma, a quote,
    /// a carriage return or a line feed; as is otherwise.
    @inline(__always)
    public static func append(_ text: String, to buffer: inout [UInt8]) {
        var needsQuotes = false
        for byte in text.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            buffer.append(contentsOf: text.utf8)
            return
        }
        buffer.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }
}
