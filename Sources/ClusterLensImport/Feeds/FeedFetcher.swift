internal import ClusterLensCore
internal import ClusterLensSupport
internal import Foundation

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

/// Downloads SDMX-ML from SDMX REST web services into a ``FeedCache``.
///
/// - Requests ask for SDMX-ML 2.1 structure-specific data (`Accept`), allow gzip, and are
///   conditional when the cache holds the URL (`If-None-Match`, `If-Modified-Since`; a 304 keeps
///   the cached copy).
/// - Network errors, time-outs, HTTP 429 and 5xx are retried ``retries`` times, waiting ``backoff``
///   seconds, then twice that, and so on; other HTTP errors fail at once. Every error names the URL.
/// - The body is checked before it enters the cache: a gzip body is decompressed; an HTML page or
///   other non-SDMX content, an SDMX error message and HTTP errors are errors.
/// - Eurostat's asynchronous delivery — a message with only a footer of code 413 whose text gives
///   the URL where the result will be posted — is followed: that URL is polled every
///   ``asyncInterval`` seconds, at most ``asyncPolls`` times, until it serves the data.
/// - Every wait honours task cancellation, and the blocking file work runs off the cooperative pool
///   (see ``fetch(_:)``).
/// - With ``offline`` no request is made: the cached copy or an error.
public struct FeedFetcher: Sendable {
    /// Where responses are kept.
    public var cache: FeedCache
    /// Use only the cache.
    public var offline = false
    /// Seconds before a request times out (rounded up to whole seconds, at least 1).
    public var timeout: Double = 60
    /// Retries after a failed attempt.
    public var retries = 3
    /// The first wait between attempts, in seconds (doubled each time).
    public var backoff: Double = 1
    /// Polls of an asynchronous delivery's URL.
    public var asyncPolls = 60
    /// Seconds between polls.
    public var asyncInterval: Double = 10
    /// Provider names and their SDMX REST base URLs, for `provider:flow/key` sources.
    public var providers = FeedSource.providers

    /// How a fetch was served.
    public enum Status: String, Sendable {
        /// Downloaded now.
        case downloaded
        /// The server said the cached copy is current (304).
        case notModified = "not modified"
        /// Taken from the cache without asking (`offline`).
        case cached
    }

    /// What one fetch gave.
    public struct Result: Sendable {
        /// The cache entry (the body's path, SHA-256, …).
        public var entry: FeedCache.Entry
        /// How it was served.
        public var status: Status
    }

    /// A fetcher using `cache`.
    public init(cache: FeedCache) {
        self.cache = cache
    }

    /// Fetches one source into the cache.
    ///
    /// Cancelling the task stops the fetch at the next wait (a retry's back-off, an asynchronous
    /// delivery's polling interval), request or step, and leaves the cache as it was: the download
    /// is removed, nothing is stored. Writing, decompressing, checking and hashing the body run on
    /// ``ClusterLensSupport/BlockingIO``'s queue, not on the cooperative pool.
    ///
    /// - Throws: ``FeedError`` naming the URL; `cancelled` when the task was cancelled.
    public func fetch(_ source: FeedSource) async throws(FeedError) -> Result {
        let url = source.url
        // Reads a small metadata file: short enough for the pool.
        let cached = cache.entry(for: url)
        if offline {
            guard let cached else {
                throw FeedError(
                    .notCached, "not in the cache \(cache.folder) and --offline forbids fetching it", url: url)
            }
            return Result(entry: cached, status: .cached)
        }
        let response = try await request(url, conditionalOn: cached)
        if response.status == 304, let cached {
            try Self.checkCancellation(url)
            // Rewrites the small metadata file.
            return Result(entry: try cache.touch(cached, fetchedAt: Self.now()), status: .notModified)
        }
        var body = response.body
        defer { if let body { unlink(body) } }
        guard let path = body else { throw FeedError(.http, "no body", url: url) }
        if let deliveryURL = try await checkOffPool(path, url: url) {
            unlink(path)
            body = nil
            body = try await poll(deliveryURL, for: url)
        }
        guard let final = body else { throw FeedError(.asynchronous, "no delivery", url: url) }
        try Self.checkCancellation(url)
        let cache = cache
        let etag = response.etag
        let lastModified = response.lastModified
        let entry = try await BlockingIO.run { () throws(FeedError) -> FeedCache.Entry in
            try cache.store(url: url, body: final, etag: etag, lastModified: lastModified, fetchedAt: Self.now())
        }
        body = nil
        return Result(entry: entry, status: .downloaded)
    }

    private struct Response {
        var status: Int
        var body: String?
        var etag: String?
        var lastModified: String?
    }

    /// One GET with retries; the body goes to a temporary file in the cache folder.
    private func request(_ url: String, conditionalOn cached: FeedCache.Entry?) async throws(FeedError) -> Response {
        guard let address = URL(string: url), address.scheme == "http" || address.scheme == "https" else {
            throw FeedError(.source, "not an http(s) URL", url: url)
        }
        // Whole seconds: FoundationNetworking on Linux truncates a fraction (0.5 s would time out at once).
        let seconds = max(1, timeout.rounded(.up))
        var request = URLRequest(url: address, timeoutInterval: seconds)
        request.setValue(
            "application/vnd.sdmx.structurespecificdata+xml;version=2.1, application/vnd.sdmx.genericdata+xml;"
                + "version=2.1;q=0.9, application/xml;q=0.8", forHTTPHeaderField: "Accept")
        request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
        request.setValue("ClusterLens", forHTTPHeaderField: "User-Agent")
        if let etag = cached?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = cached?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds * 4
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var lastError = FeedError(.network, "no attempt made", url: url)
        for attempt in 0...max(0, retries) {
            if attempt > 0 {
                try await Self.sleep(
                    seconds: backoff * Double(1 << min(attempt - 1, 10)), url: url, while: "waiting to retry")
            }
            try Self.checkCancellation(url)
            do {
                let (data, response) = try await session.data(for: request)
                try Self.checkCancellation(url)
                guard let http = response as? HTTPURLResponse else {
                    lastError = FeedError(.network, "not an HTTP response", url: url)
                    continue
                }
                let status = http.statusCode
                if status == 304 { return Response(status: 304) }
                if status == 429 || status >= 500 {
                    lastError = FeedError(.http, "HTTP \(status) (after \(attempt + 1) attempts)", url: url)
                    continue
                }
                guard (200..<300).contains(status) else {
                    let hint = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(
                        of: "\n", with: " ")
                    throw FeedError(.http, "HTTP \(status)" + (hint.isEmpty ? "" : ": \(hint)"), url: url)
                }
                let path = try temporaryFile(for: url)
                try await BlockingIO.run { () throws(FeedError) in
                    do { try data.write(to: URL(fileURLWithPath: path)) } catch {
                        unlink(path)
                        throw FeedError(
                            .cache, "cannot write the download: \(error.localizedDescription)", url: url,
                            underlying: error)
                    }
                }
                if Task.isCancelled {
                    unlink(path)
                    throw Self.cancelled(url, while: "downloading")
                }
                return Response(
                    status: status, body: path, etag: http.value(forHTTPHeaderField: "ETag"),
                    lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
            } catch let error as FeedError {
                throw error
            } catch {
                if Task.isCancelled || error is CancellationError || (error as? URLError)?.code == .cancelled {
                    throw Self.cancelled(url, while: "downloading", underlying: error)
                }
                let timedOut = (error as? URLError)?.code == .timedOut
                lastError = FeedError(
                    .network,
                    (timedOut ? "timed out after \(Int(seconds)) s" : error.localizedDescription)
                        + " (after \(attempt + 1) attempts)", url: url, underlying: error)
            }
        }
        throw lastError
    }

    private func temporaryFile(for url: String) throws(FeedError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        } catch {
            throw FeedError(.cache, "cannot create the cache folder \(cache.folder)", url: url, underlying: error)
        }
        return cache.folder + "/.download-\(getpid())-\(UUID().uuidString)"
    }

    /// ``check(_:url:)`` on the blocking-I/O queue: it decompresses, sniffs and may parse the body.
    private func checkOffPool(_ path: String, url: String) async throws(FeedError) -> String? {
        try Self.checkCancellation(url)
        let delivery = try await BlockingIO.run { () throws(FeedError) -> String? in try Self.check(path, url: url) }
        try Self.checkCancellation(url)
        return delivery
    }

    /// Decompresses a gzip body in place and checks it is SDMX data or structure; returns the URL
    /// of an asynchronous delivery (a 413 footer) when the body announces one.
    ///
    /// The 413 announcement is looked for first; then the rule every reader of data applies
    /// (``DataMessageSummary/requireData()``) refuses an SDMX error message and any other footer-only
    /// message, with the provider's text.
    static func check(_ path: String, url: String) throws(FeedError) -> String? {
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = handle.readData(ofLength: 2)
            try? handle.close()
            if GzipDecoder.isGzip(head) {
                let plain = path + ".xml"
                do {
                    try GzipDecoder.decompress(path, to: plain)
                } catch {
                    unlink(plain)
                    throw error
                }
                guard rename(plain, path) == 0 else {
                    unlink(plain)
                    throw FeedError(.cache, "cannot replace the download", url: url)
                }
            }
        }
        let kind: SDMXMessageKind
        do {
            kind = try SDMXMessageSniffer.sniff(file: path)
        } catch let error as ImportError {
            throw FeedError(.notSDMX, "the answer is not SDMX-ML: \(error.message)", url: url, underlying: error)
        } catch {
            throw FeedError(.notSDMX, "the answer is not SDMX-ML: \(error)", url: url, underlying: error)
        }
        switch kind.category {
        case .structure, .other:
            return nil
        case .data, .error:
            // A footer-only or error answer is a few kilobytes; a large data message is not read twice
            // (the report reads it once, from the cache).
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if kind.category == .data && size > Self.fullCheckLimit { return nil }
            let summary: DataMessageSummary
            do {
                summary = try SDMXDataReader().read(file: path, into: DiscardingSink())
            } catch {
                throw FeedError(.notSDMX, "the answer cannot be read: \(error)", url: url, underlying: error)
            }
            if summary.errors.isEmpty && summary.datasets == 0,
                let note = summary.footer.first(where: { $0.code == "413" })
            {
                let texts = note.texts.map(\.text).joined(separator: " ")
                guard let delivery = Self.firstURL(in: texts) else {
                    throw FeedError(.asynchronous, "a 413 footer without a delivery URL: \(texts)", url: url)
                }
                return delivery
            }
            do {
                try summary.requireData()
            } catch {
                throw FeedError(.sdmxError, error.message, url: url, underlying: error)
            }
            return nil
        }
    }

    /// Polls an asynchronous delivery URL until it serves SDMX data; returns the body's path.
    private func poll(_ delivery: String, for url: String) async throws(FeedError) -> String {
        var last = ""
        for attempt in 0..<max(1, asyncPolls) {
            if attempt > 0 {
                try await Self.sleep(seconds: asyncInterval, url: url, while: "waiting for the delivery at \(delivery)")
            }
            do throws(FeedError) {
                let response = try await request(delivery, conditionalOn: nil)
                guard let path = response.body else { continue }
                let announced: String?
                do throws(FeedError) {
                    announced = try await checkOffPool(path, url: delivery)
                } catch {
                    unlink(path)
                    throw error
                }
                if announced == nil { return path }
                unlink(path)
                last = "still announced as pending"
            } catch {
                if error.code == .cancelled {
                    throw Self.cancelled(
                        url, while: "polling the delivery at \(delivery)", underlying: error.underlying)
                }
                if error.code != .http && error.code != .network { throw error }
                last = error.message
            }
        }
        throw FeedError(
            .asynchronous, "the delivery at \(delivery) was not ready after \(asyncPolls) polls (\(last))", url: url)
    }

    /// Waits `seconds`; cancelling the task ends the wait at once with a `cancelled` error.
    private static func sleep(seconds: Double, url: String, while activity: String) async throws(FeedError) {
        do {
            try await Task.sleep(for: .seconds(max(0, seconds)))
        } catch {
            throw cancelled(url, while: activity, underlying: error)
        }
    }

    /// Throws a `cancelled` error when the task was cancelled.
    private static func checkCancellation(_ url: String) throws(FeedError) {
        if Task.isCancelled { throw cancelled(url, while: "fetching") }
    }

    private static func cancelled(_ url: String, while activity: String, underlying: (any Error)? = nil) -> FeedError {
        FeedError(
            .cancelled, "cancelled while \(activity); nothing was cached", url: url,
            underlying: underlying ?? CancellationError())
    }

    /// Data answers up to this size are read through to find footers (a 413 announcement) and error
    /// notes; larger ones hold data and are only sniffed.
    static let fullCheckLimit = 1 << 20

    /// The first `http://` or `https://` URL in `text`.
    static func firstURL(in text: String) -> String? {
        guard let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
        let tail = text[start.lowerBound...]
        let end = tail.firstIndex { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "<" } ?? tail.endIndex
        var url = String(tail[..<end])
        while let last = url.last, ".,;)".contains(last) { url.removeLast() }
        return url
    }

    static func now() -> String { Timestamp.now().iso8601 }
}

/// A data sink that keeps nothing: used to check a message's structure and footer.
private final class DiscardingSink: SDMXDataSink {
    func beginDataset(_ header: DatasetHeader) throws {}
    func observation(_ observation: Observation) throws {}
    func endDataset() throws {}
}
