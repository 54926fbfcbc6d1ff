public import ClusterLensCore
public import ClusterLensImport

/// Names the codes a data file holds, dimension by dimension: what `inspect --codes` lists.
///
/// Names come from two sources; where both know a code, the codelist's name wins:
///
/// 1. **Codelists of structure messages.** A dimension's codelist is the one its data structure gives
///    it (the dimension's own enumeration, else its concept's core representation). The data structure
///    is the one the data reader matched to the file, else the one whose id (or whose dataflow's id) is
///    the file's dataflow, compared case-insensitively. A dimension whose codelist is not found so takes
///    a codelist whose id is its own (`GEO` for `geo`, Eurostat's naming) or `CL_` and its own (`CL_GEO`),
///    so that a codelist alone names codes. A codelist without codes (an external reference) is no
///    source. Names are taken in ``language`` where the codelist has it, else in English, else in its
///    first language.
/// 2. **The classifications ClusterLens ships** (``Classifications``), for the dimension that plays the
///    region role in ``roles`` (NUTS: name, level and the versions that have the code) and the one that
///    plays the sector role (NACE Rev. 2 and the Eurostat aggregates it knows, `B-S_X_O_S94`, `TOTAL`, …).
///
/// A code is known when a source of its dimension knows it, unknown when none does (`EU27_2020` is no
/// NUTS region; a typing slip), and neither when the dimension has no source (a time period, a
/// dimension without a codelist).
public struct CodeNamer: Sendable {
    /// The structure messages' artefacts (codelists, concept schemes, data structures, dataflows); the
    /// codelists without codes (external references) left out.
    public var structures: StructureCollection
    /// The shipped classifications.
    public var classifications: Classifications
    /// Which dimension plays the region, sector and time roles.
    public var roles: DimensionRoles
    /// The preferred language of codelist names (`xml:lang`).
    public var language: String

    /// Creates a namer.
    ///
    /// - Parameters:
    ///   - structures: The structure messages given, if any.
    ///   - classifications: The classifications (the bundled ones by default).
    ///   - roles: The dimension roles (Eurostat, OECD and ECB conventions by default).
    ///   - language: The preferred language of codelist names.
    public init(
        structures: StructureCollection? = nil, classifications: Classifications = .bundled,
        roles: DimensionRoles = .standard, language: String = "en"
    ) {
        var collection = structures ?? StructureCollection()
        // A codelist without codes is a stub (an external reference): it knows no code, so it is no source.
        collection.codelists.removeAll { $0.codes.isEmpty }
        self.structures = collection
        self.classifications = classifications
        self.roles = roles
        self.language = language
    }

    /// Names the codes of every dimension of a file.
    ///
    /// - Parameters:
    ///   - dimensions: The dimensions and their codes (``ClusterLensImport/DataInspection/codes``).
    ///   - dataflows: The file's dataflows, in any form ``ClusterLensCore/DataflowID/normalised(_:)``
    ///     accepts (the roles' overrides and the data structure are looked up by them).
    ///   - dataStructures: The data structures the reader matched to the file's data sets.
    /// - Returns: The dimensions in the order given, each with its codes in a stable order.
    public func name(
        _ dimensions: [DimensionCodes], dataflows: [String], dataStructures: [DataStructure] = []
    ) -> [NamedDimension] {
        let ids = dimensions.map(\.id)
        let flows = dataflows.isEmpty ? [""] : dataflows.map(DataflowID.normalised)
        let described = dataStructures + self.dataStructures(of: flows).filter { !dataStructures.contains($0) }
        func player(of role: DimensionRoles.Role) -> String? {
            flows.lazy.compactMap { roles.dimension(for: role, among: ids, dataflow: $0) }.first
        }
        let region = player(of: .geography)
        let sector = player(of: .sector)
        let time = player(of: .time)
        return dimensions.map { dimension in
            let isTime = dimension.id == time || described.contains { $0.timeDimension?.id == dimension.id }
            let role: DimensionRoles.Role? =
                isTime ? .time : dimension.id == region ? .geography : dimension.id == sector ? .sector : nil
            return name(dimension, role: role, codelist: isTime ? nil : codelist(of: dimension.id, in: described))
        }
    }

    /// One dimension's codes with their names from `codelist` and the classification of `role`.
    private func name(_ dimension: DimensionCodes, role: DimensionRoles.Role?, codelist: Codelist?) -> NamedDimension {
        var classification: NamedDimension.Classification?
        if role == .geography && !classifications.regions.isEmpty { classification = .nuts }
        if role == .sector && !classifications.activities.isEmpty { classification = .nace }
        var listed: [String: Code] = [:]
        for code in codelist?.codes ?? [] where listed[code.id] == nil { listed[code.id] = code }
        let hasSource = codelist != nil || classification != nil
        let codes = dimension.orderedCodes(asTime: role == .time).map { code in
            var named = NamedCode(code: code, observations: dimension.observations[code] ?? 0)
            var known = false
            if let entry = listed[code] {
                known = true
                named.name = entry.names.text(preferring: language)
            }
            switch classification {
            case .nuts?:
                if let region = classifications.regions.region(code) {
                    known = true
                    named.name = named.name ?? region.name
                    named.level = region.level
                    named.nutsVersions = classifications.regions.versions(of: code)
                }
            case .nace?:
                if let name = classifications.activities.name(of: code) {
                    known = true
                    named.name = named.name ?? name
                }
            case nil:
                break
            }
            named.isKnown = hasSource ? known : nil
            return named
        }
        return NamedDimension(
            id: dimension.id, role: role,
            codelist: codelist?.identity.reference(artefactClass: "Codelist"), classification: classification,
            codes: codes)
    }

    /// The data structures whose id, or whose dataflow's id, is one of `flows` (normalised ids).
    private func dataStructures(of flows: [String]) -> [DataStructure] {
        let wanted = Set(flows)
        let viaDataflows = structures.dataflows.filter { wanted.contains($0.identity.id.lowercased()) }
            .compactMap(\.structure).map { $0.id.lowercased() }
        return structures.dataStructures.filter {
            let id = $0.identity.id.lowercased()
            return wanted.contains(id) || viaDataflows.contains(id)
        }
    }

    /// The codelist of dimension `id`: from the first data structure that describes it, else by its id.
    private func codelist(of id: String, in described: [DataStructure]) -> Codelist? {
        let folded = id.lowercased()
        for structure in described {
            guard let dimension = structure.dimensions.first(where: { $0.id.lowercased() == folded }) else {
                continue
            }
            if let reference = dimension.codelist ?? dimension.concept.flatMap(conceptCodelist),
                let codelist = structures.codelist(reference)
            {
                return codelist
            }
        }
        return structures.codelists.first {
            let candidate = $0.identity.id.lowercased()
            return candidate == folded || candidate == "cl_" + folded
        }
    }

    /// The codelist of a concept's core representation.
    private func conceptCodelist(_ concept: StructureReference) -> StructureReference? {
        for scheme in structures.conceptSchemes
        where concept.agencyID.isEmpty || scheme.identity.agencyID == concept.agencyID {
            if let codelist = scheme.concepts.first(where: { $0.id == concept.id })?.codelist { return codelist }
        }
        return nil
    }
}
