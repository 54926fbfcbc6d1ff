/// A component id and the code or value it takes, e.g. `GEO` = `ES51`.
public struct ComponentValue: Sendable, Hashable, CustomStringConvertible {
    /// The component (dimension, measure) id.
    public var id: String
    /// The code or value, as in the file.
    public var value: String

    /// Creates a pair.
    @inlinable public init(id: String, value: String) {
        self.id = id
        self.value = value
    }

    public var description: String { "\(id)=\(value)" }
}

/// A series key: the ordered dimension values that identify a series.
///
/// Order is the data structure's dimension order when a DSD is known, otherwise document order.
public struct SeriesKey: Sendable, Hashable, CustomStringConvertible {
    /// The dimension values, in key order.
    public var values: [ComponentValue]

    /// Creates a key.
    public init(_ values: [ComponentValue] = []) {
        self.values = values
    }

    /// The code of dimension `id`, if the key has it.
    public subscript(id: String) -> String? {
        values.first { $0.id == id }?.value
    }

    /// The SDMX dotted form, e.g. `A.C29.ES51`.
    public var description: String {
        values.map(\.value).joined(separator: ".")
    }
}
