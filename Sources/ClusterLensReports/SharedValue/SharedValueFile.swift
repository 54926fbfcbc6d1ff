internal import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensSupport
internal import Yams

/// Reading a shared-value YAML file (a ledger, a scorecard): its document tree, with syntax errors at
/// line and column, and its fingerprint for the report's provenance.
enum SharedValueFile {
    /// The document of `path` and the file's SHA-256.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` — `unreadable`, or `errorCode` for bad YAML.
    static func read(_ path: String, errorCode: IndicatorsError.Code) throws(IndicatorsError) -> (
        root: Node?, file: FileFingerprint
    ) {
        let text = try DefinitionText.read(path)
        // The hash of the bytes read (the text keeps them exactly): one read, and the fingerprint is of
        // what was parsed even if the file changes meanwhile.
        let digest = SHA256.hexDigest(of: text.utf8)
        let root = try YAMLSource.compose(text, file: path, errorCode: errorCode)
        return (root, FileFingerprint(path: path, sha256: digest))
    }
}
