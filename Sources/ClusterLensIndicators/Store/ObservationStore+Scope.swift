public import ClusterLensCore

extension ObservationStore {
    /// The value of an input for one cluster in one of the formula language's scopes.
    ///
    /// | scope | sectors | regions |
    /// |---|---|---|
    /// | ``FormulaScope/cluster`` | the cluster's | the cluster's |
    /// | ``FormulaScope/region`` | all (the binding's total, or the store's override) | the cluster's |
    /// | ``FormulaScope/reference`` | the cluster's | the reference area |
    /// | ``FormulaScope/referenceTotal`` | all (the binding's total, or the store's override) | the reference area |
    /// | ``FormulaScope/peers`` | the cluster's | the peer regions together |
    /// | ``FormulaScope/national`` | the cluster's | the country of its regions |
    /// | ``FormulaScope/nationalTotal`` | all (the binding's total, or the store's override) | the country of its regions |
    ///
    /// The peer regions are added up as one territory (with the count-once rule), so a ratio of two
    /// peer values divides sums and never averages ratios. A cluster without peers gives a missing
    /// value for ``FormulaScope/peers``.
    ///
    /// - Parameters:
    ///   - alternatives: The inputs in order of preference (see ``value(of:sectors:regions:period:)``).
    ///   - scope: The scope.
    ///   - cluster: The cluster.
    ///   - period: The period.
    /// - Returns: The value, or missing with the reason.
    public func value(
        of alternatives: [StoreInput], scope: FormulaScope, cluster: ClusterDefinition, period: TimePeriod
    ) -> AggregatedValue {
        value(of: alternatives, scope: scope, cluster: cluster, period: period, clusterMemo: nil)
    }

    /// The value of an input in a scope, the cluster's own scope remembered in `clusterMemo` (the
    /// indicators of one cluster read its employment many times).
    func value(
        of alternatives: [StoreInput], scope: FormulaScope, cluster: ClusterDefinition, period: TimePeriod,
        clusterMemo: QueryMemo?
    ) -> AggregatedValue {
        let sectors: SectorSet?
        let regions: RegionSet
        switch scope {
        case .cluster:
            (sectors, regions) = (cluster.sectors, cluster.regions)
        case .region:
            (sectors, regions) = (nil, cluster.regions)
        case .reference:
            (sectors, regions) = (cluster.sectors, RegionSet([cluster.reference]))
        case .referenceTotal:
            (sectors, regions) = (nil, RegionSet([cluster.reference]))
        case .peers:
            guard !cluster.peers.isEmpty else {
                return AggregatedValue(
                    value: .missing("cluster \(cluster.id) has no peer regions"),
                    provenance: ValueProvenance(
                        dataflow: alternatives.first.map { DataflowID.normalised($0.dataflow) } ?? ""))
            }
            (sectors, regions) = (cluster.sectors, RegionSet(cluster.peers))
        case .national, .nationalTotal:
            let countries = Set(cluster.regions.codes.compactMap(\.country))
            guard countries.count == 1, let country = countries.first,
                cluster.regions.codes.allSatisfy({ $0.country != nil })
            else {
                return AggregatedValue(
                    value: .missing(
                        "the regions of cluster \(cluster.id) (\(cluster.regions)) do not lie in one country"),
                    provenance: ValueProvenance(
                        dataflow: alternatives.first.map { DataflowID.normalised($0.dataflow) } ?? ""))
            }
            (sectors, regions) = (scope == .national ? cluster.sectors : nil, RegionSet([country]))
        }
        // Every scope but the cluster's is shared by many clusters (all the clusters of a region, of a
        // country): computed once for all.
        guard let shared = scope == .cluster ? clusterMemo : memo else {
            return value(of: alternatives, sectors: sectors, regions: regions, period: period)
        }
        let key = QueryMemo.Key(inputs: alternatives, sectors: sectors, regions: regions, period: period)
        return shared.value(for: key) { value(of: alternatives, sectors: sectors, regions: regions, period: period) }
    }
}
