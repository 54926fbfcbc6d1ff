/// Names that become one component of a path (a report id, an output name, a format's plug-in name):
/// what makes one unsafe.
package enum FileName {
    /// Why `name` cannot be used as one file or folder name, `nil` when it can: it is empty, holds a
    /// `/`, a `\`, a NUL or another control character, or starts with `.` (`..` climbs out of the
    /// folder; `.x` would hide the file).
    package static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.contains("/") || name.contains("\\") { return "it holds a path separator" }
        if name.hasPrefix(".") { return "it starts with '.'" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it holds a control character"
        }
        return nil
    }
}
