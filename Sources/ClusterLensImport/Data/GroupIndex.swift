import ClusterLensCore

/// The groups of one data set, indexed so that each series finds the groups its key matches.
///
/// A group has a partial key (some dimension values) and attributes; its attributes apply to
/// every series whose key agrees with the partial key. Groups are bucketed by the set of
/// dimensions in their partial key, so matching a series costs one dictionary look-up per bucket,
/// not one comparison per group.
struct GroupIndex {
    private struct Bucket {
        var dimensionIDs: [String]
        var attributesByKey: [[String]: [AttributeValue]]
    }

    private var buckets: [Bucket] = []

    var isEmpty: Bool { buckets.isEmpty }

    mutating func removeAll() {
        buckets.removeAll()
    }

    /// Adds a group with its partial key and attributes.
    mutating func add(partialKey: [ComponentValue], attributes: [AttributeValue]) {
        let sorted = partialKey.sorted { $0.id < $1.id }
        let ids = sorted.map(\.id)
        let codes = sorted.map(\.value)
        if let index = buckets.firstIndex(where: { $0.dimensionIDs == ids }) {
            buckets[index].attributesByKey[codes, default: []].append(contentsOf: attributes)
        } else {
            buckets.append(Bucket(dimensionIDs: ids, attributesByKey: [codes: attributes]))
        }
    }

    /// Whether some group's partial key names a dimension that `key` does not have.
    func hasGroups(beyond key: SeriesKey) -> Bool {
        buckets.contains { bucket in bucket.dimensionIDs.contains { key[$0] == nil } }
    }

    /// The attributes of every group whose partial key the series key matches.
    func attributes(matching key: SeriesKey) -> [AttributeValue] {
        var result: [AttributeValue] = []
        for bucket in buckets {
            var codes: [String] = []
            codes.reserveCapacity(bucket.dimensionIDs.count)
            var complete = true
            for id in bucket.dimensionIDs {
                guard let code = key[id] else {
                    complete = false
                    break
                }
                codes.append(code)
            }
            if complete, let attributes = bucket.attributesByKey[codes] {
                result.append(contentsOf: attributes)
            }
        }
        return result
    }
}
