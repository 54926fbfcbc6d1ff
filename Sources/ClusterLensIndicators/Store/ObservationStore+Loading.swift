public import ClusterLensCore
import ClusterLensImport
internal import Foundation

extension ObservationStore {
    /// Reads a file and stores its observations.
    ///
    /// The format comes from the content, not the name:
    /// - a file whose first non-blank character (after a byte-order mark) is `<` is SDMX-ML, read by
    ///   ``SDMXDataReader``; the dataflow is the id of the header's structure reference
    ///   (`ESTAT:SBS_R_NUTS2021(1.0)` gives `sbs_r_nuts2021`), else the data set's `structureRef` as
    ///   written (pass `dataflow` when that is an internal id such as `ESTAT_SBS_R_NUTS2021_1_0`);
    /// - a CSV file whose header starts with `DATAFLOW` (SDMX-CSV 1.0) or `STRUCTURE` (SDMX-CSV 2.0), in
    ///   capitals as the standard writes them, is SDMX-CSV: the dimensions are the columns before
    ///   `OBS_VALUE` (time excepted), the attributes those after it;
    /// - any other CSV file is a tidy CSV: a value column (`value` or `OBS_VALUE`), a time column (see
    ///   ``DimensionRoles``), optional flag columns (`flag`, `flags`, `OBS_FLAG`, `OBS_STATUS`,
    ///   `CONF_STATUS`), an optional `dataflow` (or `STRUCTURE_ID`) column; the SDMX attribute columns
    ///   of ``ComponentClassifier/knownAttributeIDs`` (`UNIT_MULT`, `DECIMALS`, …) are ignored and every
    ///   other column is a dimension. Column names are compared case-insensitively.
    ///
    /// Loading is all or nothing: when it throws, the store is unchanged.
    /// The file is read twice: once for its SHA-256 (recorded in every value's provenance), once to parse
    /// it; memory grows with the observations stored, not with the file.
    ///
    /// Values `NaN`, empty, `:` and the other markers of ``ObservationValue/missingMarkers`` are stored
    /// as missing with their kind, never as zero. Observations without a period that parses are
    /// skipped and counted in the summary.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - dataflow: The dataflow to file the observations under; required for a tidy CSV without a
    ///     `dataflow` column, and overrides what an SDMX file says when given.
    ///   - structures: Structures for reading structure-specific SDMX-ML exactly (optional).
    /// - Returns: What was read.
    /// - Throws: ``IndicatorsError`` with code ``IndicatorsError/Code/unreadable`` naming the file (and
    ///   the line for CSV) when the file cannot be read, is not data, or lacks a required column.
    @discardableResult
    public mutating func load(
        file path: String, dataflow: String? = nil, structures: StructureCollection? = nil
    ) throws(IndicatorsError) -> StoreLoadSummary {
        let sha256: String
        do {
            sha256 = try SHA256.hexDigest(ofFile: path)
        } catch {
            throw IndicatorsError(.unreadable, error.message, file: path)
        }
        let head = try Self.head(of: path)
        let format: DataSource.Format
        var loader = StoreLoader(store: self, explicitDataflow: dataflow)
        if head.first == UInt8(ascii: "<") {
            format = .sdmxML
            loader.source = DataSource(path: path, sha256: sha256, format: format)
            try loader.readSDMX(path: path, structures: structures)
        } else {
            let reader: CSVRecordReader
            do {
                reader = try CSVRecordReader(path: path)
            } catch {
                throw IndicatorsError(.unreadable, "cannot open the file", file: path)
            }
            guard let header = reader.next() else {
                throw IndicatorsError(.unreadable, "the file is empty", file: path)
            }
            let columns = header.enumerated().map { index, name in
                (index == 0 ? Self.droppingByteOrderMark(name) : name).trimmingSpaces()
            }
            let first = columns.first ?? ""
            format = first == "DATAFLOW" || first == "STRUCTURE" ? .sdmxCSV : .tidyCSV
            loader.source = DataSource(path: path, sha256: sha256, format: format)
            try loader.readCSV(reader, columns: columns, path: path)
        }
        loader.store.register(loader.source)
        self = loader.store
        return StoreLoadSummary(
            source: loader.source, dataflows: loader.dataflows.sorted(), observations: loader.stored,
            skipped: loader.skipped)
    }

    /// The first non-blank bytes of a file, after any UTF-8 byte-order mark.
    private static func head(of path: String) throws(IndicatorsError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = [UInt8](try handle.read(upToCount: 4096) ?? Data())
        } catch {
            throw IndicatorsError(.unreadable, "cannot read the file: \(error.localizedDescription)", file: path)
        }
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        guard let start = rest.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw IndicatorsError(.unreadable, "the file is empty", file: path)
        }
        return Array(rest[start...])
    }

    private static func droppingByteOrderMark(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
