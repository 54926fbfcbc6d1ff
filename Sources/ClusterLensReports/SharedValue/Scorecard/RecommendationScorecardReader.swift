internal import ClusterLensCore
public import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation
package import Yams

/// Reads a recommendation scorecard (YAML) with every error at its line and column
/// (``ClusterLensIndicators/IndicatorsError``, code `scorecard`).
///
/// ```yaml
/// id: eegc-2021
/// title: …
/// source: …
/// recommendations:
///   - {number: 1, group: green, title: …, indicators: [ghg_intensity, member_scope12_intensity]}
/// ```
///
/// The recommendations are numbered 1 to 15, each once, in their EEGC group (green 1–5, digital 6–10,
/// resilience 11–15); the indicator ids are checked against the catalogue when a report is built.
public struct RecommendationScorecardReader: YAMLReader {
    /// The file, as errors name it.
    public let file: String
    /// The code of the errors it throws.
    public let errorCode = IndicatorsError.Code.scorecard

    /// A reader for the scorecard at `file`.
    public init(file: String) {
        self.file = file
    }

    /// The shipped EEGC scorecard: `Reports/scorecards/eegc.yaml` in the bundled reports folder.
    public static var bundledFile: String? {
        BundledFolder.reports.map { ($0 as NSString).appendingPathComponent("scorecards/eegc.yaml") }
    }

    /// Reads the scorecard at `path`.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` — `unreadable`, or `scorecard` at a line and
    ///   column.
    public static func load(file path: String) throws(IndicatorsError) -> RecommendationScorecard {
        let (root, fingerprint) = try SharedValueFile.read(path, errorCode: .scorecard)
        return try RecommendationScorecardReader(file: path).scorecard(in: root, fingerprint: fingerprint)
    }

    /// The scorecard in a parsed document.
    package func scorecard(in root: Node?, fingerprint: FileFingerprint) throws(IndicatorsError)
        -> RecommendationScorecard
    {
        guard let root, case .mapping(let mapping) = root else {
            throw IndicatorsError(
                errorCode, "expected a mapping with id, title, source and recommendations", file: file,
                line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1)
        }
        let fields = try keyedValues(
            of: mapping, allowed: ["id", "title", "source", "recommendations"], in: "of a scorecard")
        for key in ["id", "title", "source", "recommendations"] where fields[key] == nil {
            throw error("missing `\(key):` (a scorecard has id, title, source and recommendations)", root)
        }
        func field(_ key: String) -> YAMLField { fields[key] ?? YAMLField(name: key, key: nil, value: root) }
        var recommendations: [Recommendation] = []
        let list = field("recommendations")
        for node in try items(list, expected: "recommendations", example: "{number: 1, group: green, …}") {
            let recommendation = try self.recommendation(node)
            if recommendations.contains(where: { $0.number == recommendation.number }) {
                throw error("recommendation \(recommendation.number) is listed twice", node)
            }
            recommendations.append(recommendation)
        }
        let missing = (1...15).filter { number in !recommendations.contains { $0.number == number } }
        guard missing.isEmpty else {
            throw error(
                "recommendations \(missing.map(String.init).joined(separator: ", ")) are missing (1–15, each once)",
                list.value)
        }
        return RecommendationScorecard(
            file: fingerprint, id: try text(field("id"), expected: "an id"),
            title: try text(field("title"), expected: "a title"),
            source: try text(field("source"), expected: "where the recommendations come from"),
            recommendations: recommendations)
    }

    private func recommendation(_ node: Node) throws(IndicatorsError) -> Recommendation {
        guard case .mapping(let mapping) = node else {
            throw error("a recommendation is a mapping with number, group, title and indicators", node)
        }
        let fields = try keyedValues(
            of: mapping, allowed: ["number", "group", "title", "indicators"], in: "of a recommendation")
        for key in ["number", "group", "title", "indicators"] where fields[key] == nil {
            throw error("a recommendation needs `\(key):` (number, group, title, indicators)", node)
        }
        func field(_ key: String) -> YAMLField { fields[key] ?? YAMLField(name: key, key: nil, value: node) }
        let numberText = try text(field("number"), expected: "a number from 1 to 15")
        guard let number = Int(numberText), let expectedGroup = Recommendation.eegcGroup(of: number) else {
            throw error("number \"\(numberText)\" is not a number from 1 to 15", field("number").value)
        }
        let groupText = try text(field("group"), expected: "green, digital or resilience")
        guard let group = TransitionTag(rawValue: groupText) else {
            throw error("group \"\(groupText)\" is not green, digital or resilience", field("group").value)
        }
        guard group == expectedGroup else {
            throw error(
                "recommendation \(number) is in the \(expectedGroup.rawValue) group (green 1–5, digital 6–10, "
                    + "resilience 11–15), not \(groupText)", field("group").value)
        }
        var indicators: [String] = []
        var places: [InputLocation] = []
        for item in try items(field("indicators"), expected: "indicator ids", example: "ghg_intensity") {
            let id = try text(YAMLField(name: "an indicator", key: nil, value: item), expected: "an indicator id")
            guard !indicators.contains(id) else { throw error("\(id) is listed twice", item) }
            indicators.append(id)
            places.append(place(item))
        }
        return Recommendation(
            number: number, group: group, title: try text(field("title"), expected: "a title"),
            indicators: indicators, indicatorLocations: places)
    }
}
