#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A moment to the second, as ClusterLens records it (reports, run records, the feed cache), written
/// ISO 8601 in UTC: `2026-11-25T07:30:00Z`.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64

    /// Creates a timestamp.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The current time, to the second.
    public static func now() -> Timestamp {
        Timestamp(secondsSince1970: Int64(time(nil)))
    }

    /// Reads `YYYY-MM-DDThh:mm:ssZ`; `nil` for any other text.
    public init?(iso8601 text: String) {
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int64($0) }
        guard text.count == 20, text.hasSuffix("Z"), parts.count == 6, let year = parts[0], let month = parts[1],
            let day = parts[2], let hour = parts[3], let minute = parts[4], let second = parts[5],
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        guard let date = CivilDate(year: Int(year), month: Int(month), day: Int(day)) else { return nil }
        secondsSince1970 = Int64(date.daysSinceEpoch) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// `2026-11-25T07:30:00Z`.
    public var iso8601: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let seconds = secondsSince1970 - days * 86_400
        let date = CivilDate(daysSinceEpoch: Int(days))
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let (month, day) = (Int64(date.month), Int64(date.day))
        let yearText = String(date.year)
        let padded = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return
            "\(padded)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))Z"
    }

    /// ``iso8601``.
    public var description: String { iso8601 }

    /// Earlier first.
    public static func < (left: Timestamp, right: Timestamp) -> Bool { left.secondsSince1970 < right.secondsSince1970 }

    /// Encodes as ISO 8601 text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }

    /// Decodes ISO 8601 text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not YYYY-MM-DDThh:mm:ssZ")
        }
        self = value
    }
}
