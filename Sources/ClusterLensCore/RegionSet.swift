/// The territory of a cluster: a set of NUTS regions of any level, each matching the regions inside it.
///
/// ``contains(_:)`` answers whether a region from the data belongs to the cluster; ``countedOnce(among:)``
/// picks, from the regions a dataset has, the ones to add up so that every employee is counted once.
///
/// The set keeps its codes as given (sorted, duplicates removed); redundant members such as `ES` and
/// `ES51` together are harmless.
public struct RegionSet: Sendable, Hashable, CustomStringConvertible {
    /// The codes of the set, sorted, without duplicates.
    public let codes: [NUTSCode]

    /// Creates a set from codes.
    ///
    /// - Parameter codes: The codes; order and duplicates do not matter. An empty set contains nothing
    ///   (the cluster definition loader rejects it).
    public init(_ codes: some Sequence<NUTSCode>) {
        let given = Array(codes)
        // One code (a reference area, a country: a query each) needs no set to be distinct and sorted.
        self.codes = given.count <= 1 ? given : Set(given).sorted()
    }

    /// Creates a set from the text of its codes.
    ///
    /// - Parameter texts: The codes, for example `["ES51", "ES52"]`.
    /// - Throws: ``CoreError`` when a text is not a NUTS code or a known aggregate.
    public init(parsing texts: some Sequence<String>) throws(CoreError) {
        var codes: [NUTSCode] = []
        for text in texts {
            codes.append(try NUTSCode(text))
        }
        self.init(codes)
    }

    /// Whether the set has no codes.
    public var isEmpty: Bool { codes.isEmpty }

    /// Whether a region belongs to the set: some member of the set is the region or contains it.
    ///
    /// `[ES5]` contains `ES5`, `ES51` and `ES511`, but not `ES` or `ES6`. An aggregate matches only
    /// itself.
    public func contains(_ code: NUTSCode) -> Bool {
        codes.contains { $0.contains(code) }
    }

    /// The regions to add up, among those a dataset has, so that each employee is counted once.
    ///
    /// The rule is ``SectorSet/countedOnce(among:)``'s: of the available regions inside the set, keep
    /// the coarsest; a region is used unless another available region inside the set contains it.
    /// With the set `[ES5]` and data for `ES5`, `ES51` and `ES52`, only `ES5` is used; with data for
    /// `ES51` and `ES52` only, both are used. Pass only regions whose value is not missing.
    ///
    /// - Parameter available: The regions present in the data, in any order, duplicates allowed.
    /// - Returns: The regions to sum, sorted, none inside another.
    public func countedOnce(among available: some Sequence<NUTSCode>) -> [NUTSCode] {
        CountOnce.select(
            available.filter { contains($0) },
            coarserFirst: NUTSCode.isCoarser,
            overlap: { $0.overlaps($1) }
        )
    }

    /// The codes, comma-separated.
    public var description: String {
        codes.map(\.code).joined(separator: ", ")
    }
}

/// A region of the Nomenclature of Territorial Units for Statistics (NUTS), or an aggregate of
/// countries such as `EU27_2020`, as Eurostat writes them in the `geo` dimension.
///
/// ## Forms
///
/// A NUTS code is a country code of two capital letters followed by 0–3 capital letters or digits;
/// its length gives its level: `ES` (level 0, the country), `ES5` (1), `ES51` (2), `ES511` (3). The
/// country must be one NUTS covers: the EU members as Eurostat writes them (Greece is `EL`), the United
/// Kingdom (`UK`, in NUTS until 2021), the EFTA countries and the candidate countries with statistical
/// regions. Digits and letters after the country are checked for shape only, not against a NUTS
/// version, so codes of every NUTS version (2010 to 2024), including extra-regio codes such as `ESZZ`,
/// are accepted.
///
/// An *aggregate* is any code made of capital letters, digits and `_` that starts with `EU`, `EA`,
/// `EEA` or `EFTA` (`EU27_2020`, `EU28`, `EA20`, `EA`): it is opaque, has no level and matches only
/// itself. Lower-case and other codes are rejected rather than guessed at.
///
/// ## Containment
///
/// A NUTS code contains the codes it prefixes: `ES` contains `ES5`, `ES51` and `ES511`. Codes sort by
/// text, so each region comes before the regions inside it.
public struct NUTSCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code as written: `ES51`, `EU27_2020`.
    public let code: String
    /// Whether the code is an aggregate of countries, such as `EU27_2020`, rather than a NUTS region.
    public let isAggregate: Bool

    /// The country codes NUTS covers, as Eurostat writes them.
    public static let countries: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "UK", "CH", "IS", "LI", "NO", "AL", "BA",
        "GE", "MD", "ME", "MK", "RS", "TR", "UA", "XK",
    ]

    private static let aggregatePrefixes = ["EU", "EA", "EEA", "EFTA"]
    private static let hints = ["GR": "Greece is EL", "GB": "the United Kingdom is UK"]

    private init(code: String, isAggregate: Bool) {
        self.code = code
        self.isAggregate = isAggregate
    }

    /// Parses a NUTS code or an aggregate (see the type's documentation).
    ///
    /// - Parameter text: The code, without surrounding spaces.
    /// - Throws: ``CoreError`` with code ``CoreError/Code/malformedCode`` and a message that quotes
    ///   the text and says why, for example `SP51 is not a NUTS code: SP is not a NUTS country`.
    public init(_ text: String) throws(CoreError) {
        let bytes = Array(text.utf8)
        let isCapital = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        if Self.aggregatePrefixes.contains(where: { text.hasPrefix($0) })
            && bytes.allSatisfy({ isCapital($0) || isDigit($0) || $0 == UInt8(ascii: "_") })
        {
            self.init(code: text, isAggregate: true)
            return
        }
        guard (2...5).contains(bytes.count), bytes.prefix(2).allSatisfy(isCapital),
            bytes.dropFirst(2).allSatisfy({ isCapital($0) || isDigit($0) })
        else {
            throw CoreError(
                .malformedCode,
                "\(text) is not a NUTS code: expected two capital letters for the country, then 0–3 capital"
                    + " letters or digits (ES, ES5, ES51, ES511), or an aggregate such as EU27_2020")
        }
        let country = String(text.prefix(2))
        guard Self.countries.contains(country) else {
            let hint = Self.hints[country].map { " (\($0))" } ?? ""
            throw CoreError(.malformedCode, "\(text) is not a NUTS code: \(country) is not a NUTS country\(hint)")
        }
        self.init(code: text, isAggregate: false)
    }

    /// The NUTS level, 0 (country) to 3, from the length of the code; `nil` for an aggregate.
    public var level: Int? {
        isAggregate ? nil : code.utf8.count - 2
    }

    /// The country of a region: `ES` for `ES51`; `nil` for an aggregate.
    public var country: NUTSCode? {
        isAggregate ? nil : NUTSCode(code: String(code.prefix(2)), isAggregate: false)
    }

    /// The region one level up: `ES5` for `ES51`; `nil` for a country and an aggregate.
    public var parent: NUTSCode? {
        guard let level, level > 0 else { return nil }
        return NUTSCode(code: String(code.dropLast()), isAggregate: false)
    }

    /// Whether this region is `other` or contains it: `ES` contains `ES`, `ES5`, `ES51` and `ES511`. An
    /// aggregate contains only itself and is contained only by itself.
    public func contains(_ other: NUTSCode) -> Bool {
        if isAggregate || other.isAggregate { return self == other }
        return other.code.utf8.starts(with: code.utf8)
    }

    /// Whether the two regions share territory, that is, one contains the other.
    public func overlaps(_ other: NUTSCode) -> Bool {
        contains(other) || other.contains(self)
    }

    /// The ``code``.
    public var description: String { code }

    /// Order by text: `ES` < `ES5` < `ES51` < `ES52` < `EU27_2020`.
    public static func < (lhs: NUTSCode, rhs: NUTSCode) -> Bool { lhs.code < rhs.code }

    /// The order of the count-once rule: countries first, then levels 1, 2, 3, aggregates last.
    static func isCoarser(_ lhs: NUTSCode, than rhs: NUTSCode) -> Bool {
        let left = lhs.level ?? 4
        let right = rhs.level ?? 4
        return left != right ? left < right : lhs < rhs
    }
}
