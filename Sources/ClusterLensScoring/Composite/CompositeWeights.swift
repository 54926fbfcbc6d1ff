/// The weights of every node, each normalised to sum 1 (see ``CompositeSettings/Weighting``).
struct CompositeWeights: Sendable {
    /// Per pillar node, the weight of each member indicator.
    var pillarMembers: [[Double]]
    /// Per transition node, the weight of each member indicator.
    var transitionMembers: [[Double]]
    /// The weight of each pillar node in the index.
    var pillars: [Double]
    /// Warnings (negative loadings, PCA fallbacks).
    var messages: [String] = []

    init(
        _ weighting: CompositeSettings.Weighting, indicators: [CompositeIndicator], framework: CompositeFramework,
        normalised: [[Double?]], included: [Bool]
    ) throws(CompositeError) {
        let ids = Set(indicators.map(\.id))
        switch weighting {
        case .equal, .principalComponent:
            pillarMembers = framework.pillarMembers.map { Self.normalised(Array(repeating: 1, count: $0.count)) }
            transitionMembers = framework.transitionMembers.map {
                Self.normalised(Array(repeating: 1, count: $0.count))
            }
            pillars = Self.normalised(Array(repeating: 1, count: framework.pillars.count))
        case .explicit(let byIndicator, let byPillar), .importance(let byIndicator, let byPillar):
            let isRating = if case .importance = weighting { true } else { false }
            let fallback: Double = isRating ? 5 : 1
            for (id, weight) in byIndicator {
                guard ids.contains(id) else {
                    throw CompositeError(.invalidSettings, "weight for unknown indicator \(id)")
                }
                try Self.check(weight, rating: isRating, for: "indicator \(id)")
            }
            for (pillar, weight) in byPillar { try Self.check(weight, rating: isRating, for: "pillar \(pillar)") }
            func node(_ members: [Int], _ name: String) throws(CompositeError) -> [Double] {
                let raw = members.map { byIndicator[indicators[$0].id] ?? fallback }
                guard raw.reduce(0, +) > 0 else {
                    throw CompositeError(.invalidSettings, "every weight in \(name) is zero")
                }
                return Self.normalised(raw)
            }
            pillarMembers = []
            for (pillar, members) in zip(framework.pillars, framework.pillarMembers) {
                pillarMembers.append(try node(members, "pillar \(pillar.rawValue)"))
            }
            transitionMembers = []
            for (tag, members) in zip(framework.transitions, framework.transitionMembers) {
                transitionMembers.append(try node(members, "transition \(tag.rawValue)"))
            }
            let raw = framework.pillars.map { byPillar[$0] ?? fallback }
            guard raw.reduce(0, +) > 0 else { throw CompositeError(.invalidSettings, "every pillar weight is zero") }
            pillars = Self.normalised(raw)
        }
        if weighting == .principalComponent {
            for (position, (pillar, members)) in zip(framework.pillars, framework.pillarMembers).enumerated() {
                pillarMembers[position] = pca(members, "pillar \(pillar.rawValue)", indicators, normalised, included)
            }
            for (position, (tag, members)) in zip(framework.transitions, framework.transitionMembers).enumerated() {
                transitionMembers[position] = pca(
                    members, "transition \(tag.rawValue)", indicators, normalised, included)
            }
        }
    }

    /// Squared PC1 loadings of a node's normalised indicators (covariance, listwise deletion).
    private mutating func pca(
        _ members: [Int], _ name: String, _ indicators: [CompositeIndicator], _ normalised: [[Double?]],
        _ included: [Bool]
    ) -> [Double] {
        let equal = Self.normalised(Array(repeating: 1, count: members.count))
        guard members.count > 1 else { return equal }
        var rows: [[Double]] = []
        for unit in included.indices where included[unit] {
            let row = members.compactMap { normalised[$0][unit] }
            if row.count == members.count { rows.append(row) }
        }
        let size = members.count
        guard rows.count > 1 else {
            messages.append("PCA weights for \(name): fewer than 2 units with every indicator, equal weights used")
            return equal
        }
        let means = (0..<size).map { column in rows.reduce(0) { $0 + $1[column] } / Double(rows.count) }
        var covariance = [Double](repeating: 0, count: size * size)
        for row in rows {
            for i in 0..<size {
                for j in 0..<size { covariance[i * size + j] += (row[i] - means[i]) * (row[j] - means[j]) }
            }
        }
        for index in covariance.indices { covariance[index] /= Double(rows.count - 1) }
        guard covariance.contains(where: { $0 != 0 }) else {
            messages.append("PCA weights for \(name): indicators are constant, equal weights used")
            return equal
        }
        let loadings = PrincipalComponent.first(of: covariance, size: size)
        let negative = zip(members, loadings).filter { $0.1 < -1e-9 }.map { indicators[$0.0].id }
        if !negative.isEmpty {
            messages.append(
                "PCA weights for \(name): negative loadings on PC1 for \(negative.joined(separator: ", ")) "
                    + "(these indicators pull against the others; squared loadings used as weights)")
        }
        return Self.normalised(loadings.map { $0 * $0 })
    }

    private static func check(_ weight: Double, rating: Bool, for name: String) throws(CompositeError) {
        let valid = weight.isFinite && weight >= 0 && (!rating || weight <= 10)
        guard valid else {
            let range = rating ? "a rating from 0 to 10" : "a finite weight ≥ 0"
            throw CompositeError(.invalidSettings, "\(name): \(weight) is not \(range)")
        }
    }

    static func normalised(_ weights: [Double]) -> [Double] {
        let sum = weights.reduce(0, +)
        return sum > 0 ? weights.map { $0 / sum } : weights
    }

    /// One sentence naming a weighting.
    static func describe(_ weighting: CompositeSettings.Weighting) -> String {
        switch weighting {
        case .equal: "equal weights within each node"
        case .explicit: "explicit weights per indicator and pillar (unlisted: 1), normalised within each node"
        case .importance: "importance ratings 0–10 (unlisted: 5), normalised to sum 1 within each node"
        case .principalComponent:
            "squared PC1 loadings of the covariance of each node's normalised indicators (listwise deletion); "
                + "pillars weigh the same"
        }
    }
}
