/// The economic activities of a cluster: a set of NACE Rev. 2 codes, each matching its sub-codes.
///
/// ``contains(_:)`` answers whether a code from the data belongs to the cluster; ``countedOnce(among:)``
/// picks, from the codes a dataset has, the ones to add up so that every employee is counted once.
///
/// The set keeps its codes as given (sorted, duplicates removed), so a report can show the definition
/// exactly; redundant members such as `C29` and `C29.1` together are harmless.
public struct SectorSet: Sendable, Hashable, CustomStringConvertible {
    /// The codes of the set, sorted (see ``NACECode``'s order), without duplicates.
    public let codes: [NACECode]

    /// Creates a set from codes.
    ///
    /// - Parameter codes: The codes; order and duplicates do not matter. An empty set contains nothing
    ///   (the cluster definition loader rejects it).
    public init(_ codes: some Sequence<NACECode>) {
        self.codes = Set(codes).sorted()
    }

    /// Creates a set from the text of its codes, in any notation ``NACECode/init(_:)`` accepts.
    ///
    /// - Parameter texts: The codes, for example `["C29", "C22.2"]`.
    /// - Throws: ``CoreError`` when a text is not a NACE Rev. 2 code.
    public init(parsing texts: some Sequence<String>) throws(CoreError) {
        var codes: [NACECode] = []
        for text in texts {
            codes.append(try NACECode(text))
        }
        self.init(codes)
    }

    /// Whether the set has no codes.
    public var isEmpty: Bool { codes.isEmpty }

    /// Whether a code belongs to the set: some member of the set is the code or contains it.
    ///
    /// `[C29]` contains `C29`, `C29.1` and `C29.10`, but not `C` or `C30`. An aggregate matches only
    /// itself.
    public func contains(_ code: NACECode) -> Bool {
        codes.contains { $0.contains(code) }
    }

    /// The codes to add up, among those a dataset has, so that each employee is counted once.
    ///
    /// ## Rule
    ///
    /// Of the available codes inside the set, keep the coarsest: a code is used unless another
    /// available code inside the set contains it. A parent total is therefore preferred to its
    /// children (it also counts children the data lacks, for example confidential ones), and the
    /// children are used only where the parent is absent. Pass only codes whose value is not missing:
    /// a confidential parent then falls through to its children.
    ///
    /// Example with the set `[C29]`:
    ///
    /// | data has | used | sum |
    /// |---|---|---|
    /// | `C29` = 1000, `C29.1` = 600, `C29.2` = 400 | `C29` | 1000 |
    /// | `C29.1` = 600, `C29.2` = 400 | `C29.1`, `C29.2` | 1000 |
    /// | `C29.1` = 600, `C29.10` = 600, `C29.2` = 400 | `C29.1`, `C29.2` | 1000 |
    /// | `C` = 9000, `C29.1` = 600 | `C29.1` (`C` is not inside the set) | 600 |
    ///
    /// Ranges such as `C10-C12` can overlap without one containing the other (`C10-C12` and
    /// `C11-C13`); then the wider code is kept and the other dropped, so nothing is counted twice (the
    /// part only the dropped code covers is lost, which never happens with Eurostat's codelist).
    ///
    /// - Parameter available: The codes present in the data, in any order, duplicates allowed.
    /// - Returns: The codes to sum, sorted, pairwise without overlap.
    public func countedOnce(among available: some Sequence<NACECode>) -> [NACECode] {
        CountOnce.select(
            available.filter { contains($0) },
            coarserFirst: NACECode.isCoarser,
            overlap: { $0.overlaps($1) }
        )
    }

    /// The codes, comma-separated: `C22.2, C29` is written `C222, C29`.
    public var description: String {
        codes.map(\.code).joined(separator: ", ")
    }
}

/// A code of NACE Rev. 2, the statistical classification of economic activities in the European
/// Community, as Eurostat writes it in datasets and as people write it in cluster definitions.
///
/// ## Forms and normalisation
///
/// Both the NACE notation (dotted, with or without the section letter) and Eurostat's `nace_r2`
/// codelist notation (section letter, no dot) are accepted; ``code`` is always Eurostat's, because
/// that is what observations carry, so a code from a definition equals the same code from a dataset.
/// ``dottedNotation`` gives the NACE form back.
///
/// | kind | accepted | ``code`` | ``dottedNotation`` |
/// |---|---|---|---|
/// | section | `C` | `C` | `C` |
/// | division | `C29`, `29` | `C29` | `C29` |
/// | group | `C29.1`, `C291`, `29.1` | `C291` | `C29.1` |
/// | class | `C29.10`, `C2910`, `29.10` | `C2910` | `C29.10` |
/// | range | `C10-C12`, `C10-12`, `B-E` | `C10-C12`, `C10-C12`, `B-E` | the same |
/// | aggregate | `TOTAL`, `B-S_X_O_S94`, `C31_C32`, `UNK`, `NRP`, `L68A` | as written | as written |
///
/// ## Validation
///
/// Section letters are `A`–`U`, upper case. A division must exist and belong to the section written
/// before it (C has divisions 10–33; the full table is ``sectionDivisions``), so `C99` and `C34` are
/// rejected; without a letter the section is deduced (`29` is `C29`). Group and class digits are
/// checked for shape only, not against the list of the 272 groups and 615 classes.
///
/// A range joins two sections (`B-E`) or two divisions (`C10-C12`), the first before the second; it
/// stands for every division between them. Any other code with `_` or several `-` is an *aggregate*:
/// each of its parts must be a NACE code or `X` ("except"), but its meaning is not interpreted, so it
/// is opaque and matches only itself. `TOTAL`, `UNK` (unknown), `NRP` (no response) and national
/// accounts' `L68A` (imputed rents) are opaque too.
///
/// ## Containment
///
/// Every code except an aggregate covers an interval of classes; ``contains(_:)`` compares those
/// intervals, so `C` contains `C29`, `C29.1` and `C10-C12`, `C29` contains `C29.10`, and `B-E` contains
/// `C29.1`. A code contains itself.
///
/// ## Order
///
/// Codes sort in classification order, each parent before its sub-codes (`C`, `C10-C12`, `C10`, `C101`,
/// `C1011`, `C11`, …), aggregates last by text.
public struct NACECode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The level of a code in the NACE hierarchy.
    public enum Level: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
        /// A section: one letter, `C`.
        case section = 1
        /// A division: two digits, `C29`.
        case division = 2
        /// A group: three digits, `C29.1`.
        case group = 3
        /// A class: four digits, `C29.10`.
        case `class` = 4

        /// Coarser levels first: section < division < group < class.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// `section`, `division`, `group` or `class`.
        public var description: String {
            switch self {
            case .section: "section"
            case .division: "division"
            case .group: "group"
            case .class: "class"
            }
        }
    }

    enum Kind: Sendable, Hashable {
        case node(Level)
        case range
        case aggregate
    }

    /// The normalised code, in Eurostat's notation: `C`, `C29`, `C291`, `C2910`, `C10-C12`, `TOTAL`.
    public let code: String
    let kind: Kind
    /// The first and last class covered, as a four-digit number (`C29` covers 2900…2999); unused for
    /// aggregates.
    let first: Int
    let last: Int

    /// The divisions of each section of NACE Rev. 2, sections `A` to `U` in order.
    public static let sectionDivisions: [(section: Character, divisions: ClosedRange<Int>)] = [
        ("A", 1...3), ("B", 5...9), ("C", 10...33), ("D", 35...35), ("E", 36...39), ("F", 41...43),
        ("G", 45...47), ("H", 49...53), ("I", 55...56), ("J", 58...63), ("K", 64...66), ("L", 68...68),
        ("M", 69...75), ("N", 77...82), ("O", 84...84), ("P", 85...85), ("Q", 86...88), ("R", 90...93),
        ("S", 94...96), ("T", 97...98), ("U", 99...99),
    ]

    private init(code: String, kind: Kind, first: Int, last: Int) {
        self.code = code
        self.kind = kind
        self.first = first
        self.last = last
    }

    /// Parses a code in any of the accepted notations (see the type's documentation).
    ///
    /// - Parameter text: The code, without surrounding spaces.
    /// - Throws: ``CoreError`` with code ``CoreError/Code/malformedCode`` and a message that quotes
    ///   the text and says why, for example `C99 is not a NACE Rev. 2 division (section C has divisions
    ///   10–33; division 99 is in section U)`.
    public init(_ text: String) throws(CoreError) {
        if Self.namedAggregates.contains(text) {
            self.init(code: text, kind: .aggregate, first: 0, last: -1)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if text.contains("_") || parts.count > 2 {
            try Self.checkAggregate(text)
            self.init(code: text, kind: .aggregate, first: 0, last: -1)
        } else if parts.count == 2 {
            self = try Self.range(text, lower: String(parts[0]), upper: String(parts[1]))
        } else {
            self = try Self.node(text)
        }
    }

    /// The level of the code; `nil` for ranges and aggregates.
    public var level: Level? {
        if case .node(let level) = kind { return level }
        return nil
    }

    /// Whether the code is a range of sections or divisions, such as `C10-C12`.
    public var isRange: Bool { kind == .range }

    /// Whether the code is an opaque aggregate, such as `TOTAL`, that matches only itself.
    public var isAggregate: Bool { kind == .aggregate }

    /// The section of the code: `C` for `C29.1` and for `C10-C12`; `nil` for a range across sections
    /// and for aggregates.
    public var section: NACECode? {
        guard kind != .aggregate, let index = Self.sectionIndex(ofDivision: first / 100),
            Self.sectionIndex(ofDivision: last / 100) == index
        else { return nil }
        return Self.section(at: index)
    }

    /// The next coarser code of the hierarchy that contains this one: the group of a class, the
    /// division of a group, the section of a division or of a range of its divisions; `nil` for a
    /// section, a range of sections or across sections, and an aggregate.
    public var parent: NACECode? {
        switch kind {
        case .node(.class), .node(.group):
            let scale = level == .class ? 10 : 100
            let number = first / scale
            return NACECode(
                code: String(code.dropLast()), kind: .node(level == .class ? .group : .division),
                first: number * scale, last: number * scale + scale - 1)
        case .node(.division), .range:
            return section
        case .node(.section), .aggregate:
            return nil
        }
    }

    /// The divisions the code covers in full: every division of a section or a range, a division
    /// itself; empty for groups, classes and aggregates.
    public var divisions: [NACECode] {
        switch kind {
        case .node(.section), .node(.division), .range:
            return (first / 100...last / 100).compactMap { number in
                Self.sectionIndex(ofDivision: number).map { Self.division(number, section: $0) }
            }
        case .node(.group), .node(.class), .aggregate:
            return []
        }
    }

    /// The code in the NACE notation: `C29.1` for `C291`, `C29.10` for `C2910`; other codes as ``code``.
    public var dottedNotation: String {
        guard let level, level >= .group else { return code }
        let cut = code.index(code.startIndex, offsetBy: 3)
        return String(code[..<cut]) + "." + String(code[cut...])
    }

    /// Whether this code is `other` or contains it (a code matches its sub-codes).
    ///
    /// `C29` contains `C29`, `C29.1` and `C29.10`; `C` contains `C10-C12`; `C10-C12` contains `C11`. An
    /// aggregate contains only itself and is contained only by itself.
    public func contains(_ other: NACECode) -> Bool {
        if kind == .aggregate || other.kind == .aggregate { return self == other }
        return first <= other.first && other.last <= last
    }

    /// Whether some activity belongs to both codes (one contains the other, or two ranges overlap).
    public func overlaps(_ other: NACECode) -> Bool {
        if kind == .aggregate || other.kind == .aggregate { return self == other }
        return first <= other.last && other.first <= last
    }

    /// The normalised ``code``.
    public var description: String { code }

    /// Whether two codes are the same once normalised: `C29.1` equals `C291`.
    public static func == (lhs: NACECode, rhs: NACECode) -> Bool { lhs.code == rhs.code }

    /// Hashes the normalised ``code``.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Classification order: by first class covered, wider codes first, sections before ranges,
    /// aggregates last by text.
    public static func < (lhs: NACECode, rhs: NACECode) -> Bool {
        switch (lhs.kind == .aggregate, rhs.kind == .aggregate) {
        case (true, true): return lhs.code < rhs.code
        case (true, false): return false
        case (false, true): return true
        case (false, false):
            if lhs.first != rhs.first { return lhs.first < rhs.first }
            if lhs.last != rhs.last { return lhs.last > rhs.last }
            if lhs.isRange != rhs.isRange { return rhs.isRange }
            return lhs.code < rhs.code
        }
    }

    /// The number of classes the code spans; 0 for aggregates.
    var width: Int { kind == .aggregate ? 0 : last - first + 1 }

    /// The order of the count-once rule: wider codes first, then classification order.
    static func isCoarser(_ lhs: NACECode, than rhs: NACECode) -> Bool {
        lhs.width != rhs.width ? lhs.width > rhs.width : lhs < rhs
    }
}

// MARK: - Parsing

extension NACECode {
    private static let namedAggregates: Set<String> = ["TOTAL", "UNK", "NRP", "L68A"]
    private static let forms =
        "expected a section letter A–U, a division (C29), a group (C29.1 or C291), a class (C29.10 or C2910)"
        + " or a range (C10-C12)"

    private static func sectionIndex(ofDivision number: Int) -> Int? {
        sectionDivisions.firstIndex { $0.divisions.contains(number) }
    }

    private static func section(at index: Int) -> NACECode {
        let entry = sectionDivisions[index]
        return NACECode(
            code: String(entry.section), kind: .node(.section), first: entry.divisions.lowerBound * 100,
            last: entry.divisions.upperBound * 100 + 99)
    }

    private static func division(_ number: Int, section index: Int) -> NACECode {
        let digits = number < 10 ? "0\(number)" : "\(number)"
        return NACECode(
            code: "\(sectionDivisions[index].section)\(digits)", kind: .node(.division), first: number * 100,
            last: number * 100 + 99)
    }

    private static func describe(_ divisions: ClosedRange<Int>) -> String {
        func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        if divisions.count == 1 { return "division \(twoDigits(divisions.lowerBound))" }
        return "divisions \(twoDigits(divisions.lowerBound))–\(twoDigits(divisions.upperBound))"
    }

    /// A section, division, group or class.
    private static func node(_ text: String) throws(CoreError) -> NACECode {
        let bytes = Array(text.utf8)
        guard let head = bytes.first else {
            throw CoreError(.malformedCode, "an empty text is not a NACE Rev. 2 code")
        }
        var letterIndex: Int?
        var rest = bytes[...]
        if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(head) {
            let index = Int(head - UInt8(ascii: "A"))
            guard index < sectionDivisions.count else {
                throw CoreError(
                    .malformedCode,
                    "\(text) is not a NACE Rev. 2 code: \(Character(Unicode.Scalar(head))) is not a section"
                        + " (sections are A–U)")
            }
            letterIndex = index
            rest = bytes.dropFirst()
            if rest.isEmpty { return section(at: index) }
        }
        let digits = digitsOf(Array(rest))
        guard let digits else { throw CoreError(.malformedCode, "\(text) is not a NACE Rev. 2 code: \(forms)") }
        let level: Level = digits.count == 2 ? .division : digits.count == 3 ? .group : .class
        let number = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let divisionNumber = Int(digits[0] - UInt8(ascii: "0")) * 10 + Int(digits[1] - UInt8(ascii: "0"))
        let actual = sectionIndex(ofDivision: divisionNumber)
        guard let actual, letterIndex == nil || letterIndex == actual else {
            throw CoreError(
                .malformedCode,
                divisionProblem(text, level: level, division: divisionNumber, written: letterIndex, actual: actual))
        }
        let letter = sectionDivisions[actual].section
        let code = "\(letter)\(String(decoding: digits, as: UTF8.self))"
        let scale = level == .division ? 100 : level == .group ? 10 : 1
        return NACECode(code: code, kind: .node(level), first: number * scale, last: number * scale + scale - 1)
    }

    /// The digits of `dd`, `ddd`, `dddd`, `dd.d` or `dd.dd`, without the dot; `nil` for anything else.
    private static func digitsOf(_ rest: [UInt8]) -> [UInt8]? {
        var digits = rest
        if rest.count >= 4 && rest[2] == UInt8(ascii: ".") {
            digits = Array(rest[..<2] + rest[3...])
            guard (3...4).contains(digits.count) else { return nil }
        }
        guard (2...4).contains(digits.count), digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return digits
    }

    private static func divisionProblem(
        _ text: String, level: Level, division: Int, written: Int?, actual: Int?
    ) -> String {
        let twoDigits = division < 10 ? "0\(division)" : "\(division)"
        var reasons: [String] = []
        if let written {
            let entry = sectionDivisions[written]
            reasons.append("section \(entry.section) has \(describe(entry.divisions))")
        }
        if let actual {
            reasons.append("division \(twoDigits) is in section \(sectionDivisions[actual].section)")
        } else {
            reasons.append("NACE Rev. 2 has no division \(twoDigits)")
        }
        return "\(text) is not a NACE Rev. 2 \(level) (\(reasons.joined(separator: "; ")))"
    }

    /// `B-E` or `C10-C12`.
    private static func range(_ text: String, lower: String, upper: String) throws(CoreError) -> NACECode {
        let ends: (NACECode, NACECode)
        do {
            ends = (try node(lower), try node(upper))
        } catch {
            throw CoreError(.malformedCode, "\(text) is not a NACE Rev. 2 range: \(error.message)")
        }
        let (from, to) = ends
        guard from.level == to.level, let level = from.level, level <= .division else {
            throw CoreError(
                .malformedCode,
                "\(text) is not a NACE Rev. 2 range: both ends must be sections (B-E) or divisions (C10-C12)")
        }
        guard from.last < to.first else {
            throw CoreError(
                .malformedCode, "\(text) is not a NACE Rev. 2 range: \(from.code) does not come before \(to.code)")
        }
        return NACECode(code: "\(from.code)-\(to.code)", kind: .range, first: from.first, last: to.last)
    }

    /// Checks that every part of an aggregate such as `B-S_X_O_S94` is a NACE code or `X`.
    private static func checkAggregate(_ text: String) throws(CoreError) {
        for part in text.split(separator: "_", omittingEmptySubsequences: false)
            .flatMap({ $0.split(separator: "-", omittingEmptySubsequences: false) })
        where part != "X" && !namedAggregates.contains(String(part)) {
            do {
                _ = try node(String(part))
            } catch {
                throw CoreError(.malformedCode, "\(text) is not a NACE Rev. 2 aggregate: \(error.message)")
            }
        }
    }
}
