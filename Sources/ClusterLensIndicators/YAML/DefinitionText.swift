internal import ClusterLensSupport

/// Reading definition files (clusters, indicators, reports, manifests) as text, with a file that
/// cannot be read reported as ``IndicatorsError`` (`unreadable`) that keeps the file error under it.
package enum DefinitionText {
    /// The UTF-8 text of `path`.
    ///
    /// - Throws: ``IndicatorsError`` (`unreadable`) with the ``ClusterLensSupport/FileError`` underlying.
    package static func read(_ path: String) throws(IndicatorsError) -> String {
        do {
            return try TextFile.read(path)
        } catch {
            throw IndicatorsError(.unreadable, error.message, file: path, underlying: error)
        }
    }
}
