internal import ClusterLensCore
internal import ClusterLensSupport
internal import ClusterLensXML
internal import Foundation

/// Downloads SDMX-ML from SDMX REST web services into a ``FeedCache``.
///
/// - Requests ask for SDMX-ML 2.1 structure-specific data (`Accept`), allow gzip, and are
///   conditional when the cache holds the URL (`If-None-Match`, `If-Modified-Since`; a 304 keeps
///   the cached copy).
/// - Network errors, time-outs, cut-off answers, HTTP 429 and 5xx are retried ``retries`` times,
///   waiting ``backoff`` seconds, then twice that, and so on; other HTTP errors fail at once. Every
///   error names the URL.
/// - Answers are bounded (``FeedDownload``): ``timeout`` covers the whole request, the body streams
///   to a file within ``maximumBodySize``, redirects go to http(s) only, at most five.
/// - The body is checked before it enters the cache: a gzip body is decompressed within
///   ``maximumBodySize`` and ``maximumExpansion``; the document must be whole; an HTML page or
///   other non-SDMX content, an SDMX error message and HTTP errors are errors.
/// - A cached copy is used only once ``FeedCache/verifiedEntry(for:)`` has checked it.
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
    /// Seconds a request may take, from the connection to the last byte of the body.
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
    /// The largest body accepted, in bytes, as downloaded and once decompressed (1 GiB by default).
    public var maximumBodySize = 1 << 30
    /// How many times its size a gzip body may expand once past its first 10 MiB (250 by default;
    /// SDMX-ML compresses 10 to 60 times, a decompression bomb about 1,000).
    public var maximumExpansion = 250

    /// What the body must be.
    public enum BodyKind: String, Sendable {
        /// An SDMX-ML data or structure message (every feed of statistics).
        case sdmx
        /// A GeoJSON feature collection (region outlines, such as GISCO's NUTS boundaries).
        case geoJSON
    }

    /// What the body must be (SDMX-ML by default); anything else is refused as `notSDMX`.
    public var bodyKind = BodyKind.sdmx

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
        /// What the user should know of how it was served: a redirect or a delivery on another host
        /// (`redirected to another host: https://…`).
        public var notes: [String] = []
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
        let cache = cache
        // The cached copy is checked (its SHA-256, its place in the cache) before it is used or
        // revalidated; hashing runs off the cooperative pool.
        let verified = await BlockingIO.run { () -> Swift.Result<FeedCache.Entry?, FeedError> in
            Swift.Result { () throws(FeedError) -> FeedCache.Entry? in try cache.verifiedEntry(for: url) }
        }
        if offline {
            guard let cached = try verified.get() else {
                throw FeedError(
                    .notCached, "not in the cache \(cache.folder) and --offline forbids fetching it", url: url)
            }
            return Result(entry: cached, status: .cached)
        }
        // Online, a copy that fails its check is fetched again without a conditional request.
        let cached = try? verified.get()
        let response = try await request(url, conditionalOn: cached)
        var notes = Self.notes(url: url, redirects: response.redirects)
        if response.status == 304, let cached {
            try Self.checkCancellation(url)
            // Rewrites the small metadata file.
            return Result(entry: try cache.touch(cached, fetchedAt: Self.now()), status: .notModified, notes: notes)
        }
        var body = response.body
        defer { if let body { TemporaryFiles.remove(body) } }
        guard let path = body else { throw FeedError(.http, "HTTP \(response.status) without a body", url: url) }
        if let deliveryURL = try await checkOffPool(path, url: url) {
            TemporaryFiles.remove(path)
            body = nil
            notes += Self.notes(url: url, redirects: [deliveryURL], what: "the delivery is on another host")
            body = try await poll(deliveryURL, for: url)
        }
        guard let final = body else { throw FeedError(.asynchronous, "no delivery", url: url) }
        try Self.checkCancellation(url)
        let etag = response.etag
        let lastModified = response.lastModified
        let entry = try await BlockingIO.run { () throws(FeedError) -> FeedCache.Entry in
            try cache.store(url: url, body: final, etag: etag, lastModified: lastModified, fetchedAt: Self.now())
        }
        body = nil
        return Result(entry: entry, status: .downloaded, notes: notes)
    }

    /// A note for each URL in `redirects` on another host than `url`'s.
    static func notes(url: String, redirects: [String], what: String = "redirected to another host") -> [String] {
        let host = URL(string: url)?.host?.lowercased()
        return redirects.filter { URL(string: $0)?.host?.lowercased() != host }.map { "\(what): \($0)" }
    }

    private struct Response {
        var status: Int
        var body: String?
        var etag: String?
        var lastModified: String?
        var redirects: [String] = []
    }

    /// One GET with retries; the body goes to a temporary file in the cache folder.
    private func request(_ url: String, conditionalOn cached: FeedCache.Entry?) async throws(FeedError) -> Response {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw FeedError(.source, "not an http(s) URL", url: url)
        }
        var headers = [
            "Accept: application/vnd.sdmx.structurespecificdata+xml;version=2.1, "
                + "application/vnd.sdmx.genericdata+xml;version=2.1;q=0.9, application/xml;q=0.8",
            // A gzip answer is kept compressed as sent; GzipDecoder expands it within the limits.
            "Accept-Encoding: gzip",
        ]
        if let etag = cached?.etag { headers.append("If-None-Match: \(etag)") }
        if let modified = cached?.lastModified { headers.append("If-Modified-Since: \(modified)") }
        var lastError = FeedError(.network, "no attempt made", url: url)
        for attempt in 0...max(0, retries) {
            if attempt > 0 {
                try await Self.sleep(
                    seconds: backoff * Double(1 << min(attempt - 1, 10)), url: url, while: "waiting to retry")
            }
            try Self.checkCancellation(url)
            let path = try temporaryFile(for: url)
            let outcome: FeedDownload.Outcome
            do throws(FeedError) {
                outcome = try await download(url, headers: headers, into: path)
            } catch {
                TemporaryFiles.remove(path)
                guard error.code.isTransient else { throw error }
                lastError = FeedError(
                    error.code, error.message + Self.attempts(attempt + 1), url: url, underlying: error.underlying)
                continue
            }
            let status = outcome.status
            guard (200..<300).contains(status) else {
                TemporaryFiles.remove(path)
                if status == 304 { return Response(status: 304, redirects: outcome.redirects) }
                if status == 429 || status >= 500 {
                    lastError = FeedError(.http, "HTTP \(status)" + Self.attempts(attempt + 1), url: url)
                    continue
                }
                let hint = String(decoding: outcome.errorBody, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
                throw FeedError(.http, "HTTP \(status)" + (hint.isEmpty ? "" : ": \(hint)"), url: url)
            }
            return Response(
                status: status, body: path, etag: outcome.etag, lastModified: outcome.lastModified,
                redirects: outcome.redirects)
        }
        throw lastError
    }

    /// ` (after 1 attempt)`, ` (after 3 attempts)`.
    private static func attempts(_ count: Int) -> String {
        count == 1 ? " (after 1 attempt)" : " (after \(count) attempts)"
    }

    /// ``FeedDownload`` on the blocking-I/O queue, stopped when the task is cancelled.
    private func download(_ url: String, headers: [String], into path: String) async throws(FeedError)
        -> FeedDownload.Outcome
    {
        let cancellation = FeedDownload.Cancellation()
        let (limit, seconds) = (maximumBodySize, timeout)
        let result = await withTaskCancellationHandler {
            await BlockingIO.run { () -> Swift.Result<FeedDownload.Outcome, FeedError> in
                Swift.Result { () throws(FeedError) -> FeedDownload.Outcome in
                    try FeedDownload.run(
                        url: url, headers: headers, path: path, limit: limit, timeout: seconds,
                        cancellation: cancellation)
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }

    private func temporaryFile(for url: String) throws(FeedError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        } catch {
            throw FeedError(.cache, "cannot create the cache folder \(cache.folder)", url: url, underlying: error)
        }
        let path = cache.folder + "/.download-\(getpid())-\(UUID().uuidString)"
        TemporaryFiles.register(path)
        return path
    }

    /// ``check(_:url:)`` on the blocking-I/O queue: it decompresses, sniffs and may parse the body.
    private func checkOffPool(_ path: String, url: String) async throws(FeedError) -> String? {
        try Self.checkCancellation(url)
        let limits = (maximumBodySize, maximumExpansion)
        let kind = bodyKind
        let delivery = try await BlockingIO.run { () throws(FeedError) -> String? in
            guard kind == .sdmx else {
                try Self.checkGeoJSON(path, url: url, limit: limits.0, expansion: limits.1)
                return nil
            }
            return try Self.check(path, url: url, limit: limits.0, expansion: limits.1)
        }
        try Self.checkCancellation(url)
        return delivery
    }

    /// Decompresses a gzip body in place and checks it is a whole GeoJSON feature collection.
    static func checkGeoJSON(_ path: String, url: String, limit: Int, expansion: Int) throws(FeedError) {
        if GzipDecoder.isGzip(file: path) {
            try GzipDecoder.decompress(path, to: path, url: url, limit: limit, expansion: expansion)
        }
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], root["features"] is [Any]
        else {
            throw FeedError(
                .notSDMX, "the answer is not a whole GeoJSON feature collection (expected \"features\")", url: url)
        }
    }

    /// Decompresses a gzip body in place and checks it is SDMX data or structure, whole; returns the URL
    /// of an asynchronous delivery (a 413 footer) when the body announces one.
    ///
    /// The 413 announcement is looked for first; then the rule every reader of data applies
    /// (``DataMessageSummary/requireData()``) refuses an SDMX error message and any other footer-only
    /// message, with the provider's text. A larger data message is parsed to its end without being
    /// interpreted, so a body cut off without a `Content-Length` is refused (``FeedError/Code/truncated``).
    ///
    /// - Parameters:
    ///   - limit: The most bytes the decompressed body may hold.
    ///   - expansion: How many times its size a gzip body may expand (past its first 10 MiB).
    static func check(_ path: String, url: String, limit: Int = 1 << 30, expansion: Int = 250) throws(FeedError)
        -> String?
    {
        if GzipDecoder.isGzip(file: path) {
            try GzipDecoder.decompress(path, to: path, url: url, limit: limit, expansion: expansion)
        }
        let kind: SDMXMessageKind
        do {
            kind = try SDMXMessageSniffer.sniff(file: path)
        } catch let error as ImportError {
            throw FeedError(.notSDMX, "the answer is not SDMX-ML: \(error.message)", url: url, underlying: error)
        } catch {
            throw FeedError(.notSDMX, "the answer is not SDMX-ML: \(error)", url: url, underlying: error)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        switch kind.category {
        case .structure, .other:
            try checkWellFormed(path, url: url)
            return nil
        case .data where size > Self.fullCheckLimit:
            // A large data message is not interpreted twice (the report reads it once, from the cache).
            try checkWellFormed(path, url: url)
            return nil
        case .data, .error:
            let summary: DataMessageSummary
            do {
                summary = try SDMXDataReader().read(file: path, into: DiscardingSink())
            } catch let error as ImportError where error.code == .malformedXML {
                throw Self.notWellFormed(
                    (error.underlying as? XMLError)?.endsEarly == true, error.message, error.line, url)
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

    /// Parses the body to its end without interpreting it: a document cut off (a connection closed
    /// early, without a `Content-Length`) is ``FeedError/Code/truncated``, any other error in it
    /// ``FeedError/Code/notSDMX``.
    private static func checkWellFormed(_ path: String, url: String) throws(FeedError) {
        do {
            try XMLStreamParser.checkWellFormed(file: path)
        } catch {
            throw notWellFormed(error.endsEarly, error.message, error.line, url, underlying: error)
        }
    }

    /// The error of an answer that is not well-formed XML, at its line (the temporary file it was read
    /// from is gone): `truncated` when it is only cut off, else `notSDMX`.
    private static func notWellFormed(
        _ endsEarly: Bool, _ message: String, _ line: Int, _ url: String, underlying: (any Error)? = nil
    ) -> FeedError {
        let place = line > 0 ? "line \(line): " : ""
        return endsEarly
            ? FeedError(.truncated, "the answer is not whole: \(place)\(message)", url: url, underlying: underlying)
            : FeedError(
                .notSDMX, "the answer is not well-formed XML: \(place)\(message)", url: url, underlying: underlying)
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
                    TemporaryFiles.remove(path)
                    throw error
                }
                if announced == nil { return path }
                TemporaryFiles.remove(path)
                last = "still announced as pending"
            } catch {
                if error.code == .cancelled {
                    throw Self.cancelled(
                        url, while: "polling the delivery at \(delivery)", underlying: error.underlying)
                }
                // Not ready yet (an HTTP error), or an answer lost or cut off on the way: poll again.
                if error.code != .http && !error.code.isTransient { throw error }
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

/// An XML handler that does nothing: the parse only checks that the document is whole and well-formed.

/// A data sink that keeps nothing: used to check a message's structure and footer.
private final class DiscardingSink: SDMXDataSink {
    func beginDataset(_ header: DatasetHeader) throws {}
    func observation(_ observation: Observation) throws {}
    func endDataset() throws {}
}
