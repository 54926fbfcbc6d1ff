/// An industrial cluster defined from official statistics: economic activities (NACE Rev. 2 codes) in
/// a territory (NUTS regions), compared with a reference area and, optionally, with peer regions.
///
/// A cluster value, such as its employment, is the sum over the cluster's sectors and regions, each
/// employee counted once: ``countedOnce(among:)`` picks the cells to add up.
///
/// Definitions are usually read from YAML by the indicator engine's `ClusterDefinitionLoader`:
///
/// ```yaml
/// clusters:
///   - id: es51-automotive
///     name: Catalonia automotive
///     regions: [ES51]
///     sectors: [C29, C22.2]
///     reference: EU27_2020
///     peers: [ES21, ITC4, DE11]
///     members: members.csv
///     initiatives: initiatives.yaml
/// ```
public struct ClusterDefinition: Sendable, Hashable {
    /// One cell of a dataset: an activity in a region.
    public struct Cell: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The activity.
        public var sector: NACECode
        /// The region.
        public var region: NUTSCode

        /// Creates a cell.
        public init(sector: NACECode, region: NUTSCode) {
            self.sector = sector
            self.region = region
        }

        /// By region, then by activity.
        public static func < (lhs: Cell, rhs: Cell) -> Bool {
            lhs.region != rhs.region ? lhs.region < rhs.region : lhs.sector < rhs.sector
        }

        /// `SECTOR@REGION`, for example `C29@ES51`.
        public var description: String { "\(sector.code)@\(region.code)" }
    }

    /// The identifier, unique within a definition file: `es51-automotive`.
    public var id: String
    /// The display name: `Catalonia automotive`.
    public var name: String
    /// The territory.
    public var regions: RegionSet
    /// The economic activities.
    public var sectors: SectorSet
    /// The reference area for location quotients and shift-share: a country, a region or an
    /// aggregate such as `EU27_2020`.
    public var reference: NUTSCode
    /// Comparison regions, in the order given; may be empty.
    public var peers: [NUTSCode]
    /// The member-firm survey file, if any. The model never reads it; the loader resolves a relative
    /// path against the folder of the definition file.
    public var membersPath: String?
    /// The initiative ledger file (`initiatives:`), if any: what the cluster does and what it changes,
    /// read by the report's shared-value stage. The model never reads it; the loader resolves a relative
    /// path against the folder of the definition file.
    public var initiativesPath: String?

    /// Creates a definition.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - name: The display name.
    ///   - regions: The territory.
    ///   - sectors: The economic activities.
    ///   - reference: The reference area.
    ///   - peers: Comparison regions.
    ///   - membersPath: The member-firm survey file.
    ///   - initiativesPath: The initiative ledger file.
    public init(
        id: String, name: String, regions: RegionSet, sectors: SectorSet, reference: NUTSCode,
        peers: [NUTSCode] = [], membersPath: String? = nil, initiativesPath: String? = nil
    ) {
        self.id = id
        self.name = name
        self.regions = regions
        self.sectors = sectors
        self.reference = reference
        self.peers = peers
        self.membersPath = membersPath
        self.initiativesPath = initiativesPath
    }

    /// Whether an activity in a region belongs to the cluster.
    public func contains(sector: NACECode, region: NUTSCode) -> Bool {
        sectors.contains(sector) && regions.contains(region)
    }

    /// The cells to add up, among those a dataset has, so that each employee is counted once.
    ///
    /// The rule of ``SectorSet/countedOnce(among:)`` in both dimensions at once: of the available
    /// cells inside the cluster, a cell is used unless another available cell inside the cluster
    /// contains it (in activity and in region). Availability may differ between regions: with the
    /// sectors `[C29]`, the regions `[ES51, ES52]` and data for `C29@ES51`, `C291@ES51`, `C291@ES52`
    /// and `C292@ES52`, the cells used are `C29@ES51`, `C291@ES52` and `C292@ES52`.
    ///
    /// Two cells can overlap without one containing the other (`C@ES51` and `C29@ES5`); then the one
    /// with the wider activity is kept and the other dropped, so nothing is counted twice. Pass only
    /// cells whose value is not missing.
    ///
    /// - Parameter available: The cells present in the data, in any order, duplicates allowed.
    /// - Returns: The cells to sum, sorted, pairwise without overlap.
    public func countedOnce(among available: some Sequence<Cell>) -> [Cell] {
        CountOnce.select(
            available.filter { contains(sector: $0.sector, region: $0.region) },
            coarserFirst: { lhs, rhs in
                if lhs.sector.width != rhs.sector.width { return lhs.sector.width > rhs.sector.width }
                if lhs.region != rhs.region { return NUTSCode.isCoarser(lhs.region, than: rhs.region) }
                return lhs.sector < rhs.sector
            },
            overlap: { $0.sector.overlaps($1.sector) && $0.region.overlaps($1.region) }
        )
    }
}

/// The count-once selection shared by ``SectorSet``, ``RegionSet`` and ``ClusterDefinition``.
enum CountOnce {
    /// Keeps each candidate that overlaps no candidate kept before it, visiting the coarsest first.
    ///
    /// `coarserFirst` must list a code before every code it strictly contains; then the result holds
    /// exactly the candidates no other candidate contains, less any that partly overlap a kept one.
    ///
    /// - Returns: The kept candidates, sorted.
    static func select<Code: Hashable & Comparable>(
        _ candidates: some Sequence<Code>, coarserFirst: (Code, Code) -> Bool, overlap: (Code, Code) -> Bool
    ) -> [Code] {
        var kept: [Code] = []
        for candidate in Set(candidates).sorted(by: coarserFirst)
        where !kept.contains(where: { overlap($0, candidate) }) {
            kept.append(candidate)
        }
        return kept.sorted()
    }
}
