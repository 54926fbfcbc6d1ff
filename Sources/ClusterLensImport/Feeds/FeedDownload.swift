import CLibCurl
internal import ClusterLensSupport
internal import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP GET through libcurl whose body streams into a file, bounded in size and in time.
///
/// - The body is written to the file as it arrives: libcurl reads from the network only as fast as
///   the file takes it, so memory does not grow with the answer. Past `limit` bytes, or when a
///   `Content-Length` announces more, the transfer stops with ``FeedError/Code/tooLarge``.
/// - `timeout` bounds the whole request, redirects included, from the connection to the last byte:
///   a server that drips one byte a second is stopped when it runs out.
/// - A body shorter than its `Content-Length`, or a chunked body without its end, is
///   ``FeedError/Code/truncated``.
/// - Redirects are followed only to `http` and `https` URLs, at most ``maximumRedirects`` times; the
///   target is checked as the server sent it (a `file:` URL is refused, never resolved or read).
/// - Every write is a `write(2)` whose failure (a full disk) becomes a ``FeedError/Code/cache`` error.
/// - `cancellation` is looked at about every second and after each chunk: a cancelled download
///   stops with ``FeedError/Code/cancelled``.
///
/// The body is sent as the server sent it (a gzip file stays compressed; ``GzipDecoder`` expands it
/// within its limits). The caller removes the file when the outcome is not a success.
enum FeedDownload {
    /// The most redirects followed for one request.
    static let maximumRedirects = 5

    /// What the server answered.
    struct Outcome: Sendable {
        /// The HTTP status of the last answer.
        var status = 0
        /// `ETag` and `Last-Modified` of the last answer.
        var etag: String?
        var lastModified: String?
        /// The first bytes of an error answer (not 2xx), for the message.
        var errorBody: [UInt8] = []
        /// The URLs redirected to, in order.
        var redirects: [String] = []
        /// Bytes of the last answer's body.
        var received = 0
    }

    /// A flag a task sets when it is cancelled, read by the transfer on its own thread.
    final class Cancellation: Sendable {
        private let flag = Atomic(false)
        var isCancelled: Bool { flag.load(ordering: .relaxed) }
        func cancel() { flag.store(true, ordering: .relaxed) }
    }

    private static let initialized: Bool = cl_curl_global_init() == CURLE_OK

    /// Downloads `url` into `path` (created, or emptied), blocking the calling thread.
    ///
    /// - Parameters:
    ///   - headers: Request headers, `Name: value`.
    ///   - limit: The most body bytes.
    ///   - timeout: Seconds for the whole request, redirects included.
    /// - Throws: ``FeedError``: `network` (no answer, time-out), `tooLarge`, `truncated`, `redirect`,
    ///   `cache` (the file cannot be written), `cancelled`.
    static func run(
        url: String, headers: [String], path: String, limit: Int, timeout: Double, cancellation: Cancellation
    ) throws(FeedError) -> Outcome {
        guard initialized, let handle = curl_easy_init() else {
            throw FeedError(.network, "libcurl cannot be started", url: url)
        }
        defer { curl_easy_cleanup(handle) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw FeedError(.cache, "cannot create the download: \(String(cString: strerror(errno)))", url: url)
        }
        defer { close(descriptor) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }

        let transfer = Transfer(url: url, descriptor: descriptor, limit: limit, cancellation: cancellation)
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        var target = url
        var redirects: [String] = []
        return try withExtendedLifetime(transfer) { () throws(FeedError) -> Outcome in
            let userData = Unmanaged.passUnretained(transfer).toOpaque()
            while true {
                let remaining = deadline - ContinuousClock.now
                let (seconds, attoseconds) = remaining.components
                let milliseconds = max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
                configure(handle, url: target, headers: list, milliseconds: milliseconds, userData: userData)
                try transfer.restart()
                let code = curl_easy_perform(handle)
                if let failure = transfer.failure { throw failure }
                if cancellation.isCancelled {
                    throw FeedError(
                        .cancelled, "cancelled while downloading; nothing was cached", url: url,
                        underlying: CancellationError())
                }
                guard code == CURLE_OK else { throw error(code, handle: handle, transfer: transfer, timeout: timeout) }
                let status = Int(cl_curl_response_code(handle))
                guard (300..<400).contains(status) && status != 304, let next = cl_curl_redirect_url(handle) else {
                    var outcome = transfer.outcome
                    outcome.status = status
                    outcome.redirects = redirects
                    return outcome
                }
                let location = String(cString: next)
                let scheme = location.prefix { $0 != ":" }.lowercased()
                guard scheme == "http" || scheme == "https" else {
                    throw FeedError(.redirect, "redirected to \(location): only http and https are followed", url: url)
                }
                guard redirects.count < maximumRedirects else {
                    throw FeedError(
                        .redirect, "more than \(maximumRedirects) redirects (the last to \(location))", url: url)
                }
                redirects.append(location)
                target = location
            }
        }
    }

    private static func configure(
        _ handle: UnsafeMutableRawPointer, url: String, headers: UnsafeMutablePointer<curl_slist>?,
        milliseconds: Int, userData: UnsafeMutableRawPointer
    ) {
        _ = cl_curl_set_string(handle, CURLOPT_URL, url)
        _ = cl_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = cl_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = cl_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = cl_curl_set_long(handle, CURLOPT_TIMEOUT_MS, milliseconds)
        _ = cl_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
        _ = cl_curl_set_list(handle, CURLOPT_HTTPHEADER, headers)
        _ = cl_curl_set_string(handle, CURLOPT_USERAGENT, "ClusterLens")
        cl_curl_set_callbacks(
            handle,
            { bytes, size, count, userData in
                guard let bytes, let userData else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue()
                return transfer.body(UnsafeRawBufferPointer(start: bytes, count: size * count)) ? size * count : 0
            },
            { bytes, size, count, userData in
                guard let bytes, let userData else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue()
                let line = UnsafeRawBufferPointer(start: bytes, count: size * count)
                return transfer.header(String(decoding: line, as: UTF8.self)) ? size * count : 0
            },
            { userData, _, _, _, _ in
                guard let userData else { return 1 }
                return Unmanaged<Transfer>.fromOpaque(userData).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
            },
            userData)
    }

    /// The error of a failed transfer that did not record its own.
    private static func error(
        _ code: CURLcode, handle: UnsafeMutableRawPointer, transfer: Transfer, timeout: Double
    ) -> FeedError {
        let url = transfer.url
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return FeedError(.network, "timed out after \(seconds(timeout)) s (the whole request)", url: url)
        case CURLE_PARTIAL_FILE:
            let announced = cl_curl_content_length(handle)
            let detail = announced >= 0 ? ": \(transfer.outcome.received) of the \(announced) bytes announced" : ""
            return FeedError(.truncated, "the answer was cut off\(detail)", url: url)
        default:
            let text = curl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
            return FeedError(.network, text, url: url)
        }
    }

    /// `12` for 12.0, `0.5` for 0.5.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// The state of one download that libcurl's callbacks share (one thread: the one running it).
private final class Transfer {
    let url: String
    let descriptor: Int32
    let limit: Int
    let cancellation: FeedDownload.Cancellation
    var outcome = FeedDownload.Outcome()
    var failure: FeedError?
    private var status = 0

    init(url: String, descriptor: Int32, limit: Int, cancellation: FeedDownload.Cancellation) {
        self.url = url
        self.descriptor = descriptor
        self.limit = limit
        self.cancellation = cancellation
    }

    /// Empties the file and the answer before a request (the first, or after a redirect).
    func restart() throws(FeedError) {
        outcome = FeedDownload.Outcome()
        status = 0
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw cacheError("cannot empty the download")
        }
    }

    /// One header line; `false` stops the transfer.
    func header(_ line: String) -> Bool {
        if line.hasPrefix("HTTP/") {
            // A new answer (after a 100 Continue, say): its headers start again.
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            outcome.etag = nil
            outcome.lastModified = nil
            return true
        }
        let bytes = Array(line.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return true }
        let name = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let rest = bytes[(colon + 1)...]
        let value = String(
            decoding: rest.drop(while: isBlank).reversed().drop(while: isBlank).reversed(), as: UTF8.self)
        switch name {
        case "etag": outcome.etag = value
        case "last-modified": outcome.lastModified = value
        case "content-length" where (200..<300).contains(status):
            if let announced = Int(value), announced > limit {
                failure = FeedError(
                    .tooLarge,
                    "the answer announces \(ByteCount.description(announced)), over the limit of "
                        + "\(ByteCount.description(limit)) (raise it with --max-body-size)", url: url)
                return false
            }
        default: break
        }
        return !cancellation.isCancelled
    }

    /// A piece of the body; `false` stops the transfer.
    func body(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !cancellation.isCancelled else { return false }
        outcome.received += bytes.count
        guard (200..<300).contains(status) else {
            // An error answer or a redirect: keep the first bytes for the message.
            outcome.errorBody += bytes.prefix(max(0, 200 - outcome.errorBody.count))
            return outcome.received <= limit
        }
        guard outcome.received <= limit else {
            failure = FeedError(
                .tooLarge,
                "the answer is over the limit of \(ByteCount.description(limit)) (raise it with --max-body-size)",
                url: url)
            return false
        }
        let failed = POSIX.writeAll(descriptor, UnsafeRawBufferPointer(bytes))
        if failed != 0 {
            errno = failed
            failure = cacheError("cannot write the download")
            return false
        }
        return true
    }

    private func cacheError(_ action: String) -> FeedError {
        FeedError(.cache, "\(action) in the cache folder: \(String(cString: strerror(errno)))", url: url)
    }
}
