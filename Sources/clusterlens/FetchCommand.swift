import ArgumentParser
import ClusterLensImport
import ClusterLensReports
import ClusterLensSupport
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

    @Option(help: ArgumentHelp("Seconds a request may take, from the connection to the last byte.", valueName: "S"))
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

    @Option(
        name: .customLong("max-body-size"),
        help: ArgumentHelp(
            "The largest answer accepted, downloaded and decompressed: bytes, or with K, M, G (default 1G).",
            valueName: "SIZE"))
    var maxBodySize: BodySize?

    func validate() throws {
        for provider in providers where !provider.contains("=") {
            throw ValidationError("--provider takes NAME=URL, not \(provider)")
        }
        // A day bounds every wait: beyond it (or NaN, or infinite) Duration and the URL session trap.
        try Self.check("--timeout", timeout, above: 0)
        try Self.check("--backoff", backoff, from: 0)
        try Self.check("--async-interval", asyncInterval, from: 0)
        if retries < 0 || retries > 100 { throw ValidationError("--retries must be a whole number from 0 to 100") }
        if asyncPolls < 1 || asyncPolls > 100_000 {
            throw ValidationError("--async-polls must be a whole number from 1 to 100000")
        }
        if let maxBodySize, maxBodySize.bytes < 1 { throw ValidationError("--max-body-size must be above 0") }
    }

    /// The longest wait, in seconds, any option may ask for.
    static let longestWait: Double = 86_400

    /// Refuses a number of seconds that is not finite, is out of 0 (or above 0) … a day.
    private static func check(_ name: String, _ value: Double, from lowest: Double? = nil, above floor: Double? = nil)
        throws
    {
        let low = floor.map { "above \(Int($0))" } ?? "from \(Int(lowest ?? 0))"
        let message = "\(name) takes seconds \(low) to \(Int(longestWait)) (a day), not \(value)"
        guard value.isFinite, value <= longestWait else { throw ValidationError(message) }
        if let floor, value <= floor { throw ValidationError(message) }
        if let lowest, value < lowest { throw ValidationError(message) }
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
        if let maxBodySize { fetcher.maximumBodySize = maxBodySize.bytes }
        for provider in providers {
            let parts = provider.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fetcher.providers[parts[0].lowercased()] = parts[1] }
        }
        return fetcher
    }
}

/// A size in bytes given on the command line: `1048576`, `512K`, `100M`, `2G`.
struct BodySize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        guard let bytes = ByteCount.parse(argument) else { return nil }
        self.bytes = bytes
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
            that name the URL. Answers are bounded: --timeout covers the whole request, --max-body-size the \
            body downloaded and decompressed (a gzip answer may expand at most 250 times); a cut-off answer is \
            refused; redirects are followed to http(s) only, at most 5, and one to another host is said. A \
            cached copy is checked (SHA-256, place in the cache) before it is used. Prints one line per \
            source: status, path, URL.
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
                for note in result.notes { ExitStatus.printError("warning: \(source.url): \(note)") }
                print("\(result.status.rawValue)\t\(result.entry.path)\t\(source.url)")
            } catch {
                ExitStatus.report(error)
                failed = failed ?? error
            }
        }
        if let failed { throw ExitCode(ExitStatus.code(for: failed)) }
    }
}
