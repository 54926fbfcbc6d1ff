/// Sizes in bytes as people write them: `1048576`, `512K`, `100M`, `2G` (powers of 1,024; `KiB`,
/// `MB`, … and lower case are accepted), and back (`1 GiB`, `512 MiB`, `1500 bytes`).
package enum ByteCount {
    private static let units: [(suffix: Character, shift: Int)] = [("K", 10), ("M", 20), ("G", 30), ("T", 40)]

    /// The bytes `text` names, `nil` when it is not a whole number with an optional unit, or overflows.
    package static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmingSpaces())
        for ending in ["iB", "ib", "B", "b"] where digits.hasSuffix(ending) && digits.count > ending.count {
            digits = digits.dropLast(ending.count)
            break
        }
        var shift = 0
        if let last = digits.last, let unit = units.first(where: { $0.suffix == Character(last.uppercased()) }) {
            shift = unit.shift
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
        let (result, overflow) = value.multipliedReportingOverflow(by: 1 << shift)
        return overflow ? nil : result
    }

    /// `1 GiB`, `1.5 MiB`, `12 bytes`: the largest unit the size reaches, with one decimal when needed.
    package static func description(_ bytes: Int) -> String {
        for unit in units.reversed() where bytes >= 1 << unit.shift {
            let value = Double(bytes) / Double(1 << unit.shift)
            let rounded = (value * 10).rounded() / 10
            let number = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
            return "\(number) \(unit.suffix)iB"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
