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
    /// Loading is all or nothing: when it throws, the store is unchanged. The file is read twice at
    /// once: parsed on one thread while another works out its SHA-256 (recorded in every value's
    /// provenance), and a large file's records are filed on a third (see `StoreRecordSink`); memory
    /// grows with the observations stored, not with the file.
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
        let filed = sink.finish()
        self = filed.store
        register(summary.source)
        if let duplicates = filed.duplicatesNote(file: path) { diagnostics?.report(duplicates) }
        return StoreLoadSummary(
            source: summary.source, dataflows: summary.dataflows, observations: summary.observations,
            skipped: summary.skipped)
    }
}
