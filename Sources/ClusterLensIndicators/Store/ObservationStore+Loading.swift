public import ClusterLensCore
internal import ClusterLensImport

extension ObservationStore {
    /// Reads a file through the importer door (``ClusterLensImport/DataImporter``) and stores its
    /// observations.
    ///
    /// The format comes from the content, not the name: SDMX-ML data messages of every version,
    /// SDMX-CSV and tidy CSV (see ``ClusterLensImport/DataImporter`` and ``ClusterLensImport/InputFormat``).
    /// For SDMX-ML the dataflow is the id of the header's structure reference
    /// (`ESTAT:SBS_R_NUTS2021(1.0)` gives `sbs_r_nuts2021`), else the data set's `structureRef` as
    /// written (pass `dataflow` when that is an internal id such as `ESTAT_SBS_R_NUTS2021_1_0`).
    /// An SDMX error message, a footer-only message or a structure message is refused, as `convert`
    /// refuses it.
    ///
    /// Loading is all or nothing: when it throws, the store is unchanged. The file is read twice: once
    /// for its SHA-256 (recorded in every value's provenance), once to parse it; memory grows with the
    /// observations stored, not with the file.
    ///
    /// Values `NaN`, empty, `:` and the other markers of ``ClusterLensCore/ObservationValue/missingMarkers``
    /// are stored as missing with their kind, never as zero. Observations without a period that parses
    /// are skipped, counted in the summary and reported as a warning.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - dataflow: The dataflow to file the observations under; required for a tidy CSV without a
    ///     `dataflow` column, and overrides what an SDMX file says when given.
    ///   - structures: Structures for reading structure-specific SDMX-ML exactly (optional).
    ///   - diagnostics: Receives warnings about the file (and replaced duplicates); `nil` to drop them.
    /// - Returns: What was read.
    /// - Throws: ``IndicatorsError`` with code ``IndicatorsError/Code/data`` naming the file, with the
    ///   importer's ``ClusterLensImport/ImportError`` as the underlying error.
    @discardableResult
    public mutating func load(
        file path: String, dataflow: String? = nil, structures: StructureCollection? = nil,
        diagnostics: Diagnostics? = nil
    ) throws(IndicatorsError) -> StoreLoadSummary {
        let sink = StoreRecordSink(store: self)
        let summary: ImportSummary
        do {
            summary = try DataImporter(roles: roles, structures: structures).read(
                file: path, dataflow: dataflow, into: sink, diagnostics: diagnostics)
        } catch {
            throw IndicatorsError(
                .data, error.message, file: error.file.isEmpty ? path : error.file, line: error.line,
                column: error.column, underlying: error)
        }
        sink.store.register(summary.source)
        self = sink.store
        if let duplicates = sink.duplicatesNote(file: path) { diagnostics?.report(duplicates) }
        return StoreLoadSummary(
            source: summary.source, dataflows: summary.dataflows, observations: summary.observations,
            skipped: summary.skipped)
    }
}

/// Files the importer's records in a copy of the store (swapped in only when the whole file is read).
final class StoreRecordSink: ObservationRecordSink {
    var store: ObservationStore
    private var source = DataSource(path: "", sha256: "", format: .tidyCSV)

    init(store: ObservationStore) {
        self.store = store
    }

    func begin(_ source: DataSource) throws {
        self.source = source
    }

    /// Observations that replaced an earlier one with another value or status, and the first of them.
    private var conflicts = 0
    private var firstConflict: (replaced: StoredObservation, kept: StoredObservation)?

    func record(_ record: ObservationRecord) throws {
        let sortedKey = record.key.sorted { $0.id.lowercased() < $1.id.lowercased() }
        let observation = StoredObservation(
            dataflow: record.dataflow, key: sortedKey, period: record.period, value: record.value,
            status: record.status, source: source)
        if let replaced = store.insert(observation),
            replaced.value.lexical != observation.value.lexical || replaced.status != observation.status
        {
            conflicts += 1
            if firstConflict == nil { firstConflict = (replaced, observation) }
        }
    }

    /// A warning when the file repeated observations (its own, or an earlier file's) with other values:
    /// the order of the files decides, so the user is told which value is kept.
    func duplicatesNote(file: String) -> Diagnostic? {
        guard let (replaced, kept) = firstConflict else { return nil }
        func describe(_ observation: StoredObservation) -> String {
            let value = observation.value.lexical.map { "\"\($0)\"" } ?? "no value"
            let status = observation.status.map { "\($0.id)=\($0.value)" }.joined(separator: ", ")
            return value + (status.isEmpty ? "" : " (\(status))") + " from \(observation.source.path)"
        }
        let key = kept.key.map { "\($0.id)=\($0.value)" }.joined(separator: ",")
        let others = conflicts > 1 ? "; \(conflicts - 1) more observation(s) of the file do the same" : ""
        return .warning(
            .import, code: "duplicate-observation",
            "\(kept.dataflow) \(key) \(kept.period.lexical) appears twice with different values: the later, "
                + "\(describe(kept)), replaces \(describe(replaced)) (the order of the files decides)\(others)",
            location: InputLocation(file: file))
    }
}
