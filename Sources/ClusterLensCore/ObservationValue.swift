/// The value of one observation, exactly as the file gave it, with its numeric reading.
///
/// SDMX files say "no value" in several ways that mean different things, and ClusterLens keeps
/// them apart: the value may be absent (no `OBS_VALUE` at all), empty (`OBS_VALUE=""`), an explicit
/// missing marker (`NaN`, `#N/A`, `nan`, `:`, `-`, `..`), a number, or text that is not a number
/// (`<1`, `Yes`, a decimal comma). Missing is never zero: ``number`` is `nil` for all but numbers.
public struct ObservationValue: Sendable, Hashable {
    /// How the value reads.
    public enum Kind: Sendable, Hashable {
        /// The file gave no value for this observation.
        case absent
        /// The file gave an empty value.
        case empty
        /// An explicit missing-value marker such as `NaN` or `#N/A`.
        case missingMarker
        /// A decimal number.
        case numeric
        /// Text that is not a number (kept as is, never guessed).
        case text
    }

    /// The lexical value as in the file, `nil` when absent.
    public let lexical: String?

    /// Creates a value from its lexical form (`nil` when the file gave none).
    @inlinable public init(lexical: String?) {
        self.lexical = lexical
    }

    /// The absent value.
    public static var absent: ObservationValue { ObservationValue(lexical: nil) }

    /// The markers read as "intentionally missing": SDMX's `NaN` (numeric) and `#N/A` (text, SDMX 3.1),
    /// and the markers statistical offices print (`nan`, `NA`, `:`, `..`, `-`).
    public static let missingMarkers: Set<String> = ["NaN", "nan", "NAN", "#N/A", "NA", "N/A", ":", "..", "-"]

    /// How the value reads.
    public var kind: Kind {
        guard let lexical else { return .absent }
        if lexical.isEmpty { return .empty }
        if Self.isDecimal(lexical) { return .numeric }  // no marker is a decimal: test the common case first
        return Self.missingMarkers.contains(lexical) ? .missingMarker : .text
    }

    /// The number, when the value is a decimal number; `nil` for every kind of missing and for text.
    public var number: Double? {
        guard let lexical, Self.isDecimal(lexical) else { return nil }
        return Double(lexical)
    }

    /// Whether the value is any kind of missing (absent, empty or a marker).
    public var isMissing: Bool {
        switch kind {
        case .absent, .empty, .missingMarker: return true
        case .numeric, .text: return false
        }
    }

    /// Whether `text` is an XML Schema decimal or double in plain notation: an optional sign,
    /// digits with at most one decimal point, and an optional exponent. `INF`, hex and `1,5` are not.
    public static func isDecimal(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var digits = 0
        var sawPoint = false
        var byte = utf8.next()
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = utf8.next() }
        while let current = byte {
            if current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") {
                digits += 1
            } else if current == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            byte = utf8.next()
        }
        guard digits > 0 else { return false }
        guard let exponentMark = byte else { return true }
        guard exponentMark == UInt8(ascii: "e") || exponentMark == UInt8(ascii: "E") else { return false }
        byte = utf8.next()
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = utf8.next() }
        var exponentDigits = 0
        while let current = byte {
            guard current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") else { return false }
            exponentDigits += 1
            byte = utf8.next()
        }
        return exponentDigits > 0
    }
}
