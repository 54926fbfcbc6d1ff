/// RFC 4180 field encoding.
package enum CSVField {
    /// `text` made safe to open in a spreadsheet (OWASP's advice against CSV injection): a text that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number, gets a leading
    /// `'` so that it is shown as text, never run as a formula (`=cmd|' /C calc'!A0`). Numbers such as
    /// `-3.5` stay as they are.
    package static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return text }
        if let number = Double(text), number.isFinite { return text }
        return "'" + text
    }

    /// Appends `text` as one CSV field: quoted (with doubled quotes) when it holds a comma, a quote,
    /// a carriage return or a line feed; as is otherwise.
    @inline(__always)
    package static func append(_ text: String, to buffer: inout [UInt8]) {
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

    /// Writes raw UTF-8 bytes as one CSV field at `cursor` (which has room for twice the bytes plus
    /// two quotes) and returns the position after it.
    @inline(__always)
    package static func write(_ bytes: UnsafeBufferPointer<UInt8>, at cursor: UnsafeMutablePointer<UInt8>)
        -> UnsafeMutablePointer<UInt8>
    {
        guard let source = bytes.baseAddress else { return cursor }
        var needsQuotes = false
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            ByteStorage.copy(source, to: cursor, count: bytes.count)
            return cursor + bytes.count
        }
        var position = cursor
        position.pointee = 0x22
        position += 1
        for byte in bytes {
            if byte == 0x22 {
                position.pointee = 0x22
                position += 1
            }
            position.pointee = byte
            position += 1
        }
        position.pointee = 0x22
        return position + 1
    }
}
