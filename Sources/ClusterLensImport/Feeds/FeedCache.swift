internal import ClusterLensSupport
internal import Foundation

/// A folder of fetched feeds: for each URL the response body (`KEY.xml`) and what is known of it
/// (`KEY.json`: URL, fetch time, ETag, Last-Modified, SHA-256), KEY being the first 32 hex digits of
/// the URL's SHA-256. Files are written to temporary names and renamed into place.
public struct FeedCache: Sendable {
    /// The folder.
    public let folder: String

    /// What the cache knows of one URL.
    public struct Entry: Sendable, Equatable, Codable {
        /// The URL.
        public var url: String
        /// When it was fetched or last confirmed unchanged (ISO 8601 UTC).
        public var fetchedAt: String
        /// The server's ETag, for `If-None-Match`.
        public var etag: String?
        /// The server's Last-Modified, for `If-Modified-Since`.
        public var lastModified: String?
        /// The SHA-256 of the stored body.
        public var sha256: String
        /// The stored body's path.
        public var path: String
    }

    /// A cache in `folder` (created when first written).
    public init(folder: String) {
        self.folder = folder
    }

    /// The cache folder used when none is given: `$CLUSTERLENS_CACHE`, else `$XDG_CACHE_HOME/clusterlens`,
    /// else `~/.cache/clusterlens`.
    public static var defaultFolder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["CLUSTERLENS_CACHE"] { return folder }
        if let folder = environment["XDG_CACHE_HOME"] { return folder + "/clusterlens" }
        return NSHomeDirectory() + "/.cache/clusterlens"
    }

    /// The file-name key of a URL.
    public func key(for url: String) -> String {
        let hash = SHA256()
        hash.update(Array(url.utf8))
        return String(hash.hexDigest().prefix(32))
    }

    /// The body path of a URL.
    public func bodyPath(for url: String) -> String { folder + "/" + key(for: url) + ".xml" }
    private func metadataPath(for url: String) -> String { folder + "/" + key(for: url) + ".json" }

    /// The entry of a URL, if cached and its body passes the checks of ``verifiedEntry(for:)``.
    public func entry(for url: String) -> Entry? {
        try? verifiedEntry(for: url)
    }

    /// The entry of a URL, checked before it is trusted: the body read is always the cache's own file for
    /// that URL, worked out from the URL (a path in the metadata is never followed, and the same cache
    /// reached under another spelling of its folder still serves), and its SHA-256 is the one recorded
    /// when it was fetched.
    ///
    /// - Returns: `nil` when the URL is not cached.
    /// - Throws: ``FeedError`` (`cache`) for a copy that fails a check: metadata that cannot be read
    ///   or that names another URL, a missing body, a body changed since it was fetched.
    public func verifiedEntry(for url: String) throws(FeedError) -> Entry? {
        let metadata = metadataPath(for: url)
        guard let data = FileManager.default.contents(atPath: metadata) else { return nil }
        let recorded: Entry
        do { recorded = try JSONDecoder().decode(Entry.self, from: data) } catch {
            throw FeedError(.cache, "the cache metadata \(metadata) cannot be read: fetch the feed again", url: url)
        }
        guard recorded.url == url else {
            throw FeedError(.cache, "the cache metadata \(metadata) is for another URL (\(recorded.url))", url: url)
        }
        var entry = recorded
        let path = bodyPath(for: url)
        entry.path = path
        let digest: String
        do { digest = try SHA256.hexDigest(ofFile: path) } catch {
            throw FeedError(.cache, "the cached copy \(path) cannot be read: \(error)", url: url, underlying: error)
        }
        guard digest == entry.sha256 else {
            throw FeedError(
                .cache,
                "the cached copy \(path) was changed since it was fetched (SHA-256 \(digest.prefix(12))…, "
                    + "recorded \(entry.sha256.prefix(12))…): fetch it again", url: url)
        }
        return entry
    }

    /// Stores a downloaded body (moved from `temporary`) and its metadata.
    ///
    /// - Throws: ``FeedError`` (`cache`) when the folder cannot be written.
    public func store(
        url: String, body temporary: String, etag: String?, lastModified: String?, fetchedAt: String
    ) throws(FeedError) -> Entry {
        let path = bodyPath(for: url)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let digest = try SHA256.hexDigest(ofFile: temporary)
            guard rename(temporary, path) == 0 else {
                throw FeedError(
                    .cache, "cannot move the download into the cache: \(String(cString: strerror(errno)))", url: url)
            }
            TemporaryFiles.unregister(temporary)
            let entry = Entry(
                url: url, fetchedAt: fetchedAt, etag: etag, lastModified: lastModified, sha256: digest, path: path)
            try write(entry)
            return entry
        } catch let error as FeedError {
            throw error
        } catch {
            throw FeedError(.cache, "cannot write the cache folder \(folder): \(error)", url: url)
        }
    }

    /// Records that a cached URL was confirmed unchanged (HTTP 304) at `fetchedAt`.
    public func touch(_ entry: Entry, fetchedAt: String) throws(FeedError) -> Entry {
        var updated = entry
        updated.fetchedAt = fetchedAt
        do { try write(updated) } catch { throw FeedError(.cache, "cannot update the cache: \(error)", url: entry.url) }
        return updated
    }

    private func write(_ entry: Entry) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = metadataPath(for: entry.url) + ".tmp-\(getpid())"
        try encoder.encode(entry).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, metadataPath(for: entry.url)) == 0 else {
            throw FeedError(.cache, "cannot rename the metadata into place", url: entry.url)
        }
    }
}
