internal import ClusterLensCore

/// The observations of one dataflow, stored for Europe-wide data: codes interned once, values in
/// contiguous columns, and indexes that answer "series of these codes, observation in this period"
/// without walking observations.
///
/// - Codes: every dimension code is interned to an `Int32` (one table-wide list, with its NUTS and
///   NACE parse done once); dimension ids are compared lower-cased and numbered in order of first
///   appearance.
/// - Series: a series is its key as code numbers per dimension (`-1` where the series has no such
///   dimension), its key as spelled in the file (for provenance), and its observations as a list of
///   (period number, observation number) sorted by period.
/// - Observations: columns of values (the number parsed once), lexical values, status sets (interned)
///   and source numbers; about 40 bytes an observation.
/// - Postings: for each dimension and code, the series that have it, in creation order.
///
/// Loading an observation with the key and period of one already stored replaces it (the file loaded
/// last wins), as with SDMX's `Replace` action.
struct DataflowTable: Sendable {
    /// The lower-cased dimension ids, numbered in order of first appearance.
    private(set) var dimensionIDs: [String] = []
    private var dimensionNumbers: [String: Int] = [:]

    /// The interned codes of every dimension.
    private var codeList = Interner<String>()
    /// The NUTS parse of each code, `nil` when it is not a NUTS code.
    private(set) var nuts: [NUTSCode?] = []
    /// The NACE parse of each code, `nil` when it is not a NACE code.
    private(set) var nace: [NACECode?] = []
    /// The NUTS codes inside each NUTS code (by its text, `ES5` → `ES51`, `ES511`, …), for finding the
    /// codes of a region set without testing every code.
    private var nutsInside: [String: [Int32]] = [:]
    /// The distinct codes of each dimension, in order of first appearance.
    private(set) var dimensionCodes: [[Int32]] = []
    /// Per dimension: the series that have each code, ascending.
    private(set) var postings: [[Int32: [Int32]]] = []

    /// The key of each series as code numbers, one per dimension known when it was created (`-1` for
    /// none), all series in one array: series `s` holds `keyCodes[keyStart[s] ..< keyStart[s] + keyWidth[s]]`.
    private var keyCodes: [Int32] = []
    private var keyStart: [Int32] = []
    private var keyWidth: [Int32] = []
    /// The key of each series as spelled in the file, sorted by lower-cased dimension id.
    private(set) var seriesKeys: [[ComponentValue]] = []
    /// The key of each series as text (``StoredObservation/seriesKey``).
    private(set) var seriesKeyTexts: [String] = []
    /// The observations of each series: `period << 32 | observation`, sorted by period.
    private(set) var seriesObservations: [[UInt64]] = []
    /// Dimension numbers by the id as spelled in the files (`GEO` and `geo` are one dimension).
    private var dimensionBySpelling: [String: Int] = [:]
    /// Series by their key as dimension and code numbers (`dimension << 32 | code`, sorted).
    private var seriesByKey: [[Int64]: Int32] = [:]
    /// The series the last record went to, and its key as given: consecutive records of one series
    /// (every SDMX-ML file) skip the look-up.
    private var lastSpelling: [ComponentValue] = []
    private var lastSeries: Int32 = -1
    /// The status set the last record had, and its number: a series' observations mostly share one.
    private var lastStatus: [ComponentValue] = []
    private var lastStatusNumber: Int32 = 0
    /// The order of the last new key's components by lower-cased dimension id, for the dimension
    /// numbers it had: every series of a file has the same dimensions in the same order.
    private var lastKeyDimensions: [Int] = []
    private var lastKeyOrder: [Int] = []

    /// The periods, numbered in order of first appearance.
    private var periodList = Interner<TimePeriod>()
    private var recentPeriods: [(TimePeriod, Int32)] = []

    /// The value of each observation as a number, `nan` when it is not one.
    private(set) var numbers: [Double] = []
    /// The value of each observation as the file wrote it.
    private(set) var lexicals: [ObservationValue] = []
    /// The status attributes of each observation, as a number into ``statusSets``.
    private(set) var statuses: [Int32] = []
    /// The source of each observation, as a number into the store's sources.
    private(set) var sources: [Int32] = []
    /// The distinct status sets; the first is the empty one.
    private var statusList = Interner<[ComponentValue]>(first: [])
    /// The flags of each status set (see ``ClusterLensCore/StatusAttributes/flags(of:)``).
    private(set) var statusFlags: [Set<String>] = [[]]

    /// The number of observations stored.
    var count: Int { numbers.count }

    /// The number of a lower-cased dimension id, `nil` when no series has it.
    func dimension(_ folded: String) -> Int? { dimensionNumbers[folded] }

    /// The number of a code, `nil` when no series has it.
    func code(_ text: String) -> Int32? { codeList.existing(text) }

    /// The interned codes.
    var codes: [String] { codeList.values }
    /// The periods, numbered in order of first appearance.
    var periods: [TimePeriod] { periodList.values }
    /// The distinct status sets; the first is the empty one.
    var statusSets: [[ComponentValue]] { statusList.values }

    /// The number of a period, `nil` when no observation has it.
    func period(_ period: TimePeriod) -> Int32? { periodList.existing(period) }

    /// The numbers of the codes that are NUTS regions of `regions` (a region, or one inside it).
    func codes(in regions: RegionSet) -> [Int32] {
        var result: [Int32] = []
        for region in regions.codes {
            if let own = codeList.existing(region.code) { result.append(own) }
            if !region.isAggregate { result += nutsInside[region.code] ?? [] }
        }
        if regions.codes.count > 1 { result = Array(Set(result)) }
        return result
    }

    /// The code number of `series` in `dimension`, `-1` when it has none.
    @inline(__always)
    func code(of series: Int32, in dimension: Int) -> Int32 {
        let index = Int(series)
        return dimension < Int(keyWidth[index]) ? keyCodes[Int(keyStart[index]) + dimension] : -1
    }

    /// The number of series.
    var seriesCount: Int { keyStart.count }

    /// The observation of `series` in period number `period`, `nil` when there is none.
    func observation(of series: Int32, period: Int32) -> Int32? {
        let list = seriesObservations[Int(series)]
        var low = 0
        var high = list.count
        let target = UInt64(UInt32(bitPattern: period))
        while low < high {
            let middle = (low + high) / 2
            let found = list[middle] >> 32
            if found == target { return Int32(truncatingIfNeeded: list[middle] & 0xFFFF_FFFF) }
            if found < target { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Stores one observation.
    ///
    /// - Parameters:
    ///   - key: The dimension codes other than time, as the importer gave them.
    ///   - source: The number of the file in the store's sources.
    /// An observation replaced by one with the same key and period but another value or status.
    struct Replacement {
        var series: Int32
        var period: Int32
        var value: ObservationValue
        var status: Int32
        var source: Int32
    }

    /// - Returns: The observation replaced, when its value or status differed from the new one's
    ///   (the same observation loaded twice is no news).
    @discardableResult
    mutating func insert(
        key: [ComponentValue], period: TimePeriod, value: ObservationValue, status: [ComponentValue], source: Int32
    ) -> Replacement? {
        let series = seriesNumber(key)
        let periodNumber = number(of: period)
        var statusNumber: Int32 = 0
        if !status.isEmpty {
            if status == lastStatus {
                statusNumber = lastStatusNumber
            } else {
                let (number, isNew) = statusList.number(of: status)
                if isNew { statusFlags.append(StatusAttributes.flags(of: status)) }
                statusNumber = number
                lastStatus = status
                lastStatusNumber = number
            }
        }
        let number = value.number ?? .nan
        let packedPeriod = UInt64(UInt32(bitPattern: periodNumber)) << 32
        var list = seriesObservations[Int(series)]
        seriesObservations[Int(series)] = []  // keep the list uniquely referenced while it changes
        defer { seriesObservations[Int(series)] = list }
        // Periods mostly arrive in order: append; else find the place, and replace an equal period.
        var place = list.count
        if let last = list.last, last & 0xFFFF_FFFF_0000_0000 >= packedPeriod {
            place = list.partitioningIndex { $0 & 0xFFFF_FFFF_0000_0000 >= packedPeriod }
            if place < list.count, list[place] & 0xFFFF_FFFF_0000_0000 == packedPeriod {
                let existing = Int(list[place] & 0xFFFF_FFFF)
                let replaced =
                    lexicals[existing] != value || statuses[existing] != statusNumber
                    ? Replacement(
                        series: series, period: periodNumber, value: lexicals[existing], status: statuses[existing],
                        source: self.sources[existing]) : nil
                numbers[existing] = number
                lexicals[existing] = value
                statuses[existing] = statusNumber
                sources[existing] = source
                return replaced
            }
        }
        let observation = UInt64(numbers.count)
        numbers.append(number)
        lexicals.append(value)
        statuses.append(statusNumber)
        sources.append(source)
        list.insert(packedPeriod | observation, at: place)
        return nil
    }

    /// The number of a period: the few periods of the latest series are checked before the dictionary
    /// (a series' periods come in a cycle, and comparing periods is cheaper than hashing them).
    private mutating func number(of period: TimePeriod) -> Int32 {
        for (known, number) in recentPeriods where known == period { return number }
        let number = periodList.number(of: period).number
        if recentPeriods.count == 16 { recentPeriods.removeFirst() }
        recentPeriods.append((period, number))
        return number
    }

    /// The series of a key, created when new.
    private mutating func seriesNumber(_ key: [ComponentValue]) -> Int32 {
        if lastSeries >= 0, key == lastSpelling { return lastSeries }
        var packed: [Int64] = []
        packed.reserveCapacity(key.count)
        var numbered: [(dimension: Int, code: Int32)] = []
        numbered.reserveCapacity(key.count)
        for component in key {
            let dimension = number(ofSpelledDimension: component.id)
            let code = number(ofCode: component.value)
            numbered.append((dimension, code))
            packed.append(Int64(dimension) << 32 | Int64(code))
        }
        packed.sort()
        let series: Int32
        if let known = seriesByKey[packed] {
            series = known
        } else {
            series = Int32(keyStart.count)
            seriesByKey[packed] = series
            let start = keyCodes.count
            keyStart.append(Int32(start))
            keyWidth.append(Int32(dimensionIDs.count))
            keyCodes.append(contentsOf: repeatElement(-1, count: dimensionIDs.count))
            for (dimension, code) in numbered {
                keyCodes[start + dimension] = code
                if postings[dimension][code] == nil { dimensionCodes[dimension].append(code) }
                postings[dimension][code, default: []].append(series)
            }
            let sorted = sortedByDimensionID(key, numbered.map(\.dimension))
            seriesKeys.append(sorted)
            seriesKeyTexts.append(StoredObservation.seriesKey(of: sorted))
            // A series has as many periods as the one before it, as a rule: one allocation, not one per doubling.
            var observations: [UInt64] = []
            observations.reserveCapacity(max(4, seriesObservations.last?.count ?? 0))
            seriesObservations.append(observations)
        }
        lastSpelling = key
        lastSeries = series
        return series
    }

    /// `key` sorted by lower-cased dimension id, the order worked out once for a run of keys with the
    /// same dimensions.
    private mutating func sortedByDimensionID(_ key: [ComponentValue], _ dimensions: [Int]) -> [ComponentValue] {
        if dimensions != lastKeyDimensions {
            lastKeyDimensions = dimensions
            lastKeyOrder = dimensions.indices.sorted { dimensionIDs[dimensions[$0]] < dimensionIDs[dimensions[$1]] }
        }
        return lastKeyOrder.map { key[$0] }
    }

    private mutating func number(ofSpelledDimension id: String) -> Int {
        if let known = dimensionBySpelling[id] { return known }
        let number = number(ofDimension: id.lowercased())
        dimensionBySpelling[id] = number
        return number
    }

    private mutating func number(ofDimension folded: String) -> Int {
        if let known = dimensionNumbers[folded] { return known }
        let number = dimensionIDs.count
        dimensionIDs.append(folded)
        dimensionNumbers[folded] = number
        dimensionCodes.append([])
        postings.append([:])
        return number
    }

    private mutating func number(ofCode text: String) -> Int32 {
        let (number, isNew) = codeList.number(of: text)
        guard isNew else { return number }
        let region = try? NUTSCode(text)
        nuts.append(region)
        nace.append(try? NACECode(text))
        if let region, !region.isAggregate {
            var prefix = text
            while prefix.utf8.count > 2 {
                prefix.removeLast()
                nutsInside[prefix, default: []].append(number)
            }
        }
        return number
    }

    /// The NACE codes (codes of any dimension that parse as one) of the series with an observation
    /// in period number `period`: a walk over the series, done when a structure indicator asks.
    func sectorCodes(in period: Int32) -> Set<NACECode> {
        var numbers: Set<Int32> = []
        for series in 0..<Int32(keyStart.count) where observation(of: series, period: period) != nil {
            for dimension in 0..<Int(keyWidth[Int(series)]) {
                let code = keyCodes[Int(keyStart[Int(series)]) + dimension]
                if code >= 0, nace[Int(code)] != nil { numbers.insert(code) }
            }
        }
        return Set(numbers.compactMap { nace[Int($0)] })
    }

    /// The observation as the store's API gives it.
    func stored(
        _ observation: Int32, series: Int32, period: Int32, dataflow: String, sources: [DataSource]
    ) -> StoredObservation {
        let index = Int(observation)
        let source = Int(self.sources[index])
        return StoredObservation(
            dataflow: dataflow, key: seriesKeys[Int(series)], seriesKey: seriesKeyTexts[Int(series)],
            period: periods[Int(period)], value: lexicals[index],
            status: statusSets[Int(statuses[index])],
            source: sources.indices.contains(source)
                ? sources[source] : DataSource(path: "", sha256: "", format: .tidyCSV))
    }

    /// Every observation, by series then period.
    func all(dataflow: String, sources: [DataSource]) -> [StoredObservation] {
        var result: [StoredObservation] = []
        result.reserveCapacity(count)
        for series in seriesObservations.indices {
            let sorted = seriesObservations[series].sorted { periods[Int($0 >> 32)] < periods[Int($1 >> 32)] }
            for packed in sorted {
                result.append(
                    stored(
                        Int32(truncatingIfNeeded: packed & 0xFFFF_FFFF), series: Int32(series),
                        period: Int32(truncatingIfNeeded: packed >> 32), dataflow: dataflow, sources: sources))
            }
        }
        return result
    }
}

extension Array {
    /// The index of the first element for which `belongs` is true, in an array where every element
    /// for which it is false comes first.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Values numbered in order of first appearance, each stored once.
package struct Interner<Value: Hashable & Sendable>: Sendable {
    /// The values, by number.
    package private(set) var values: [Value] = []
    private var numbers: [Value: Int32] = [:]

    package init() {}

    /// An interner whose value number 0 is `first`.
    package init(first: Value) {
        _ = number(of: first)
    }

    /// The number of a value seen before, `nil` for a new one.
    package func existing(_ value: Value) -> Int32? { numbers[value] }

    /// The number of `value`, given the next number when new.
    package mutating func number(of value: Value) -> (number: Int32, isNew: Bool) {
        if let known = numbers[value] { return (known, false) }
        let number = Int32(values.count)
        values.append(value)
        numbers[value] = number
        return (number, true)
    }
}
