public import ClusterLensCore

/// An error fetching a statistical feed: every error names the URL.
public struct FeedError: ChainedError, Sendable, Equatable {
    /// The kind of error; stable, for exit statuses.
    public enum Code: String, Sendable, Equatable {
        /// A source that is neither a URL nor `provider:flow[/key]`, or an unknown provider.
        case source
        /// The server answered with an HTTP error status.
        case http
        /// No answer: connection refused, DNS, time-out (after the retries).
        case network
        /// The answer is not SDMX-ML (an HTML error page, other content).
        case notSDMX
        /// The answer is an SDMX error message.
        case sdmxError
        /// `--offline` and the cache has no copy.
        case notCached
        /// An asynchronous delivery (413) that did not become ready in time.
        case asynchronous
        /// A compressed answer that cannot be decompressed.
        case decompression
        /// The cache cannot be read or written, or a cached copy fails its check (changed since it
        /// was fetched, or metadata for another URL).
        case cache
        /// The answer (or its decompressed content) is over the size limit, or expands more than a
        /// compressed SDMX-ML file can.
        case tooLarge
        /// The answer was cut off: shorter than its `Content-Length`, or a gzip file or XML document
        /// that stops before its end.
        case truncated
        /// A redirect that is not followed: to another scheme than http(s), or too many.
        case redirect
        /// The task fetching was cancelled (the underlying error is the `CancellationError`); nothing
        /// entered the cache.
        case cancelled

        /// Whether trying again may give another result: no answer, or an answer cut off on the way.
        /// A request is retried on these, and a delivery being polled is polled again.
        public var isTransient: Bool { self == .network || self == .truncated }
    }

    /// The kind of error.
    public var code: Code
    /// One line of explanation.
    public var message: String
    /// The URL (or the source as given).
    public var url: String
    /// The error that caused this one, if any.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, url: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.url = url
        self.underlying = underlying
    }

    /// `URL: message`.
    public var description: String { "\(url): \(message)" }

    /// Equal when code, message and URL are (the underlying error is not compared).
    public static func == (left: FeedError, right: FeedError) -> Bool {
        left.code == right.code && left.message == right.message && left.url == right.url
    }
}
