/// The NUTS classification in its 2016, 2021 and 2024 versions: each region's code, level and name,
/// and which regions make up which.
///
/// It answers two questions: what a code is called (for reports), and whether the regions a data file
/// holds make up a larger one completely — an area is summed from its parts only when all its parts of
/// one version are present (extra-regio `Z` regions excepted: they hold almost nothing and regional
/// files rarely carry them).
public struct NUTSClassification: Sendable {
    /// A version of the classification.
    public enum Version: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
        /// NUTS 2016 (used for data 2018–2020).
        case nuts2016 = 2016
        /// NUTS 2021 (data 2021–2023).
        case nuts2021 = 2021
        /// NUTS 2024 (data from 2024).
        case nuts2024 = 2024

        /// Older first.
        public static func < (left: Version, right: Version) -> Bool { left.rawValue < right.rawValue }

        /// `NUTS 2021`.
        public var description: String { "NUTS \(rawValue)" }
    }

    /// One region of one version.
    public struct Region: Sendable, Hashable {
        /// The code, `ES51`.
        public var code: String
        /// 0 (country) to 3.
        public var level: Int
        /// The name as Eurostat writes it, `Cataluña`.
        public var name: String

        /// Creates a region.
        public init(code: String, level: Int, name: String) {
            self.code = code
            self.level = level
            self.name = name
        }
    }

    private var regions: [Version: [String: Region]] = [:]
    private var children: [Version: [String: [String]]] = [:]

    /// An empty classification.
    public init() {}

    /// Adds the regions of one version (their parents are found from the codes).
    public mutating func add(_ version: Version, regions list: [Region]) {
        var byCode = regions[version] ?? [:]
        for region in list { byCode[region.code] = region }
        regions[version] = byCode
        var parts: [String: [String]] = [:]
        for region in byCode.values where region.level > 0 {
            if let parent = Self.parent(of: region, in: byCode) { parts[parent, default: []].append(region.code) }
        }
        children[version] = parts.mapValues { $0.sorted() }
    }

    /// The versions loaded, oldest first.
    public var versions: [Version] { regions.keys.sorted() }

    /// Whether no version is loaded.
    public var isEmpty: Bool { regions.isEmpty }

    /// The region's name in the newest version that has it.
    public func name(of code: String) -> String? {
        region(code)?.name
    }

    /// The region as the newest version that has the code defines it (its name and level), `nil` when
    /// no version knows the code.
    public func region(_ code: String) -> Region? {
        for version in versions.reversed() {
            if let region = regions[version]?[code] { return region }
        }
        return nil
    }

    /// The versions that have the code, oldest first; empty for a code no version knows.
    public func versions(of code: String) -> [Version] {
        versions.filter { regions[$0]?[code] != nil }
    }

    /// Whether any version knows the code.
    public func contains(_ code: String) -> Bool {
        regions.values.contains { $0[code] != nil }
    }

    /// The regions one level down that make up `code` in `version`, sorted; extra-regio `Z` regions
    /// left out. Empty for a NUTS 3 region or a code the version does not have.
    public func parts(of code: String, in version: Version) -> [String] {
        (children[version]?[code] ?? []).filter { !Self.isExtraRegio($0) }
    }

    /// How `code` can be summed from the `available` codes.
    public enum Cover: Sendable, Equatable {
        /// `available` holds the code itself.
        case whole
        /// `available` makes the code up completely in `version`: these codes (each a part, or a part
        /// of a part) are the ones to add up, no others.
        case parts(version: Version, codes: [String])
        /// No version is made up completely: the missing regions of the version that comes closest
        /// (the newest among equals), each at the level where it is missing.
        case incomplete(version: Version, missing: [String])
        /// No version knows the code (an aggregate such as `EU27_2020`).
        case unknown
    }

    /// How `code` can be summed from `available` codes: itself, all its parts of one version (each part
    /// present, or itself made up completely by its own parts), or not at all.
    public func cover(of code: String, available: Set<String>) -> Cover {
        if available.contains(code) { return .whole }
        var best: (version: Version, missing: [String])?
        for version in versions.reversed() {
            guard regions[version]?[code] != nil, !parts(of: code, in: version).isEmpty else { continue }
            var present: [String] = []
            var missing: [String] = []
            for part in parts(of: code, in: version) {
                collect(part, version: version, available: available, present: &present, missing: &missing)
            }
            if missing.isEmpty { return .parts(version: version, codes: present) }
            if best == nil || missing.count < (best?.missing.count ?? .max) { best = (version, missing) }
        }
        guard let best else { return .unknown }
        return .incomplete(version: best.version, missing: best.missing)
    }

    private func collect(
        _ code: String, version: Version, available: Set<String>, present: inout [String], missing: inout [String]
    ) {
        if available.contains(code) {
            present.append(code)
            return
        }
        let parts = parts(of: code, in: version)
        // A region with nothing inside it is missing as a whole (ES53, not its three NUTS 3 regions).
        guard !parts.isEmpty, holdsAny(code, version: version, available: available) else {
            missing.append(code)
            return
        }
        for part in parts {
            collect(part, version: version, available: available, present: &present, missing: &missing)
        }
    }

    /// Whether `available` holds the code or a region inside it (in `version`).
    private func holdsAny(_ code: String, version: Version, available: Set<String>) -> Bool {
        available.contains(code)
            || parts(of: code, in: version).contains { holdsAny($0, version: version, available: available) }
    }

    /// Whether a code is an extra-regio region (`ESZ`, `ESZZ`, `ESZZZ`).
    static func isExtraRegio(_ code: String) -> Bool {
        code.count > 2 && code.dropFirst(2).first == "Z"
    }

    /// The code one level up: the code without its last character, or — where a version coded regions
    /// under a parent that is not their prefix (NUTS 2016's `UKN10`–`UKN16` under `UKN0`) — the one
    /// region one level up that shares the country and first letter.
    private static func parent(of region: Region, in byCode: [String: Region]) -> String? {
        let prefix = String(region.code.dropLast())
        if byCode[prefix] != nil { return prefix }
        let stem = region.code.prefix(region.code.count - 2)
        let candidates = byCode.values.filter { $0.level == region.level - 1 && $0.code.hasPrefix(stem) }
        return candidates.count == 1 ? candidates.first?.code : nil
    }
}
