public import ClusterLensCore
internal import ClusterLensSupport

/// The classifications ClusterLens ships in `Indicators/classifications/` (NUTS 2016, 2021 and 2024;
/// NACE Rev. 2 and Eurostat's aggregate codes), read once per process.
public struct Classifications: Sendable {
    /// The NUTS regions of every version.
    public var regions: NUTSClassification
    /// The names of NACE activities and aggregates.
    public var activities: NACEClassification

    /// Creates classifications.
    public init(
        regions: NUTSClassification = NUTSClassification(), activities: NACEClassification = NACEClassification()
    ) {
        self.regions = regions
        self.activities = activities
    }

    /// The bundled classifications (`$CLUSTERLENS_INDICATORS/classifications`, `./Indicators/…` or the
    /// package's own); empty when the folder is not found, which leaves regions summed from whatever
    /// parts the data hold — `IndicatorCatalogue.standard` finds the same folder, so a working
    /// installation always has them.
    public static let bundled: Classifications = {
        guard let folder = BundledFolder.indicators else { return Classifications() }
        return (try? read(folder: folder + "/classifications")) ?? Classifications()
    }()

    /// Reads the classification files of a folder.
    ///
    /// - Throws: ``IndicatorsError`` (`unreadable`) naming a file that cannot be read or a row that is
    ///   not `code,level,name`.
    public static func read(folder: String) throws(IndicatorsError) -> Classifications {
        var result = Classifications()
        for version in NUTSClassification.Version.allCases {
            let path = "\(folder)/nuts-\(version.rawValue).csv"
            let regions = try rows(path).map { row throws(IndicatorsError) -> NUTSClassification.Region in
                guard row.fields.count == 3, let level = Int(row.fields[1]) else {
                    throw IndicatorsError(.unreadable, "expected code,level,name", file: path, line: row.line)
                }
                return NUTSClassification.Region(code: row.fields[0], level: level, name: row.fields[2])
            }
            result.regions.add(version, regions: regions)
        }
        for file in ["nace-r2.csv", "nace-aggregates.csv"] {
            let path = "\(folder)/\(file)"
            for row in try rows(path) {
                guard row.fields.count == 3 else {
                    throw IndicatorsError(.unreadable, "expected three fields", file: path, line: row.line)
                }
                result.activities.add(code: row.fields[0], name: row.fields[2])
            }
        }
        return result
    }

    /// The records of a CSV file after its header.
    private static func rows(_ path: String) throws(IndicatorsError) -> [CSVRecord] {
        let reader: CSVRecordReader
        do {
            reader = try CSVRecordReader(path: path)
        } catch {
            throw IndicatorsError(.unreadable, error.message, file: path, underlying: error)
        }
        _ = reader.nextRecord()
        var records: [CSVRecord] = []
        while let record = reader.nextRecord() {
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            records.append(record)
        }
        return records
    }
}
