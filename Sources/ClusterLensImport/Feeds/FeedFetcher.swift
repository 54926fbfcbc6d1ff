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
    /// - Throws: ``FeedError`` naming the URL.
    public func fetch(_ source: FeedSource) async throws(FeedError) -> Result {
        let url = source.url
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
            return Result(entry: try cache.touch(cached, fetchedAt: Self.now()), status: .notModified)
        }
        var body = response.body
        defer { if let body { unlink(body) } }
        guard let path = body else { throw FeedError(.http, "no body", url: url) }
        if let deliveryURL = try check(path, url: url) {
            unlink(path)
            body = try await poll(deliveryURL, for: url)
        }
        guard let final = body else { throw FeedError(.asynchronous, "no delivery", url: url) }
        let entry = try cache.store(
            url: url, body: final, etag: response.etag, lastModified: response.lastModified, fetchedAt: Self.now())
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
                let wait = backoff * Double(1 << min(attempt - 1, 10))
                try? await Task.sleep(nanoseconds: UInt64(wait * 1e9))
            }
            do {
                let (data, response) = try await session.data(for: request)
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
                do { try data.write(to: URL(fileURLWithPath: path)) } catch {
                    throw FeedError(.cache, "cannot write the download: \(error.localizedDescription)", url: url)
                }
                return Response(
                    status: status, body: path, etag: http.value(forHTTPHeaderField: "ETag"),
                    lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
            } catch let error as FeedError {
                throw error
            } catch {
                let timedOut = (error as? URLError)?.code == .timedOut
                lastError = FeedError(
                    .network,
                    (timedOut ? "timed out after \(Int(seconds)) s" : error.localizedDescription)
                        + " (after \(attempt + 1) attempts)", url: url)
            }
        }
        throw lastError
    }

    private func temporaryFile(for url: String) throws(FeedError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        } catch {
            throw FeedError(.cache, "cannot create the cache folder \(cache.folder)", url: url)
        }
        return cache.folder + "/.download-\(getpid())-\(UUID().uuidString)"
    }

    /// Decompresses a gzip body in place and checks it is SDMX data or structure; returns the URL
    /// of an asynchronous delivery (a 413 footer) when the body announces one.
    private func check(_ path: String, url: String) throws(FeedError) -> String? {
        if let handle = FileHandle(forReadingAtPath: path) {
            let head = handle.readData(ofLength: 2)
            try? handle.close()
            if GzipDecoder.isGzip(head) {
                let plain = path + ".xml"
                try GzipDecoder.decompress(path, to: plain)
                guard rename(plain, path) == 0 else { throw FeedError(.cache, "cannot replace the download", url: url) }
            }
        }
        let kind: SDMXMessageKind
        do {
            kind = try SDMXMessageSniffer.sniff(file: path)
        } catch let error as ImportError {
            throw FeedError(.notSDMX, "the answer is not SDMX-ML: \(error.message)", url: url)
        } catch {
            throw FeedError(.notSDMX, "the answer is not SDMX-ML: \(error)", url: url)
        }
        switch kind.category {
        case .structure, .other:
            return nil
        case .error:
            throw FeedError(.sdmxError, "the provider sent an SDMX error message: \(errorText(path))", url: url)
        case .data:
            // A footer-only or error answer is a few kilobytes; a large data message is not read twice
            // (the report reads it once, from the cache).
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size > Self.fullCheckLimit { return nil }
            let summary: DataMessageSummary
            do {
                summary = try SDMXDataReader().read(file: path, into: DiscardingSink())
            } catch {
                throw FeedError(.notSDMX, "the answer cannot be read: \(error)", url: url)
            }
            if !summary.errors.isEmpty {
                throw FeedError(
                    .sdmxError,
                    "the provider sent an error: " + summary.errors.map(\.description).joined(separator: "; "),
                    url: url)
            }
            if summary.datasets == 0, let note = summary.footer.first(where: { $0.code == "413" }) {
                let texts = note.texts.map(\.text).joined(separator: " ")
                guard let delivery = Self.firstURL(in: texts) else {
                    throw FeedError(.asynchronous, "a 413 footer without a delivery URL: \(texts)", url: url)
                }
                return delivery
            }
            if summary.datasets == 0, !summary.footer.isEmpty {
                throw FeedError(
                    .sdmxError, "no data, only a footer: " + summary.footer.map(\.description).joined(separator: "; "),
                    url: url)
            }
            return nil
        }
    }

    /// Polls an asynchronous delivery URL until it serves SDMX data; returns the body's path.
    private func poll(_ delivery: String, for url: String) async throws(FeedError) -> String {
        var last = ""
        for attempt in 0..<max(1, asyncPolls) {
            if attempt > 0 { try? await Task.sleep(nanoseconds: UInt64(asyncInterval * 1e9)) }
            do {
                let response = try await request(delivery, conditionalOn: nil)
                guard let path = response.body else { continue }
                if try check(path, url: delivery) == nil { return path }
                unlink(path)
                last = "still announced as pending"
            } catch {
                if error.code != .http && error.code != .network { throw error }
                last = error.message
            }
        }
        throw FeedError(
            .asynchronous, "the delivery at \(delivery) was not ready after \(asyncPolls) polls (\(last))", url: url)
    }

    private func errorText(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let text = String(decoding: data.prefix(4000), as: UTF8.self)
        guard let start = text.range(of: "Text"), let open = text[start.upperBound...].firstIndex(of: ">"),
            let close = text[open...].firstIndex(of: "<")
        else { return "" }
        return String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespacesAndNewlines)
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
