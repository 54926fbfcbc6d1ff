internal import ClusterLensCore

/// The nodes of the framework: which aggregated indicators feed each pillar and transition.
struct CompositeFramework: Sendable {
    /// The pillars with at least one aggregated indicator, in ``Pillar`` order.
    var pillars: [Pillar]
    /// The indicator indices of each pillar.
    var pillarMembers: [[Int]]
    /// The transitions with at least one aggregated indicator, in ``TransitionTag`` order.
    var transitions: [TransitionTag]
    /// The indicator indices of each transition.
    var transitionMembers: [[Int]]

    init(indicators: [CompositeIndicator], aggregated: [Bool]) {
        pillars = []
        pillarMembers = []
        transitions = []
        transitionMembers = []
        for pillar in Pillar.allCases {
            let members = indicators.indices.filter { aggregated[$0] && indicators[$0].pillar == pillar }
            if !members.isEmpty {
                pillars.append(pillar)
                pillarMembers.append(members)
            }
        }
        for tag in TransitionTag.allCases {
            let members = indicators.indices.filter { aggregated[$0] && indicators[$0].tags.contains(tag) }
            if !members.isEmpty {
                transitions.append(tag)
                transitionMembers.append(members)
            }
        }
    }
}
