import ClusterLensCore
import ClusterLensIndicators

/// One dimension of `inspect --codes`: its role, where its names come from, and its codes with their
/// observations, names, NUTS levels and whether any source knows them. `--json` writes every key, `null`
/// where there is nothing to say.
struct InspectedDimension: Codable {
    /// One code of the dimension.
    struct Code: Codable {
        var code: String
        var observations: Int
        var name: String?
        /// The NUTS level, for a region NUTS knows.
        var level: Int?
        /// The NUTS versions that have the code (`2016`, `2021`, `2024`), for a region NUTS knows.
        var nutsVersions: [Int]?
        /// Whether a source of the dimension knows the code; `null` when it has none.
        var known: Bool?

        init(_ code: NamedCode) {
            self.code = code.code
            observations = code.observations
            name = code.name
            level = code.level
            nutsVersions = code.nutsVersions.isEmpty ? nil : code.nutsVersions.map(\.rawValue)
            known = code.isKnown
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(observations, forKey: .observations)
            try container.encode(name, forKey: .name)
            try container.encode(level, forKey: .level)
            try container.encode(nutsVersions, forKey: .nutsVersions)
            try container.encode(known, forKey: .known)
        }
    }

    var dimension: String
    /// `region`, `sector` or `time`.
    var role: String?
    /// The codelist that names the codes, `AGENCY:ID(VERSION)`.
    var codelist: String?
    /// `NUTS` or `NACE Rev. 2`.
    var classification: String?
    /// The number of distinct codes.
    var distinct: Int
    /// The codes no source of the dimension knows; `null` when it has no source.
    var unknown: Int?
    /// The codes `--codes-limit` left out, and their observations.
    var omitted: Int
    var omittedObservations: Int
    var codes: [Code]

    /// The dimension, its codes cut to the first `limit` when one is given.
    init(_ dimension: NamedDimension, limit: Int?) {
        self.dimension = dimension.id
        role = dimension.role.map(Self.roleName)
        codelist = dimension.codelist?.description
        classification = dimension.classification?.rawValue
        distinct = dimension.codes.count
        unknown = dimension.codelist == nil && dimension.classification == nil ? nil : dimension.unknownCodes
        let shown = limit.map { dimension.codes.prefix($0) } ?? dimension.codes[...]
        codes = shown.map(Code.init)
        let rest = dimension.codes.dropFirst(shown.count)
        omitted = rest.count
        omittedObservations = rest.reduce(0) { $0 + $1.observations }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dimension, forKey: .dimension)
        try container.encode(role, forKey: .role)
        try container.encode(codelist, forKey: .codelist)
        try container.encode(classification, forKey: .classification)
        try container.encode(distinct, forKey: .distinct)
        try container.encode(unknown, forKey: .unknown)
        try container.encode(omitted, forKey: .omitted)
        try container.encode(omittedObservations, forKey: .omittedObservations)
        try container.encode(codes, forKey: .codes)
    }

    /// What `inspect` calls a role: `region`, `sector`, `time`.
    static func roleName(_ role: DimensionRoles.Role) -> String {
        switch role {
        case .geography: return "region"
        case .sector: return "sector"
        case .time: return "time"
        }
    }

    /// The text form: a line for the dimension (its id padded to `idWidth`), then one per code (code,
    /// observations, name), aligned.
    func lines(idWidth: Int) -> [String] {
        var details: [String] = []
        if let role { details.append(role) }
        let noun = role == "time" ? "period" : "code"
        details.append("\(distinct) \(noun)\(distinct == 1 ? "" : "s")")
        if role == "time", let first = codes.first?.code, let last = codes.last?.code, distinct > 1, omitted == 0 {
            details[details.count - 1] += " (\(first) … \(last))"
        }
        if let sources = sourceNames { details.append("names from " + sources) }
        if let unknown, unknown > 0 { details.append("\(unknown) unknown") }
        var lines = ["    " + dimension.padded(to: idWidth) + "  " + details.joined(separator: ", ")]
        let codeWidth = codes.map(\.code.count).max() ?? 0
        let countWidth = codes.map { String($0.observations).count }.max() ?? 0
        for code in codes {
            let count = String(code.observations)
            var line =
                "      " + code.code.padded(to: codeWidth) + "  "
                + String(repeating: " ", count: countWidth - count.count) + count
            let description = describe(code)
            if !description.isEmpty { line += "  " + description }
            lines.append(line)
        }
        if omitted > 0 {
            lines.append(
                "      … \(omitted) more \(noun)\(omitted == 1 ? "" : "s") (\(omittedObservations) observations)")
        }
        return lines
    }

    /// The sources of the dimension's names: `codelist ESTAT:GEO(1.0)`, `NUTS`.
    private var sources: [String] {
        [codelist.map { "codelist \($0)" }, classification].compactMap { $0 }
    }

    /// `codelist ESTAT:GEO(1.0) and NUTS`, `nil` when the dimension has no source.
    private var sourceNames: String? {
        sources.isEmpty ? nil : sources.joined(separator: " and ")
    }

    /// `Cataluña (NUTS 2)`, `Lombardia (NUTS 2; in 2016, 2021)`, `unknown: not in NUTS`, `unknown: in
    /// neither codelist CLX:CL_GEO(1.0) nor NUTS`.
    private func describe(_ code: Code) -> String {
        if code.known == false {
            let sources = self.sources
            return sources.count > 1
                ? "unknown: in neither " + sources.joined(separator: " nor ") : "unknown: not in " + (sourceNames ?? "")
        }
        var text = code.name ?? ""
        if let level = code.level {
            var note = "NUTS \(level)"
            if let versions = code.nutsVersions, versions.count < NUTSClassification.Version.allCases.count {
                note += "; in " + versions.map(String.init).joined(separator: ", ")
            }
            text += text.isEmpty ? note : " (\(note))"
        }
        return text
    }
}

extension String {
    /// The string followed by spaces up to `length` characters (unchanged when longer).
    fileprivate func padded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
