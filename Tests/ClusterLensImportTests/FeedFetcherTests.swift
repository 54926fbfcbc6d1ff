import ClusterLensCore
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Synchronization
import Testing

@testable import ClusterLensImport

/// Fetching feeds from a real HTTP server on loopback that each test starts and stops: the cache and
/// conditional requests, offline mode, retries, time-outs, HTML and SDMX errors, and Eurostat's
/// asynchronous (413) delivery of a gzip file.
@Suite("Feed fetcher", .serialized)
struct FeedFetcherTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))) ?? []
    }

    /// Counts calls per path (the server's route runs on its own thread).
    final class Counter: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func next(_ path: String) -> Int {
            counts.withLock { counts in
                counts[path, default: 0] += 1
                return counts[path] ?? 0
            }
        }
    }

    /// The server's base URL, known only once it listens.
    final class Base: Sendable {
        private let text = Mutex("")
        var value: String {
            get { text.withLock { $0 } }
            set { text.withLock { $0 = newValue } }
        }
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        // The input goes through a file: writing megabytes into a pipe while gzip's output pipe
        // fills, unread, would block both sides.
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString)")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "gzip failed"])
        }
        return [UInt8](data)
    }

    /// The server of these tests.
    static func server() throws -> TestHTTPServer {
        let data = fixture("data/v21-ss.xml")
        let error = fixture("data/v21-error.xml")
        let zipped = try gzip(data)
        let counter = Counter()
        let serverBase = Base()
        let server = try TestHTTPServer { request in
            let count = counter.next(request.path)
            switch request.path {
            case "/rest/data/ok":
                if request.headers["if-none-match"] == "\"v1\"" {
                    return .init(status: 304, headers: ["ETag": "\"v1\""])
                }
                return .init(status: 200, headers: ["ETag": "\"v1\"", "Content-Type": "application/xml"], body: data)
            case "/rest/data/flaky":
                return count <= 2 ? .init(status: 503) : .init(status: 200, body: data)
            case "/rest/data/slow":
                return .init(status: 200, body: data, delay: 2.5)
            case "/rest/data/html":
                return .init(
                    status: 200, headers: ["Content-Type": "text/html"],
                    body: Array("<html><body>Maintenance</body></html>".utf8))
            case "/rest/data/error":
                return .init(status: 200, body: error)
            case "/rest/data/missing":
                return .init(status: 404, body: Array("No such dataflow".utf8))
            case "/rest/data/async":
                let footer = String(decoding: fixture("data/v21-footer-only.xml"), as: UTF8.self).replacingOccurrences(
                    of: "https://dissemination.example.org/sdmx/async/file/7f3c2a9e-REG_EMP.xml.gz",
                    with: serverBase.value + "/files/ready.xml.gz")
                return .init(status: 200, body: Array(footer.utf8))
            case "/files/ready.xml.gz":
                // Not ready, then cut off on the way (half the gzip file, no Content-Length), then ready.
                switch count {
                case 1: return .init(status: 404)
                case 2:
                    return .init(
                        status: 200, body: Array(zipped.prefix(zipped.count / 2)), announcedLength: -1)
                default: return .init(status: 200, body: zipped)
                }
            case "/rest/data/down":
                return .init(status: 503)
            case "/rest/data/async-never":
                let footer = String(decoding: fixture("data/v21-footer-only.xml"), as: UTF8.self).replacingOccurrences(
                    of: "https://dissemination.example.org/sdmx/async/file/7f3c2a9e-REG_EMP.xml.gz",
                    with: serverBase.value + "/files/never.xml.gz")
                return .init(status: 200, body: Array(footer.utf8))
            default:
                return .init(status: 404)
            }
        }
        serverBase.value = server.base
        return server
    }

    static func fetcher(_ folder: String) -> FeedFetcher {
        var fetcher = FeedFetcher(cache: FeedCache(folder: folder))
        fetcher.backoff = 0.05
        fetcher.retries = 3
        fetcher.timeout = 5
        fetcher.asyncInterval = 0.05
        fetcher.asyncPolls = 5
        return fetcher
    }

    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func aFetchIsCachedWithItsFingerprintAndRefreshedConditionally() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fetcher = Self.fetcher(folder)
        let source = try FeedSource("test:ok", providers: ["test": server.base + "/rest"])
        #expect(source.url == server.base + "/rest/data/ok")
        let first = try await fetcher.fetch(source)
        #expect(first.status == .downloaded)
        #expect(first.entry.etag == "\"v1\"")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.entry.path)) == Data(Self.fixture("data/v21-ss.xml")))
        #expect(
            first.entry.sha256
                == (try SHA256.hexDigest(ofFile: Self.fixtures.appendingPathComponent("data/v21-ss.xml").path)))
        let second = try await fetcher.fetch(source)
        #expect(second.status == .notModified)
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")
        #expect(server.requests.first?.headers["accept"]?.contains("structurespecificdata") == true)
        var offline = fetcher
        offline.offline = true
        let requestsBefore = server.requests.count
        #expect(try await offline.fetch(source).status == .cached)
        #expect(server.requests.count == requestsBefore, "offline makes no request")
        await #expect(throws: FeedError.self) {
            _ = try await offline.fetch(try FeedSource(server.base + "/rest/data/flaky"))
        }
    }

    @Test func failuresAreRetriedWithBackOff() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await Self.fetcher(folder).fetch(try FeedSource(server.base + "/rest/data/flaky"))
        #expect(result.status == .downloaded)
        #expect(server.requests.filter { $0.path == "/rest/data/flaky" }.count == 3, "two 503s, then data")
    }

    @Test(
        "Errors name the URL and say what went wrong",
        arguments: [
            ("/rest/data/html", FeedError.Code.notSDMX, "not SDMX-ML"),
            ("/rest/data/error", .sdmxError, "error"),
            ("/rest/data/missing", .http, "HTTP 404: No such dataflow"),
            ("/rest/data/slow", .network, "timed out"),
        ])
    func errors(_ path: String, _ code: FeedError.Code, _ fragment: String) async throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var fetcher = Self.fetcher(folder)
        fetcher.timeout = 1
        fetcher.retries = 1
        do {
            _ = try await fetcher.fetch(try FeedSource(server.base + path))
            Issue.record("no error for \(path)")
        } catch {
            #expect(error.code == code, "\(error)")
            #expect(error.url == server.base + path)
            #expect(error.message.contains(fragment), "\(error)")
        }
        #expect(FeedCache(folder: folder).entry(for: server.base + path) == nil, "nothing bad enters the cache")
        if path == "/rest/data/missing" {
            #expect(server.requests.count == 1, "a 404 is not retried")
        }
    }

    /// The 413 flow: the query answers with a footer naming a delivery URL; the first poll gets 404, the
    /// second an answer cut off on the way (polled again, as a request is retried), the third the gzip
    /// file, which is decompressed and cached under the query's URL.
    @Test func anAsynchronousDeliveryIsFollowedUntilReady() async throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = server.base + "/rest/data/async"
        let result = try await Self.fetcher(folder).fetch(try FeedSource(url))
        #expect(result.status == .downloaded)
        #expect(result.entry.url == url)
        #expect(try Data(contentsOf: URL(fileURLWithPath: result.entry.path)) == Data(Self.fixture("data/v21-ss.xml")))
        #expect(server.requests.filter { $0.path == "/files/ready.xml.gz" }.count == 3)
    }

    /// Every file of the cache folder (hidden ones included) with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }

    /// Waits (at most 10 s) until the server has answered `count` requests for `path`.
    static func waitForRequests(_ server: TestHTTPServer, path: String, count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while server.requests.filter({ $0.path == path }).count < count && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(server.requests.filter { $0.path == path }.count >= count, "no request for \(path)")
    }

    /// Cancelling a fetch while it waits — a 30 s retry back-off after a 503, or a 30 s interval between
    /// polls of an asynchronous delivery — ends it within a second with a `cancelled` error, makes no
    /// further request and leaves the cache (which already holds another feed) byte for byte as it was.
    @Test(
        "A cancelled fetch stops during its wait and leaves the cache unchanged",
        arguments: [
            ("/rest/data/down", "/rest/data/down", "cancelled while waiting to retry"),
            ("/rest/data/async-never", "/files/never.xml.gz", "cancelled while waiting for the delivery at "),
        ])
    func cancellationDuringAWait(_ path: String, _ waitedOn: String, _ message: String) async throws {
        let server = try Self.server()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var fetcher = Self.fetcher(folder)
        _ = try await fetcher.fetch(try FeedSource(server.base + "/rest/data/ok"))
        let before = try Self.snapshot(folder)
        #expect(before.count == 2, "a body and its metadata: \(before.keys.sorted())")
        fetcher.backoff = 30
        fetcher.asyncInterval = 30
        let url = server.base + path
        let task = Task { try await fetcher.fetch(try FeedSource(url)) }
        try await Self.waitForRequests(server, path: waitedOn, count: 1)
        try await Task.sleep(for: .milliseconds(100))  // into the wait
        let requests = server.requests.count
        let start = ContinuousClock.now
        task.cancel()
        let result = await task.result
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(1), "stopped after \(elapsed)")
        switch result {
        case .success(let fetched):
            Issue.record("the cancelled fetch succeeded: \(fetched.entry.path)")
        case .failure(let error):
            let feedError = try #require(error as? FeedError, "\(error)")
            #expect(feedError.code == .cancelled)
            #expect(feedError.url == url)
            #expect(feedError.message.hasPrefix(message), "\(feedError.message)")
            #expect(feedError.causes.contains { $0 is CancellationError }, "\(feedError.causes)")
        }
        #expect(server.requests.count == requests, "no request after the cancellation")
        #expect(try Self.snapshot(folder) == before, "the cache changed")
        #expect(FeedCache(folder: folder).entry(for: url) == nil)
    }

    /// An SDMX error answer and a footer-only answer (not a 413) are refused by the importer's rule,
    /// ``DataMessageSummary/requireData()``, with its text and the import error underneath.
    @Test func errorAndFooterAnswersAreRefusedByTheImportersRule() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let footer = String(decoding: Self.fixture("data/v21-footer-only.xml"), as: UTF8.self)
            .replacingOccurrences(of: "code=\"413\"", with: "code=\"500\"")
        let cases: [(name: String, bytes: [UInt8], message: String)] = [
            (
                "error.xml", Self.fixture("data/v21-error.xml"),
                "the provider sent an SDMX error message: [100] No results found for query "
                    + "REG_EMP/A.C29.ES99.THS_PER & period 1990-1995"
            ),
            (
                "footer.xml", Array(footer.utf8),
                "no data, only a footer message: [500 Infomation] The requested extraction"
            ),
        ]
        for entry in cases {
            let path = folder + "/" + entry.name
            try Data(entry.bytes).write(to: URL(fileURLWithPath: path))
            let error = try #require(throws: FeedError.self) {
                try FeedFetcher.check(path, url: "http://x/" + entry.name)
            }
            #expect(error.code == .sdmxError)
            #expect(error.url == "http://x/" + entry.name)
            #expect(error.message.hasPrefix(entry.message), "\(error.message)")
            #expect((error.underlying as? ImportError)?.code == .sdmxErrorMessage)
        }
    }

    @Test func sourcesFollowTheSDMXRestGrammar() throws {
        #expect(
            try FeedSource("estat:sbs_r_nuts2021/A.EMP_LOC_NR..ES51?startPeriod=2015").url
                == "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/sbs_r_nuts2021/A.EMP_LOC_NR..ES51?startPeriod=2015"
        )
        #expect(try FeedSource("ECB:EXR").url == "https://data-api.ecb.europa.eu/service/data/EXR")
        #expect(FeedSource.isFeed("estat:x") && FeedSource.isFeed("https://x") && !FeedSource.isFeed("data/a.xml"))
        #expect(throws: FeedError.self) { try FeedSource("nowhere:x") }
        #expect(FeedFetcher.firstURL(in: "posted at https://a.b/c.xml.gz.") == "https://a.b/c.xml.gz")
    }
}
