public import ClusterLensCore

/// A record sink that summarises a CSV table read through ``DataImporter``, as ``DataInspector``
/// summarises an SDMX-ML message: dimensions and their distinct codes with the observations of each,
/// status attributes, periods, value kinds, dataflows and series.
///
/// The key holds every dimension but time, so the time column is not among ``inspection``'s
/// dimensions (its range is in the periods); its codes come last in ``inspection(timeDimension:)``'s
/// codes. Memory grows with the distinct codes and series, not with the records.
public final class RecordInspector: ObservationRecordSink {
    private var tally = CodeTally()
    private var periods: [String: Int] = [:]
    private var attributeOrder: [String] = []
    private var first: TimePeriod?
    private var last: TimePeriod?
    private var kindCounts: [ObservationValue.Kind: Int] = [:]
    private var dataflows: [String] = []
    private var seriesKeys: Set<[String]> = []

    /// Creates an inspector.
    public init() {}

    /// Nothing to note: the file's name and format are the caller's.
    public func begin(file path: String, format: DataSource.Format) throws {}

    /// Nothing to do at the end of the file.
    public func end(_ source: DataSource) throws {}

    /// Notes one record's dataflow, key codes, status attributes, period and value kind.
    public func record(_ record: consuming ObservationRecord) throws {
        if !dataflows.contains(record.dataflow) { dataflows.append(record.dataflow) }
        var series = [record.dataflow]
        for component in record.key {
            series += [component.id, component.value]
            tally.add(component.id, component.value, observations: 1)
        }
        periods[record.period.lexical, default: 0] += 1
        seriesKeys.insert(series)
        for attribute in record.status where !attributeOrder.contains(attribute.id) {
            attributeOrder.append(attribute.id)
        }
        kindCounts[record.value.kind, default: 0] += 1
        if first.map({ record.period < $0 }) ?? true { first = record.period }
        if last.map({ record.period > $0 }) ?? true { last = record.period }
    }

    /// The number of distinct series (dataflow and key) so far.
    public var series: Int { seriesKeys.count }

    /// The summary so far, the time dimension's codes listed as `TIME_PERIOD` (see
    /// ``inspection(timeDimension:)``).
    public var inspection: DataInspection {
        inspection(timeDimension: "TIME_PERIOD")
    }

    /// The summary so far, in the shape ``DataInspector`` gives (``DataInspection/dataflows`` holds
    /// the normalised dataflow ids, in order of first appearance; no data structure is matched).
    ///
    /// - Parameter timeDimension: The id to list the periods under, after the key's dimensions in
    ///   ``DataInspection/codes`` (the table's time column, ``ImportSummary/timeDimensions``).
    public func inspection(timeDimension: String) -> DataInspection {
        var counts: [String: Int] = [:]
        for (kind, count) in kindCounts { counts[DataInspector.name(of: kind)] = count }
        let time = periods.isEmpty ? [] : [DimensionCodes(id: timeDimension, observations: periods)]
        return DataInspection(
            dimensions: tally.usages, attributes: attributeOrder, measures: kindCounts.isEmpty ? [] : ["OBS_VALUE"],
            firstPeriod: first?.lexical, lastPeriod: last?.lexical, valueKinds: counts, dataflows: dataflows,
            codes: tally.codes + time, dataStructures: [])
    }
}
