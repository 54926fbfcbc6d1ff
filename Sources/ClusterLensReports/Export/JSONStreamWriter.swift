internal import ClusterLensImport
internal import ClusterLensSupport

/// Writes pretty-printed JSON to an ``ClusterLensImport/OutputFile`` as it goes (two-space indents,
/// keys in the order written), so a large report is never held as one string.
///
/// Numbers that are not finite are written as `null`: JSON has no NaN or infinity.
final class JSONStreamWriter {
    private let output: OutputFile
    /// Per open container: whether it already has an element, and whether it is an object.
    private var stack: [(hasElements: Bool, isObject: Bool)] = []
    private var afterKey = false
    private var buffer: [UInt8] = []

    init(output: OutputFile) {
        self.output = output
    }

    func beginObject() throws { try open("{", isObject: true) }
    func endObject() throws { try close("}") }
    func beginArray() throws { try open("[", isObject: false) }
    func endArray() throws { try close("]") }

    /// Writes an object key; the next call writes its value.
    func key(_ name: String) throws {
        try separate()
        buffer.removeAll(keepingCapacity: true)
        JSONText.appendString(name, to: &buffer)
        buffer.append(contentsOf: Array(": ".utf8))
        try output.write(buffer)
        afterKey = true
    }

    func string(_ text: String?) throws {
        guard let text else { return try null() }
        try separate()
        buffer.removeAll(keepingCapacity: true)
        JSONText.appendString(text, to: &buffer)
        try output.write(buffer)
    }

    func number(_ value: Double?) throws {
        guard let text = ReportText.number(value) else { return try null() }
        try separate()
        try output.write(text)
    }

    func integer(_ value: Int?) throws {
        guard let value else { return try null() }
        try separate()
        try output.write(String(value))
    }

    func bool(_ value: Bool) throws {
        try separate()
        try output.write(value ? "true" : "false")
    }

    func null() throws {
        try separate()
        try output.write("null")
    }

    /// `"key": "value"` in one call.
    func field(_ name: String, _ text: String?) throws {
        try key(name)
        try string(text)
    }

    /// `"key": number`.
    func field(_ name: String, number value: Double?) throws {
        try key(name)
        try number(value)
    }

    /// `"key": ["a", "b"]`.
    func field(_ name: String, strings: [String]) throws {
        try key(name)
        try beginArray()
        for text in strings { try string(text) }
        try endArray()
    }

    /// Ends the document with a newline.
    func finish() throws {
        try output.write("\n")
    }

    private func open(_ bracket: String, isObject: Bool) throws {
        try separate()
        try output.write(bracket)
        stack.append((false, isObject))
    }

    private func close(_ bracket: String) throws {
        let hadElements = stack.popLast()?.hasElements ?? false
        try output.write(hadElements ? "\n" + String(repeating: "  ", count: stack.count) + bracket : bracket)
    }

    /// The comma, newline and indent before a value (none right after a key).
    private func separate() throws {
        if afterKey {
            afterKey = false
            return
        }
        guard let top = stack.last else { return }
        try output.write((top.hasElements ? ",\n" : "\n") + String(repeating: "  ", count: stack.count))
        stack[stack.count - 1].hasElements = true
    }
}
