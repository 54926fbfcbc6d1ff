public import ClusterLensCore
internal import ClusterLensSupport
internal import Foundation
package import Yams

/// Reads cluster definitions from YAML files.
///
/// ## Format
///
/// ```yaml
/// clusters:
///   - id: es51-automotive           # required; letters, digits, '-', '_', '.'; unique in the file
///     name: Catalonia automotive    # optional; defaults to the id
///     regions: [ES51]               # required, not empty: NUTS codes, any level
///     sectors: [C29, C22.2]         # required, not empty: NACE Rev. 2 codes; a code matches its sub-codes
///     reference: EU27_2020          # required: the reference area (a NUTS code or an aggregate)
///     peers: [ES21, ITC4, DE11]     # optional comparison regions (NUTS codes)
///     members: members.csv          # optional member-firm survey, relative to this file
/// ```
///
/// The top level holds `clusters` and nothing else. Codes are read as written, so `NO` stays Norway and
/// `29.10` stays a class. `regions` and `peers` take NUTS regions, not aggregates such as `EU27_2020`;
/// `reference` takes either. A relative `members` path is resolved against the folder of the file.
///
/// ## Errors
///
/// Every error is an ``IndicatorsError`` with code ``IndicatorsError/Code/clusterDefinition`` (or
/// ``IndicatorsError/Code/unreadable`` when the file cannot be read) that names the file, and the line
/// and column of the offending key or value: YAML syntax errors, unknown keys (the message lists the
/// allowed ones), missing required keys (at the cluster), keys without a value (at the key), empty
/// `regions` or `sectors`, a single value where a list is expected, invalid codes (the message says why, for example `C99 is not a NACE Rev. 2
/// division (section C has divisions 10–33; division 99 is in section U)`), and duplicate ids.
public enum ClusterDefinitionLoader {
    /// Reads the clusters of a YAML file.
    ///
    /// - Parameter path: The file; errors name it as given.
    /// - Returns: The clusters in the order of the file.
    /// - Throws: ``IndicatorsError`` — `.unreadable` when the file does not exist, is a folder, cannot
    ///   be read or is not UTF-8; `.clusterDefinition` when it breaks the format.
    public static func load(file path: String) throws(IndicatorsError) -> [ClusterDefinition] {
        try load(yaml: DefinitionText.read(path), file: path)
    }

    /// Reads the clusters of a YAML text.
    ///
    /// - Parameters:
    ///   - text: The YAML.
    ///   - file: The file the text came from: errors name it, and a relative `members` path is resolved
    ///     against its folder.
    /// - Returns: The clusters in the order of the text.
    /// - Throws: ``IndicatorsError`` with code `.clusterDefinition` when the text breaks the format.
    public static func load(yaml text: String, file: String) throws(IndicatorsError) -> [ClusterDefinition] {
        let root = try YAMLSource.compose(text, file: file, errorCode: .clusterDefinition)
        return try ClusterDefinitionReader(file: file).clusters(in: root)
    }

    /// Reads clusters given inline in another file (a report definition's `clusters:` list).
    ///
    /// - Parameters:
    ///   - list: The list node.
    ///   - file: The file that holds it: errors name it, and `members` paths resolve against its folder.
    /// - Throws: ``IndicatorsError`` with code `.clusterDefinition`, at the node's line and column.
    package static func load(list: Node, file: String) throws(IndicatorsError) -> [ClusterDefinition] {
        try ClusterDefinitionReader(file: file).clusters(list: list)
    }
}
