/// A version of the SDMX-ML standard.
public enum SDMXVersion: String, Sendable, Hashable, CaseIterable, Comparable {
    /// SDMX-ML 1.0.
    case v1_0 = "1.0"
    /// SDMX-ML 2.0.
    case v2_0 = "2.0"
    /// SDMX-ML 2.1.
    case v2_1 = "2.1"
    /// SDMX-ML 3.0.
    case v3_0 = "3.0"
    /// SDMX-ML 3.1.
    case v3_1 = "3.1"

    public static func < (lhs: SDMXVersion, rhs: SDMXVersion) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The role of an SDMX-ML namespace, independent of version.
public enum SDMXNamespaceRole: Sendable, Hashable {
    /// `…/message`: message roots, header, DataSet.
    case message
    /// `…/common`.
    case common
    /// `…/structure`.
    case structure
    /// Generic data: 1.0/2.0 `…/generic`, 2.1 `…/data/generic`.
    case genericData
    /// 2.1+ `…/data/structurespecific`.
    case structureSpecificData
    /// 1.0/2.0 `…/compact`.
    case compactData
    /// 1.0/2.0 `…/utility`.
    case utilityData
    /// 1.0/2.0 `…/cross`.
    case crossSectionalData
    /// 2.1+ `…/message/footer`.
    case footer
    /// Query, registry and metadata namespaces.
    case other(String)
}

/// Classifies namespace URIs by the `/vX_Y/` part and the path after it.
///
/// The comparison is case-insensitive on purpose: SDMX 2.0 spells its URIs with upper-case
/// `SDMX`/`SDMXML`, 2.1 and later in lower case. Prefixes are never looked at.
public enum SDMXNamespace {
    /// The version and role of `uri`, or `nil` when it is not an SDMX-ML namespace.
    public static func classify(_ uri: String) -> (version: SDMXVersion, role: SDMXNamespaceRole)? {
        let lower = uri.lowercased()
        let base = "http://www.sdmx.org/resources/sdmxml/schemas/v"
        guard lower.hasPrefix(base) else { return nil }
        let rest = lower.dropFirst(base.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let versionText = String(rest[..<slash].map { $0 == "_" ? "." : $0 })
        guard let version = SDMXVersion(rawValue: versionText) else { return nil }
        var path = String(rest[rest.index(after: slash)...])
        while path.hasSuffix("/") { path.removeLast() }
        let role: SDMXNamespaceRole
        switch path {
        case "message": role = .message
        case "common": role = .common
        case "structure": role = .structure
        case "generic", "data/generic": role = .genericData
        case "data/structurespecific": role = .structureSpecificData
        case "compact": role = .compactData
        case "utility": role = .utilityData
        case "cross": role = .crossSectionalData
        case "message/footer": role = .footer
        default: role = .other(path)
        }
        return (version, role)
    }
}
