/// The level an attribute value was attached at in the message.
public enum AttachmentLevel: String, Sendable, Hashable, CaseIterable {
    /// The whole dataset.
    case dataset
    /// A group: every series whose key matches the group's partial key.
    case group
    /// One series.
    case series
    /// One observation.
    case observation
}

/// A text in one language, e.g. a code's name or a multilingual attribute value.
public struct LocalizedText: Sendable, Hashable {
    /// The `xml:lang` language tag, empty when the file gave none.
    public var language: String
    /// The text.
    public var text: String

    /// Creates a text.
    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}

extension Array where Element == LocalizedText {
    /// The text in `language`, else English, else the first one.
    public func text(preferring language: String = "en") -> String? {
        (first { $0.language == language } ?? first { $0.language == "en" } ?? first)?.text
    }
}

/// The value of an attribute (a status flag, a unit multiplier, a title, …) at some level.
///
/// Most attributes have one coded value. SDMX 3.x also allows several values (`<Comp>` with
/// several `<Value>`s) and multilingual text values; both are kept.
public struct AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// The attribute id, e.g. `OBS_STATUS`.
    public var id: String
    /// The first (usually the only) value, as in the file.
    public var value: String
    /// Further values of a multi-valued attribute, in document order.
    public var additionalValues: [String]
    /// The language variants of a multilingual text value; `value` then holds the English or first text.
    public var texts: [LocalizedText]
    /// Where the value was attached.
    public var level: AttachmentLevel

    /// Creates a single-valued attribute.
    @inlinable public init(id: String, value: String, level: AttachmentLevel) {
        self.id = id
        self.value = value
        self.additionalValues = []
        self.texts = []
        self.level = level
    }

    /// Creates a multi-valued or multilingual attribute.
    public init(id: String, values: [String], texts: [LocalizedText] = [], level: AttachmentLevel) {
        self.id = id
        self.value = values.first ?? texts.text() ?? ""
        self.additionalValues = Array(values.dropFirst())
        self.texts = texts
        self.level = level
    }

    /// All values, in order.
    public var values: [String] { [value] + additionalValues }

    public var description: String {
        additionalValues.isEmpty ? "\(id)=\(value)" : "\(id)=[\(values.joined(separator: ";"))]"
    }
}
