/// The triple-bottom-line pillar an indicator belongs to.
public enum Pillar: String, Sendable, Hashable, CaseIterable, Codable {
    /// Jobs, productivity, specialisation, growth.
    case economic
    /// Employment, skills, gender, safety, inclusion.
    case social
    /// Emissions, energy, materials, water, waste.
    case environmental
}

/// The transitions of the European Expert Group on Clusters' recommendations.
public enum TransitionTag: String, Sendable, Hashable, CaseIterable, Codable {
    /// The green transition.
    case green
    /// The digital transition.
    case digital
    /// Resilience.
    case resilience
}

/// Which way is better for an indicator.
public enum Direction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Higher values are better.
    case higher
    /// Lower values are better.
    case lower
    /// Neither (a descriptive figure).
    case none
}

/// What an indicator's value describes: the cluster itself, or the place where it is.
///
/// Labour-market, education, income, GDP, R&D, high-tech and waste statistics describe the cluster's
/// region; energy shares, recycling and circular material use describe its country. Two clusters in one
/// region get the same value of such an indicator, so it is the cluster's context, shown apart and
/// never used to rank clusters unless a report asks for it.
public enum IndicatorScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// The cluster: its sectors in its regions, or its member firms.
    case cluster
    /// The cluster's region, all sectors.
    case region
    /// The cluster's country, all sectors.
    case country

    /// Whether values of this scope are the cluster's context rather than its performance.
    public var isContext: Bool { self != .cluster }
}
