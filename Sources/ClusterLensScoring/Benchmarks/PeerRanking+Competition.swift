public import ClusterLensCore

extension PeerRanking {
    /// Competition ranks of values in input order: 1 = best, ties share the lowest rank of their
    /// group (1, 2, 2, 4); `nil` and non-finite values get `nil` and do not count.
    ///
    /// - Parameters:
    ///   - values: One value per unit.
    ///   - direction: Which way is better (``Direction/none`` ranks as ``Direction/higher``).
    /// - Returns: The rank of each value, in input order.
    public static func ranks(_ values: [Double?], direction: Direction) -> [Int?] {
        let numbers = values.map { $0 ?? .nan }
        var order = [Int](repeating: 0, count: numbers.count)
        var ranks = [Double](repeating: .nan, count: numbers.count)
        competitionRanks(numbers, direction: direction, order: &order, into: &ranks, at: 0)
        return ranks.map { $0.isNaN ? nil : Int($0) }
    }

    /// The one competition ranking every other ranking calls: writes the rank of `values[i]` into
    /// `ranks[offset + i]` (1 = best by `direction`, ties sharing the lowest rank, NaN for a
    /// non-finite value, which does not count).
    ///
    /// Allocates nothing: the ranked units are put in order by an in-place heap sort of `order`
    /// (O(n log n); ties may end up in any order within their group, which does not change a rank),
    /// so the Monte Carlo loop of ``UncertaintyAnalysis`` can call it once per run.
    ///
    /// - Parameters:
    ///   - values: One value per unit.
    ///   - direction: Which way is better (``Direction/none`` ranks as ``Direction/higher``).
    ///   - order: Scratch space with at least `values.count` elements; overwritten.
    ///   - ranks: The output; `ranks[offset ..< offset + values.count]` is overwritten.
    ///   - offset: Where the rank of `values[0]` goes.
    static func competitionRanks(
        _ values: [Double], direction: Direction, order: inout [Int], into ranks: inout [Double], at offset: Int
    ) {
        var ranked = 0
        for unit in values.indices {
            if values[unit].isFinite {
                order[ranked] = unit
                ranked += 1
            } else {
                ranks[offset + unit] = .nan
            }
        }
        // Sorting ascending by sign × value puts the best first.
        let sign: Double = direction == .lower ? 1 : -1
        heapSort(&order, count: ranked) { sign * values[$0] }
        var previous = Double.nan
        var current = 0
        for position in 0..<ranked {
            let value = values[order[position]]
            if value != previous { current = position + 1 }
            previous = value
            ranks[offset + order[position]] = Double(current)
        }
    }

    /// Sorts `order[0 ..< count]` in place, ascending by `key`, with a heap sort (no allocation).
    private static func heapSort(_ order: inout [Int], count: Int, key: (Int) -> Double) {
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                let child = 2 * root + 1
                var larger = child
                if child + 1 < end && key(order[child]) < key(order[child + 1]) { larger = child + 1 }
                guard key(order[root]) < key(order[larger]) else { return }
                order.swapAt(root, larger)
                root = larger
            }
        }
        guard count > 1 else { return }
        for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start, count) }
        for end in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(0, end)
            siftDown(0, end)
        }
    }
}
