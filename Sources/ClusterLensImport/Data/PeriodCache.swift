import ClusterLensCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Remembers recently parsed time periods by their bytes, so that a file's few hundred distinct
/// periods are parsed once each rather than once per observation.
///
/// A direct-mapped table of 256 entries, keyed by an FNV-1a hash of the lexical bytes; a hit
/// compares the bytes and the reporting-year start day, so it never returns a wrong period.
struct PeriodCache {
    private var entries: [(key: [UInt8], period: TimePeriod, startDay: MonthDay)?] = Array(repeating: nil, count: 256)

    /// The period for `bytes`, parsed only when not cached.
    @inline(__always)
    mutating func period(_ bytes: UnsafeBufferPointer<UInt8>, startDay: MonthDay) throws(CoreError) -> TimePeriod {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let slot = Int(hash & 255)
        if let entry = entries[slot], entry.startDay == startDay, entry.key.count == bytes.count,
            Self.same(entry.key, bytes)
        {
            return entry.period
        }
        let period = try TimePeriod(String(decoding: bytes, as: UTF8.self), reportingYearStartDay: startDay)
        entries[slot] = (Array(bytes), period, startDay)
        return period
    }

    @inline(__always)
    private static func same(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        key.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return stored.count == bytes.count }
            return memcmp(left, right, bytes.count) == 0
        }
    }
}
