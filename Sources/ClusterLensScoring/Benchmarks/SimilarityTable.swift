internal import ClusterLensCore

/// Score profiles laid out for the nearest-profile search (``PeerBenchmarks/mostSimilar(in:count:minimumShared:)``):
/// units in sorted order, scores in one contiguous array (NaN for missing), so that a search over
/// thousands of units reads numbers, not dictionaries, and keeps only its `count` best on the way.
struct SimilarityTable: Sendable {
    /// The units, sorted.
    let units: [String]
    /// How many scores each profile holds.
    let width: Int
    /// The profiles, unit after unit; NaN where a score is missing.
    let scores: [Double]

    init(_ profiles: [String: [Double?]]) {
        units = profiles.keys.sorted()
        width = profiles.values.map(\.count).max() ?? 0
        var scores = [Double](repeating: .nan, count: units.count * width)
        for (row, unit) in units.enumerated() {
            for (column, score) in (profiles[unit] ?? []).enumerated() {
                if let score { scores[row * width + column] = score }
            }
        }
        self.scores = scores
    }

    /// The position of `unit`, or `nil`.
    func index(of unit: String) -> Int? {
        var low = 0
        var high = units.count
        while low < high {
            let middle = (low + high) / 2
            if units[middle] < unit { low = middle + 1 } else { high = middle }
        }
        return low < units.count && units[low] == unit ? low : nil
    }

    /// The `count` units nearest to the unit at `row`, nearest first (ties: the unit that sorts first).
    func nearest(to row: Int, count: Int, minimumShared: Int) -> [(unit: String, distance: Double)] {
        guard count > 0 else { return [] }
        var best: [(index: Int, distance: Double)] = []
        best.reserveCapacity(count + 1)
        scores.withUnsafeBufferPointer { scores in
            let own = row * width
            for other in 0..<units.count where other != row {
                let start = other * width
                var sum = 0.0
                var shared = 0
                for column in 0..<width {
                    let a = scores[own + column]
                    let b = scores[start + column]
                    if a.isNaN || b.isNaN { continue }
                    sum += (a - b) * (a - b)
                    shared += 1
                }
                guard shared >= minimumShared else { continue }
                let distance = (sum / Double(shared)).squareRoot()
                // Units come in sorted order, so a tie keeps the one already held.
                if best.count == count, let last = best.last, distance >= last.distance { continue }
                var position = best.count
                while position > 0 && best[position - 1].distance > distance { position -= 1 }
                best.insert((other, distance), at: position)
                if best.count > count { best.removeLast() }
            }
        }
        return best.map { (units[$0.index], $0.distance) }
    }
}

extension PeerBenchmarks {
    /// ``mostSimilar(to:in:count:minimumShared:)`` for every unit of `profiles` at once, on all the
    /// machine's cores: unit → its nearest units (an empty list when none shares enough scores).
    public static func mostSimilar(in profiles: [String: [Double?]], count: Int = 3, minimumShared: Int = 3)
        -> [String: [(unit: String, distance: Double)]]
    {
        let table = SimilarityTable(profiles)
        let lists = ParallelChunks.map(count: table.units.count, minimumPerWorker: 64) { range in
            range.map { table.nearest(to: $0, count: count, minimumShared: minimumShared) }
        }.flatMap { $0 }
        return Dictionary(uniqueKeysWithValues: zip(table.units, lists))
    }
}
