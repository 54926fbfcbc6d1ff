public import ClusterLensCore

/// A dimension of a data file with its distinct codes, named (see ``CodeNamer``).
public struct NamedDimension: Sendable, Hashable {
    /// A classification ClusterLens ships that names the codes of a role.
    public enum Classification: String, Sendable, Hashable, CaseIterable {
        /// NUTS 2016, 2021 and 2024, for the region.
        case nuts = "NUTS"
        /// NACE Rev. 2 and Eurostat's aggregate codes, for the sector.
        case nace = "NACE Rev. 2"
    }

    /// The dimension id, as the file spells it.
    public var id: String
    /// The role it plays (region, sector, time), `nil` for any other dimension.
    public var role: DimensionRoles.Role?
    /// The codelist of a structure message that names its codes, if one was found.
    public var codelist: StructureReference?
    /// The shipped classification that names its codes, if its role has one.
    public var classification: Classification?
    /// The codes in a stable order (``ClusterLensImport/DimensionCodes/orderedCodes(asTime:)``).
    public var codes: [NamedCode]

    /// Creates a dimension.
    public init(
        id: String, role: DimensionRoles.Role? = nil, codelist: StructureReference? = nil,
        classification: Classification? = nil, codes: [NamedCode] = []
    ) {
        self.id = id
        self.role = role
        self.codelist = codelist
        self.classification = classification
        self.codes = codes
    }

    /// The number of codes that none of the dimension's sources knows.
    public var unknownCodes: Int { codes.count { $0.isKnown == false } }
}
