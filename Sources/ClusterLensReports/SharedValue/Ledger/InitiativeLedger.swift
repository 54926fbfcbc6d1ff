public import ClusterLensCore

/// A cluster's initiative ledger: what the cluster does (its initiatives, who takes part, what they
/// cost) and what it changes (each initiative's outcome metrics), read from the YAML file a cluster
/// definition names with `initiatives:` (``InitiativeLedgerReader``).
///
/// ```yaml
/// cluster: iti1-leather
/// note: SYNTHETIC demo ledger
/// factors:
///   - {id: water-tariff, value: 2.4, from: m³, to: EUR, source: "utility tariff 2023"}
/// initiatives:
///   - id: water-plant
///     title: Shared water-treatment plant
///     members: [TOS-001, TOS-003]
///     start: 2022-03
///     recommendations: [2, 13]
///     transition: green
///     investment: {public: 4200000, private: 2800000}
///     outcomes: [...]
/// ```
public struct InitiativeLedger: Sendable, Equatable {
    /// The ledger file and its SHA-256.
    public var file: FileFingerprint
    /// The cluster the ledger belongs to (its `cluster:` must be the id of the cluster that names it).
    public var cluster: String
    /// A note shown with the ledger (`note:`), such as that its figures are synthetic.
    public var note: String?
    /// The conversion factors the outcome metrics use, each with its source.
    public var factors: [ConversionFactor]
    /// The initiatives, in file order.
    public var initiatives: [Initiative]

    /// Creates a ledger.
    public init(
        file: FileFingerprint, cluster: String, note: String? = nil, factors: [ConversionFactor] = [],
        initiatives: [Initiative]
    ) {
        self.file = file
        self.cluster = cluster
        self.note = note
        self.factors = factors
        self.initiatives = initiatives
    }

    /// The factor with `id`.
    public func factor(_ id: String) -> ConversionFactor? {
        factors.first { $0.id == id }
    }
}

/// A declared conversion factor: `value` units of `to` per unit of `from` (2.4 EUR per m³, 0.26 t CO2e
/// per MWh), with the source it is taken from. Every conversion in the shared-value accounts uses one,
/// so no constant is hidden in the code.
public struct ConversionFactor: Sendable, Equatable {
    /// The id outcome metrics refer to (`water-tariff`).
    public var id: String
    /// Units of ``to`` per unit of ``from``; positive.
    public var value: Double
    /// The unit converted from; must be the unit of the metric converted (`m³`).
    public var from: String
    /// The unit converted to (`EUR`).
    public var to: String
    /// Where the factor comes from (a publication, a tariff, a standard), never empty.
    public var source: String
    /// Where the factor is declared.
    public var location: InputLocation

    /// Creates a factor.
    public init(id: String, value: Double, from: String, to: String, source: String, location: InputLocation) {
        self.id = id
        self.value = value
        self.from = from
        self.to = to
        self.source = source
        self.location = location
    }

    /// `2.4 EUR per m³`.
    public var rate: String {
        "\(ReportText.number(value) ?? "") \(to) per \(from)"
    }
}
