import ClusterLensCore

/// Remembers recently parsed time periods by their bytes, so that a file's few hundred distinct
/// periods are parsed once each rather than once per observation.
///
/// A direct-mapped table of 256 entries keyed by an FNV-1a hash of the lexical bytes (periods of
/// up to 40 bytes; longer ones are parsed every time). A hit compares the bytes and the
/// reporting-year start day, so it never returns a wrong period. Keys live in one flat buffer so
/// that a hit touches no reference-counted storage.
final class PeriodCache {
    private static let slots = 256
    private static let keyCapacity = 40
    private let keys = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * keyCapacity)
    @exclusivity(unchecked) private var keyLengths = [Int](repeating: -1, count: slots)
    @exclusivity(unchecked) private var startDays = [MonthDay](repeating: .januaryFirst, count: slots)
    @exclusivity(unchecked) private var periods = [TimePeriod?](repeating: nil, count: slots)

    deinit {
        keys.deallocate()
    }

    /// The period for `bytes`, parsed only when not cached; with `returning` false, only checked
    /// (`nil` is returned and no copy of the period is made).
    @inline(__always)
    func period(_ bytes: UnsafeBufferPointer<UInt8>, startDay: MonthDay, returning: Bool = true)
        throws(CoreError) -> TimePeriod?
    {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let slot = Int(hash & UInt32(Self.slots - 1))
        let key = keys + slot * Self.keyCapacity
        if keyLengths[slot] == bytes.count && startDays[slot] == startDay {
            var same = true
            for index in 0..<bytes.count where key[index] != bytes[index] {
                same = false
                break
            }
            if same { return returning ? periods[slot] : nil }
        }
        let period = try TimePeriod(String(decoding: bytes, as: UTF8.self), reportingYearStartDay: startDay)
        if bytes.count <= Self.keyCapacity, let source = bytes.baseAddress {
            key.update(from: source, count: bytes.count)
            keyLengths[slot] = bytes.count
            startDays[slot] = startDay
            periods[slot] = period
        }
        return period
    }
}
