/// Where a formula reads an input: the cluster, its regions as a whole, the reference area, or the
/// peer regions.
///
/// A bare input name reads the ``cluster`` scope; the scope functions `cluster(x)`, `region(x)`,
/// `reference(x)`, `referenceTotal(x)`, `peers(x)`, `national(x)` and `nationalTotal(x)` read the
/// others. The raw value is the name
/// of the function in the formula language.
public enum FormulaScope: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The cluster: its sectors in its regions (the default scope).
    case cluster
    /// The cluster's regions, all sectors.
    case region
    /// The cluster's sectors in the reference area (for example `EU27_2020` or the country).
    case reference
    /// The reference area, all sectors.
    case referenceTotal
    /// The cluster's sectors in the peer regions, aggregated by the engine (numerators and
    /// denominators summed before any division, never ratios averaged).
    case peers
    /// The cluster's sectors in the country of its regions (NUTS level 0), for statistics published
    /// only nationally, such as air-emission accounts by industry.
    case national
    /// The country of the cluster's regions, all sectors (a national renewable share).
    case nationalTotal

    /// The name of the scope function, such as `referenceTotal`.
    public var description: String { rawValue }
}
