/// The version of ClusterLens, recorded in every report and run record.
public enum ClusterLensVersion {
    /// The version.
    public static let current = "0.2.0"
}
