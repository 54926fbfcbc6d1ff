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
