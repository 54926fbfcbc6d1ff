/// Shift-share decomposition of a cluster's employment change (Dunn 1960; Esteban-Marquillas 1972).
///
/// For the cluster's industries i in its region r, between t0 and t1, with growth rates
/// g_ir (the region's industry), g_iN (the industry in the reference area) and g_N (the reference
/// area, all industries):
/// - national share NS = Σ E_ir,0 × g_N,
/// - industry mix IM = Σ E_ir,0 × (g_iN − g_N),
/// - regional (competitive) share RS = Σ E_ir,0 × (g_ir − g_iN),
/// so that NS + IM + RS = Σ (E_ir,1 − E_ir,0). Esteban-Marquillas splits RS with the homothetic
/// employment E*_ir = E_r,0 × E_iN,0 / E_N,0 (the industry's employment if the region had the
/// reference area's structure) into a competitive effect Σ E*_ir (g_ir − g_iN) and an allocation
/// effect Σ (E_ir,0 − E*_ir)(g_ir − g_iN).
public struct ShiftShare: Sendable, Equatable {
    /// One industry's employment in the region and in the reference area, at t0 and t1.
    public struct Industry: Sendable, Equatable {
        /// E_ir,0 and E_ir,1.
        public var regional: (start: Double, end: Double)
        /// E_iN,0 and E_iN,1.
        public var reference: (start: Double, end: Double)

        /// Creates an industry's figures.
        public init(regional: (start: Double, end: Double), reference: (start: Double, end: Double)) {
            self.regional = regional
            self.reference = reference
        }

        public static func == (lhs: Industry, rhs: Industry) -> Bool {
            lhs.regional == rhs.regional && lhs.reference == rhs.reference
        }
    }

    /// NS.
    public var nationalShare: Double
    /// IM.
    public var industryMix: Double
    /// RS.
    public var regionalShare: Double
    /// Esteban-Marquillas competitive effect (`nil` without the region's total employment).
    public var competitiveEffect: Double?
    /// Esteban-Marquillas allocation effect (`nil` without the region's total employment).
    public var allocationEffect: Double?

    /// Decomposes; `nil` when a start value needed as a growth base is zero.
    /// - Parameters:
    ///   - industries: The cluster's industries.
    ///   - referenceTotal: E_N,0 and E_N,1, the reference area's employment in all industries.
    ///   - regionTotalStart: E_r,0, the region's employment in all industries, for the
    ///     Esteban-Marquillas split (optional).
    public static func decompose(
        _ industries: [Industry], referenceTotal: (start: Double, end: Double), regionTotalStart: Double? = nil
    ) -> ShiftShare? {
        guard referenceTotal.start != 0 else { return nil }
        let nationalGrowth = referenceTotal.end / referenceTotal.start - 1
        var result = ShiftShare(
            nationalShare: 0, industryMix: 0, regionalShare: 0,
            competitiveEffect: regionTotalStart == nil ? nil : 0, allocationEffect: regionTotalStart == nil ? nil : 0)
        for industry in industries {
            guard industry.regional.start != 0, industry.reference.start != 0 else { return nil }
            let regionalGrowth = industry.regional.end / industry.regional.start - 1
            let industryGrowth = industry.reference.end / industry.reference.start - 1
            let base = industry.regional.start
            result.nationalShare += base * nationalGrowth
            result.industryMix += base * (industryGrowth - nationalGrowth)
            result.regionalShare += base * (regionalGrowth - industryGrowth)
            if let regionTotalStart {
                let homothetic = regionTotalStart * industry.reference.start / referenceTotal.start
                result.competitiveEffect? += homothetic * (regionalGrowth - industryGrowth)
                result.allocationEffect? += (base - homothetic) * (regionalGrowth - industryGrowth)
            }
        }
        return result
    }
}
