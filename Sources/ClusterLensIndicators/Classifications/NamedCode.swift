public import ClusterLensCore

/// One code of a data file's dimension, with the observations that carry it and what the codelists
/// and classifications say of it (see ``CodeNamer``).
public struct NamedCode: Sendable, Hashable {
    /// The code as the file writes it, `ES51`.
    public var code: String
    /// The observations that carry it (0 for a series without observations).
    public var observations: Int
    /// Its name, `Cataluña`; `nil` when no source names it.
    public var name: String?
    /// Its NUTS level (0 for a country to 3), when the dimension is the region and NUTS knows the code.
    public var level: Int?
    /// The NUTS versions that have the code, oldest first; empty when NUTS does not know it or the
    /// dimension is not the region.
    public var nutsVersions: [NUTSClassification.Version]
    /// Whether a source of the dimension (its codelist, NUTS or NACE) knows the code; `nil` when the
    /// dimension has no source to check against (a time period, a dimension without a codelist).
    public var isKnown: Bool?

    /// Creates a code.
    public init(
        code: String, observations: Int, name: String? = nil, level: Int? = nil,
        nutsVersions: [NUTSClassification.Version] = [], isKnown: Bool? = nil
    ) {
        self.code = code
        self.observations = observations
        self.name = name
        self.level = level
        self.nutsVersions = nutsVersions
        self.isKnown = isKnown
    }
}
