internal import Foundation

/// The time stamps ClusterLens writes (reports, run records, the feed cache): ISO 8601 in UTC to the
/// second, such as `2026-11-25T07:30:00Z`.
package enum Timestamp {
    /// The current time.
    package static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
