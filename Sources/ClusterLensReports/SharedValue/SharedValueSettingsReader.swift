internal import ClusterLensCore
internal import ClusterLensIndicators
internal import Foundation
internal import Yams

/// Reads a report definition's `shared-value:` mapping: `scorecard` (a file, relative to the
/// definition) and `minimum_firms` (a whole number ≥ 1).
struct SharedValueSettingsReader: YAMLReader {
    let file: String
    let errorCode = IndicatorsError.Code.reportDefinition

    /// The settings of the `shared-value:` node.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`reportDefinition`) at line and column.
    func settings(from node: Node) throws(IndicatorsError) -> SharedValueSettings {
        guard case .mapping(let mapping) = node else {
            throw error("shared-value must be a mapping such as {scorecard: FILE, minimum_firms: 5}", node)
        }
        let fields = try keyedValues(of: mapping, allowed: ["scorecard", "minimum_firms"], in: "of shared-value")
        var settings = SharedValueSettings()
        if let scorecard = fields["scorecard"] {
            let path = try text(scorecard, expected: "a scorecard file")
            let folder = (file as NSString).deletingLastPathComponent
            settings.scorecardFile =
                path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
        }
        if let minimum = fields["minimum_firms"] {
            let value = try text(minimum, expected: "a whole number of firms")
            guard let number = Int(value), number >= 1 else {
                throw error("minimum_firms \"\(value)\" is not a whole number of at least 1", minimum.value)
            }
            settings.minimumFirms = number
        }
        return settings
    }
}
