/// "Did you mean …?": the known name nearest to a mistyped one, for error messages.
package enum Suggestion {
    /// The candidate closest to `name` by edit distance (case-insensitive), when it is close enough to
    /// be a plausible slip: at most a third of the name's length, and at least one edit. Of equally
    /// close candidates the first in lexical order, so that the message is the same whatever order the
    /// candidates come in (a `Set`'s order changes from run to run).
    package static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if let current = best, (distance, candidate) >= (current.distance, current.candidate) { continue }
            best = (candidate, distance)
        }
        guard let best, best.distance <= max(1, target.count / 3) else { return nil }
        return best.candidate
    }

    /// ` (did you mean "X"?)`, or nothing when no candidate is close.
    package static func phrase(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance.
    static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for (i, l) in left.enumerated() {
            current[0] = i + 1
            for (j, r) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (l == r ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
