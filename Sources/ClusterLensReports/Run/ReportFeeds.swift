public import ClusterLensImport

/// Fetches the feeds a report definition names (through the cache) and adds the cached files to its
/// data files.
public enum ReportFeeds {
    /// The definition with its feeds fetched and appended to ``ReportDefinition/dataFiles``.
    ///
    /// - Throws: ``ClusterLensImport/FeedError`` naming the URL of the first feed that fails.
    public static func resolve(_ definition: ReportDefinition, with fetcher: FeedFetcher) async throws(FeedError)
        -> ReportDefinition
    {
        var resolved = definition
        for feed in definition.feeds {
            let result = try await fetcher.fetch(try FeedSource(feed, providers: fetcher.providers))
            if !resolved.dataFiles.contains(result.entry.path) { resolved.dataFiles.append(result.entry.path) }
        }
        resolved.feeds = []
        return resolved
    }
}
