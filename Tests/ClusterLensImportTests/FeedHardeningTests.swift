import ClusterLensCore
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensImport

/// Hostile or broken servers (issue 15): endless and dripping bodies, decompression bombs, bodies cut
/// off, redirects to other schemes and hosts, and a cache edited behind the tool's back. Each fetch
/// fails with a typed error naming the URL, within its time-out, and leaves the cache as it was.
@Suite("Feed hardening", .serialized)
struct FeedHardeningTests {
    static let data = FeedFetcherTests.fixture("data/v21-ss.xml")

    static func fetcher(_ folder: String, timeout: Double = 5) -> FeedFetcher {
        var fetcher = FeedFetcher(cache: FeedCache(folder: folder))
        fetcher.backoff = 0.05
        fetcher.retries = 0
        fetcher.timeout = timeout
        fetcher.asyncInterval = 0.05
        fetcher.asyncPolls = 3
        return fetcher
    }

    /// Fetches `path` from `server` and returns the error; records an issue when it succeeds.
    static func failure(
        _ fetcher: FeedFetcher, _ url: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> FeedError? {
        do {
            let result = try await fetcher.fetch(try FeedSource(url))
            Issue.record("no error for \(url): \(result.status)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// A temporary cache folder that starts empty; `files` lists what is in it, hidden files included.
    struct Folder {
        let path: String
        init() throws { path = try FeedFetcherTests.folder() }
        var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("An endless body stops at the size limit, having written no more than the limit, and leaves nothing")
    func endlessBodyStopsAtTheLimit() async throws {
        let chunk = [UInt8](repeating: 0x20, count: 64 << 10)
        let server = try TestHTTPServer { _ in
            .init(status: 200, streaming: .stream(chunk: Array("<x>".utf8) + chunk, count: 1 << 16, interval: 0))
        }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        var fetcher = Self.fetcher(folder.path, timeout: 30)
        fetcher.maximumBodySize = 4 << 20
        let error = try #require(await Self.failure(fetcher, server.base + "/endless"))
        #expect(error.code == .tooLarge, "\(error)")
        #expect(error.message == "the answer is over the limit of 4 MiB (raise it with --max-body-size)")
        #expect(server.bodyBytesSent < 64 << 20, "the transfer went on after the limit: \(server.bodyBytesSent)")
        #expect(folder.files == [], "left behind: \(folder.files)")
    }

    @Test("A Content-Length over the limit is refused before the body is read")
    func announcedLengthOverTheLimitIsRefused() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, body: Self.data) }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        var fetcher = Self.fetcher(folder.path)
        fetcher.maximumBodySize = 1000
        let error = try #require(await Self.failure(fetcher, server.base + "/big"))
        #expect(error.code == .tooLarge)
        #expect(
            error.message
                == "the answer announces 2.9 KiB, over the limit of 1000 bytes (raise it with --max-body-size)")
        #expect(folder.files == [])
    }

    @Test("--timeout bounds the whole request: a server dripping a byte every 0.2 s is stopped on time")
    func drippingServerIsStoppedByTheTimeout() async throws {
        let server = try TestHTTPServer { _ in
            .init(status: 200, streaming: .stream(chunk: [0x20], count: 300, interval: 0.2))
        }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let start = ContinuousClock.now
        let error = try #require(await Self.failure(Self.fetcher(folder.path, timeout: 2), server.base + "/drip"))
        let elapsed = ContinuousClock.now - start
        #expect(error.code == .network)
        #expect(error.message.hasPrefix("timed out after 2 s (the whole request)"), "\(error)")
        // The message says the whole-request time-out fired (an idle time-out never would: a byte comes
        // every 0.2 s, for 60 s); a loaded test machine may resume the task late, hence the margin.
        #expect(elapsed < .seconds(30), "took \(elapsed)")
        #expect(folder.files == [])
    }

    /// 64 MiB of one repeated line, gzipped: about 200 KiB, an expansion of about 300.
    static let bomb: [UInt8] = {
        let line = Array("<Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"1\"/>\n".utf8)
        var plain: [UInt8] = []
        plain.reserveCapacity(64 << 20)
        while plain.count < 64 << 20 { plain += line }
        return (try? FeedFetcherTests.gzip(plain)) ?? []
    }()

    @Test("A gzip answer that expands more than 250 times is refused as a bomb, leaving nothing")
    func gzipBombIsRefused() async throws {
        try #require(Self.bomb.count > 100_000, "gzip made the bomb")
        let server = try TestHTTPServer { _ in .init(status: 200, body: Self.bomb) }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let error = try #require(await Self.failure(Self.fetcher(folder.path), server.base + "/bomb.xml.gz"))
        #expect(error.code == .tooLarge)
        #expect(error.url == server.base + "/bomb.xml.gz", "the error names the URL, not a temporary file")
        #expect(error.message.contains("expands more than 250 times"), "\(error)")
        #expect(folder.files == [], "left behind: \(folder.files)")
    }

    @Test("A gzip answer that expands past the size limit is refused, leaving nothing")
    func gzipPastTheLimitIsRefused() async throws {
        try #require(Self.bomb.count > 100_000, "gzip made the bomb")
        let server = try TestHTTPServer { _ in .init(status: 200, body: Self.bomb) }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        var fetcher = Self.fetcher(folder.path)
        fetcher.maximumBodySize = 8 << 20
        let error = try #require(await Self.failure(fetcher, server.base + "/bomb.xml.gz"))
        #expect(error.code == .tooLarge)
        #expect(error.message == "the gzip answer expands past the limit of 8 MiB (raise it with --max-body-size)")
        #expect(folder.files == [])
    }

    @Test("A truncated gzip answer names the URL and leaves nothing")
    func truncatedGzipNamesTheURL() async throws {
        let zipped = try FeedFetcherTests.gzip(Self.data)
        let server = try TestHTTPServer { _ in .init(status: 200, body: Array(zipped.prefix(zipped.count / 2))) }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let url = server.base + "/cut.xml.gz"
        let error = try #require(await Self.failure(Self.fetcher(folder.path), url))
        #expect(error.code == .truncated)
        #expect(error.description == "\(url): the gzip data are cut off")
        #expect(folder.files == [])
    }

    @Test(
        "A body cut off is refused, with or without a Content-Length, and never cached",
        arguments: [true, false])
    func truncatedBodyIsRefused(announced: Bool) async throws {
        let half = Array(Self.data.prefix(Self.data.count / 2))
        let server = try TestHTTPServer { _ in
            .init(status: 200, body: half, announcedLength: announced ? Self.data.count : -1)
        }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let url = server.base + "/cut"
        let error = try #require(await Self.failure(Self.fetcher(folder.path), url))
        if announced {
            #expect(error.code == .truncated, "\(error)")
            #expect(error.message.contains("of the \(Self.data.count) bytes announced"), "\(error)")
        } else {
            #expect(error.code == .truncated, "\(error)")
            #expect(error.message.hasPrefix("the answer is not whole: "), "\(error)")
        }
        #expect(FeedCache(folder: folder.path).entry(for: url) == nil)
        #expect(folder.files == [])
    }

    @Test("A whole answer that is wrong in its middle is refused as not well-formed, not retried as cut off")
    func malformedBodyIsNotTruncated() async throws {
        let text = String(decoding: Self.data, as: UTF8.self)
        let closing = try #require(text.range(of: "</"))
        let wrong = Array(text.replacingCharacters(in: closing, with: "</x").utf8)
        let server = try TestHTTPServer { _ in .init(status: 200, body: wrong) }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let error = try #require(await Self.failure(Self.fetcher(folder.path), server.base + "/wrong"))
        #expect(error.code == .notSDMX, "\(error)")
        #expect(error.message.hasPrefix("the answer is not well-formed XML: line "), "\(error)")
        #expect(!error.message.contains(".download-"), "no temporary file named: \(error)")
        #expect(folder.files == [])
    }

    @Test("A redirect to file:///etc/hostname is refused, and no request for it reaches the server")
    func redirectToAFileURLIsRefused() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/etc/hostname"
                ? .init(status: 200, body: Self.data)
                : .init(status: 302, headers: ["Location": "file:///etc/hostname"])
        }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let error = try #require(await Self.failure(Self.fetcher(folder.path), server.base + "/moved"))
        #expect(error.code == .redirect)
        #expect(error.message == "redirected to file:///etc/hostname: only http and https are followed")
        #expect(!server.requests.contains { $0.path == "/etc/hostname" })
        #expect(folder.files == [])
    }

    @Test("Redirects are followed at most five times")
    func redirectLoopsStop() async throws {
        let server = try TestHTTPServer { request in
            let next = (Int(request.path.dropFirst(6)) ?? 0) + 1
            return .init(status: 302, headers: ["Location": "/loop/\(next)"])
        }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let error = try #require(await Self.failure(Self.fetcher(folder.path), server.base + "/loop/0"))
        #expect(error.code == .redirect)
        #expect(error.message.hasPrefix("more than 5 redirects"), "\(error)")
        #expect(server.requests.count == 6)
    }

    @Test("A redirect to another host is followed and said")
    func crossHostRedirectIsSaid() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/data"
                ? .init(status: 200, body: Self.data)
                : .init(status: 301, headers: ["Location": "REPLACE"])
        }
        defer { server.stop() }
        // 127.0.0.1 and localhost are two hosts to the URL, one server on loopback.
        let other = "http://localhost:\(server.port)/data"
        let redirecting = try TestHTTPServer { _ in .init(status: 301, headers: ["Location": other]) }
        defer { redirecting.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let result = try await Self.fetcher(folder.path).fetch(try FeedSource(redirecting.base + "/moved"))
        #expect(result.status == .downloaded)
        #expect(result.notes == ["redirected to another host: \(other)"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: result.entry.path)) == Data(Self.data))
    }

    @Test("A cached body edited after the fetch is refused offline and fetched again online")
    func editedCachedBodyIsNotServed() async throws {
        let server = try TestHTTPServer { request in
            request.headers["if-none-match"] == "\"v1\""
                ? .init(status: 304, headers: ["ETag": "\"v1\""])
                : .init(status: 200, headers: ["ETag": "\"v1\""], body: Self.data)
        }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let url = server.base + "/data"
        var fetcher = Self.fetcher(folder.path)
        let first = try await fetcher.fetch(try FeedSource(url))
        try Data("<edited/>".utf8).write(to: URL(fileURLWithPath: first.entry.path))
        fetcher.offline = true
        let error = try #require(await Self.failure(fetcher, url))
        #expect(error.code == .cache)
        #expect(error.message.contains("was changed since it was fetched"), "\(error)")
        fetcher.offline = false
        let again = try await fetcher.fetch(try FeedSource(url))
        #expect(again.status == .downloaded, "not a conditional request: the copy failed its check")
        #expect(server.requests.last?.headers["if-none-match"] == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again.entry.path)) == Data(Self.data))
    }

    @Test("Cache metadata pointing outside the cache is never followed")
    func metadataPathOutsideTheCacheIsRefused() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, body: Self.data) }
        defer { server.stop() }
        let folder = try Folder()
        defer { folder.remove() }
        let url = server.base + "/data"
        var fetcher = Self.fetcher(folder.path)
        let first = try await fetcher.fetch(try FeedSource(url))
        let metadata = folder.path + "/" + fetcher.cache.key(for: url) + ".json"
        var entry = try JSONDecoder().decode(
            FeedCache.Entry.self, from: Data(contentsOf: URL(fileURLWithPath: metadata)))
        #expect(entry.path == first.entry.path)
        entry.path = "/etc/hostname"
        entry.sha256 = try SHA256.hexDigest(ofFile: "/etc/hostname")
        try JSONEncoder().encode(entry).write(to: URL(fileURLWithPath: metadata))
        fetcher.offline = true
        let error = try #require(await Self.failure(fetcher, url))
        #expect(error.code == .cache)
        // The cache's own copy is hashed, not the file the metadata names: its digest is not the recorded one.
        #expect(error.message.hasPrefix("the cached copy \(first.entry.path) was changed since it was fetched"))
    }

    @Test("The same cache reached under another spelling of its folder serves its copy offline")
    func cacheUnderAnotherSpelling() async throws {
        let server = try TestHTTPServer { _ in .init(status: 200, body: Self.data) }
        let folder = try Folder()
        defer { folder.remove() }
        let url = server.base + "/data"
        _ = try await Self.fetcher(folder.path).fetch(try FeedSource(url))
        server.stop()
        var other = Self.fetcher(folder.path + "/./")
        other.offline = true
        let cached = try await other.fetch(try FeedSource(url))
        #expect(cached.entry.path == folder.path + "/.//" + other.cache.key(for: url) + ".xml")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cached.entry.path)) == Data(Self.data))
    }

    @Test("An asynchronous delivery that answers with an HTML page leaves no file in the cache")
    func deliveryAnsweringHTMLLeavesNothing() async throws {
        let base = FeedFetcherTests.Base()
        let server = try TestHTTPServer { request in
            if request.path == "/files/page" {
                return .init(status: 200, body: Array("<html><body>Not ready</body></html>".utf8))
            }
            let footer = String(decoding: FeedFetcherTests.fixture("data/v21-footer-only.xml"), as: UTF8.self)
                .replacingOccurrences(
                    of: "https://dissemination.example.org/sdmx/async/file/7f3c2a9e-REG_EMP.xml.gz",
                    with: base.value + "/files/page")
            return .init(status: 200, body: Array(footer.utf8))
        }
        defer { server.stop() }
        base.value = server.base
        let folder = try Folder()
        defer { folder.remove() }
        let error = try #require(await Self.failure(Self.fetcher(folder.path), server.base + "/async"))
        #expect(error.code == .notSDMX, "\(error)")
        #expect(folder.files == [], "left behind: \(folder.files)")
    }
}
