import ArgumentParser
import ClusterLensImport
import ClusterLensReports
import Foundation

/// The options of every command that reads feeds: the cache, offline mode, providers, time-outs.
struct FeedOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("The cache folder (default: $CLUSTERLENS_CACHE or ~/.cache/clusterlens).", valueName: "DIR"))
    var cache: String?

    @Flag(help: "Use only the cache; never fetch.")
    var offline = false

    @Option(
        name: .customLong("provider"),
        help: ArgumentHelp(
            "A provider's SDMX REST base URL, NAME=URL; repeatable (overrides a preset).", valueName: "NAME=URL"))
    var providers: [String] = []

    @Option(help: ArgumentHelp("Seconds before a request times out.", valueName: "S"))
    var timeout: Double = 60

    @Option(help: ArgumentHelp("Retries after a failed request (network error, 429, 5xx).", valueName: "N"))
    var retries = 3

    @Option(help: ArgumentHelp("Seconds of the first wait between retries (doubled each time).", valueName: "S"))
    var backoff: Double = 1

    @Option(
        name: .customLong("async-interval"),
        help: ArgumentHelp("Seconds between polls of an asynchronous (413) delivery.", valueName: "S"))
    var asyncInterval: Double = 10

    @Option(
        name: .customLong("async-polls"), help: ArgumentHelp("Polls of an asynchronous delivery.", valueName: "N"))
    var asyncPolls = 60

    func validate() throws {
        for provider in providers where !provider.contains("=") {
            throw ValidationError("--provider takes NAME=URL, not \(provider)")
        }
        if timeout <= 0 { throw ValidationError("--timeout must be above 0") }
        if retries < 0 { throw ValidationError("--retries must be 0 or more") }
    }

    /// The fetcher these options describe.
    func fetcher() -> FeedFetcher {
        var fetcher = FeedFetcher(cache: FeedCache(folder: cache ?? FeedCache.defaultFolder))
        fetcher.offline = offline
        fetcher.timeout = timeout
        fetcher.retries = retries
        fetcher.backoff = backoff
        fetcher.asyncInterval = asyncInterval
        fetcher.asyncPolls = asyncPolls
        for provider in providers {
            let parts = provider.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fetcher.providers[parts[0].lowercased()] = parts[1] }
        }
        return fetcher
    }
}

/// `clusterlens fetch SOURCE... [--offline] [--cache DIR]`.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download SDMX-ML from SDMX REST web services into the local cache.",
        discussion: """
            A SOURCE is a URL or provider:flow[/key][?query], expanded with the provider's SDMX 2.1 REST base URL \
            into BASE/data/FLOW/KEY?QUERY (presets: estat, ecb, oecd, imf, ilo, insee, istat). Each response is \
            kept in the cache with its URL, fetch time, ETag, Last-Modified and SHA-256; a cached URL is \
            refreshed with a conditional request. Eurostat's asynchronous delivery (a 413 footer with a URL) is \
            followed until the file is ready. HTML error pages, SDMX error messages and HTTP errors are errors \
            that name the URL. Prints one line per source: status, path, URL.
            """)

    @Argument(help: ArgumentHelp("URLs or provider:flow/key.", valueName: "SOURCE"))
    var sources: [String]

    @OptionGroup var feeds: FeedOptions

    func run() async throws {
        let fetcher = feeds.fetcher()
        var failed: (any Error)?
        for text in sources {
            do {
                let source = try FeedSource(text, providers: fetcher.providers)
                let result = try await fetcher.fetch(source)
                print("\(result.status.rawValue)\t\(result.entry.path)\t\(source.url)")
            } catch {
                ExitStatus.report(error)
                failed = failed ?? error
            }
        }
        if let failed { throw ExitCode(ExitStatus.code(for: failed)) }
    }
}
