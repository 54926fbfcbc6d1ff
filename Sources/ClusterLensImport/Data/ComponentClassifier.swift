public import ClusterLensCore

/// What a component is in a message where the layout alone does not say (structure-specific,
/// compact, utility and cross-sectional data put dimensions and attributes side by side as XML
/// attributes or elements).
public enum ComponentRole: Sendable, Hashable {
    /// A dimension (including the time dimension).
    case dimension
    /// An attribute.
    case attribute
    /// A measure (`OBS_VALUE` or a 3.x named measure).
    case measure
}

/// Tells dimensions, attributes and measures apart: from the data structure when there is one,
/// otherwise by a documented rule.
///
/// Without a data structure, a component is
/// - a measure if its id is `OBS_VALUE`;
/// - an attribute if its id (compared upper-cased) is one of SDMX's cross-domain attribute concepts
///   and the attribute ids the big providers use (``knownAttributeIDs``), or ends in `_STATUS`,
///   `_FLAG`, `_COMMENT` or `_NOTE`;
/// - a dimension otherwise.
/// The rule cannot be right for every provider: pass the data structure (`--structure`) for an
/// exact reading. Generic data never needs it: its layout names every role.
public struct ComponentClassifier: Sendable {
    /// The data structure, when known.
    public let dataStructure: DataStructure?

    /// Attribute ids assumed when no data structure is given.
    public static let knownAttributeIDs: Set<String> = [
        "OBS_STATUS", "OBS_FLAG", "OBS_CONF", "CONF_STATUS", "CONF_STATUS_OBS", "OBS_PRE_BREAK", "OBS_COM",
        "COMMENT", "COMMENT_OBS", "COMMENT_TS", "COMMENT_DSET", "UNIT_MULT", "UNIT_MEASURE", "DECIMALS",
        "TITLE", "TITLE_COMPL", "TITLE_GRP", "NAT_TITLE", "COLL_METHOD", "COMPILATION", "COVERAGE",
        "SOURCE_AGENCY", "SOURCE_PUB", "TIME_FORMAT", "TIME_PER_COLLECT", "BREAKS", "EMBARGO_TIME",
        "PRE_BREAK_VALUE", "REPORTING_YEAR_START_DAY", "REPYEARSTART", "DOM_SER_IDS", "PUBL_ECB", "PUBL_MU",
        "PUBL_PUBLIC", "UNIT_INDEX_BASE", "BASE_PER", "BASE_YEAR", "REF_PERIOD_DETAIL", "DATA_COMP",
        "CONF_INT", "OBS_EDP_WBB", "OBS_CONF_STATUS", "DISS_ORG", "METHODOLOGY", "SERIES_NOTE",
    ]

    /// Key positions of the structure's dimensions, computed once.
    private let positions: [String: Int]

    /// Creates a classifier; `nil` uses the documented rule.
    public init(dataStructure: DataStructure?) {
        self.dataStructure = dataStructure
        var positions: [String: Int] = [:]
        for (index, id) in (dataStructure?.dimensionIDs ?? []).enumerated() { positions[id] = index }
        self.positions = positions
    }

    /// The role of component `id`.
    public func role(of id: String) -> ComponentRole {
        if let dataStructure {
            if dataStructure.isDimension(id) { return .dimension }
            if dataStructure.isMeasure(id) { return .measure }
            if dataStructure.isAttribute(id) { return .attribute }
            // Not in the structure: fall through to the rule (and keep it, rather than drop data).
        }
        return Self.inferredRole(of: id)
    }

    /// The role by the documented rule, ignoring any data structure.
    public static func inferredRole(of id: String) -> ComponentRole {
        let upper = id.uppercased()
        if upper == "OBS_VALUE" { return .measure }
        if knownAttributeIDs.contains(upper) { return .attribute }
        for suffix in ["_STATUS", "_FLAG", "_COMMENT", "_NOTE"] where upper.hasSuffix(suffix) {
            return .attribute
        }
        return .dimension
    }

    /// The time dimension id: the structure's, else `TIME_PERIOD`.
    public var timeDimensionID: String {
        dataStructure?.timeDimension?.id ?? "TIME_PERIOD"
    }

    /// Whether `id` is (probably) the time dimension: the structure's, or `TIME_PERIOD`/`TIME`
    /// (SDMX 2.0 often names it `TIME`; 1.0 cross-sectional data has a `time` attribute).
    public func isTimeDimension(_ id: String) -> Bool {
        if let time = dataStructure?.timeDimension?.id { return id == time }
        return id == "TIME_PERIOD" || id == "TIME" || id == "time"
    }

    /// Orders a series key by the structure's dimension positions (document order without one).
    public func ordered(_ key: [ComponentValue]) -> [ComponentValue] {
        guard !positions.isEmpty, key.count > 1 else { return key }
        var inOrder = true
        var previous = -1
        for value in key {
            let position = positions[value.id] ?? Int.max
            if position < previous {
                inOrder = false
                break
            }
            previous = position
        }
        if inOrder { return key }
        return key.enumerated().sorted { lhs, rhs in
            let left = positions[lhs.element.id] ?? Int.max
            let right = positions[rhs.element.id] ?? Int.max
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }
}
