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
        forgetRememberedValues()
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
        sink.finish()
        self = sink.store
        register(summary.source)
        if let duplicates = sink.duplicatesNote(file: path) { diagnostics?.report(duplicates) }
        return StoreLoadSummary(
            source: summary.source, dataflows: summary.dataflows, observations: summary.observations,
            skipped: summary.skipped)
    }
}

/// Files the importer's records in a copy of the store (swapped in only when the whole file is read).
/// The table of the dataflow being read is held apart while its records come, so a record costs no
/// look-up of its dataflow; ``finish()`` puts it back.
final class StoreRecordSink: ObservationRecordSink {
    private(set) var store: ObservationStore
    private var source: Int32 = 0
    private var dataflow: String?
    private var table = DataflowTable()

    init(store: ObservationStore) {
        self.store = store
    }

    func begin(_ source: DataSource) throws {
        self.source = store.number(of: source)
    }

    /// Observations that replaced an earlier one with another value or status, and the first of them.
    private var conflicts = 0
    private var firstConflict: (replaced: DataflowTable.Replacement, kept: ObservationRecord)?

    func record(_ record: ObservationRecord) throws {
        if record.dataflow != dataflow {
            finish()
            dataflow = record.dataflow
            table = store.tables.removeValue(forKey: record.dataflow) ?? DataflowTable()
        }
        if let replaced = table.insert(
            key: record.key, period: record.period, value: record.value, status: record.status, source: source)
        {
            conflicts += 1
            if firstConflict == nil { firstConflict = (replaced, record) }
        }
    }

    /// A warning when the file repeated observations (its own, or an earlier file's) with other values:
    /// the order of the files decides, so the user is told which value is kept. Call after ``finish()``.
    func duplicatesNote(file: String) -> Diagnostic? {
        guard let (replacement, record) = firstConflict,
            let replaced = store.stored(replacement, dataflow: record.dataflow),
            let source = store.sourceList.indices.contains(Int(self.source)) ? store.sourceList[Int(self.source)] : nil
        else { return nil }
        func describe(_ value: ObservationValue, _ status: [ComponentValue], _ path: String) -> String {
            let text = value.lexical.map { "\"\($0)\"" } ?? "no value"
            let flags = status.map { "\($0.id)=\($0.value)" }.joined(separator: ", ")
            return text + (flags.isEmpty ? "" : " (\(flags))") + " from \(path)"
        }
        let others = conflicts > 1 ? "; \(conflicts - 1) more observation(s) of the file do the same" : ""
        return .warning(
            .import, code: "duplicate-observation",
            "\(record.dataflow) \(replaced.seriesKey) \(record.period.lexical) appears twice with different values: "
                + "the later, \(describe(record.value, record.status, source.path)), replaces "
                + "\(describe(replaced.value, replaced.status, replaced.source.path)) (the order of the files decides)"
                + others,
            location: InputLocation(file: file))
    }

    /// Puts the table being filled back into the store.
    func finish() {
        guard let dataflow else { return }
        store.tables[dataflow] = table
        table = DataflowTable()
        self.dataflow = nil
    }
}
