/// Where a feed comes from: a URL, or `provider:flow[/key][?query]` expanded with the provider's
/// SDMX 2.1 REST base URL into `BASE/data/FLOW/KEY?QUERY` (the SDMX REST grammar).
public struct FeedSource: Sendable, Equatable, CustomStringConvertible {
    /// The URL to fetch.
    public var url: String
    /// The source as given.
    public var text: String

    /// The presets: SDMX 2.1 REST base URLs of the main providers (override with `--provider NAME=URL`).
    public static let providers: [String: String] = [
        "estat": "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1",
        "ecb": "https://data-api.ecb.europa.eu/service",
        "oecd": "https://sdmx.oecd.org/public/rest",
        "imf": "https://sdmxcentral.imf.org/ws/public/sdmxapi/rest",
        "ilo": "https://sdmx.ilo.org/rest",
        "insee": "https://api.insee.fr/series/BDM/V1",
        "istat": "https://esploradati.istat.it/SDMXWS/rest",
    ]

    /// Whether `text` names a feed rather than a file: a URL (`http://`, `https://`) or
    /// `provider:flow…` with a known provider.
    public static func isFeed(_ text: String, providers: [String: String] = providers) -> Bool {
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return true }
        guard let colon = text.firstIndex(of: ":") else { return false }
        return providers[String(text[..<colon]).lowercased()] != nil
    }

    /// Parses a source.
    ///
    /// - Throws: ``FeedError`` (`source`) for an unknown provider or a missing dataflow.
    public init(_ text: String, providers: [String: String] = providers) throws(FeedError) {
        self.text = text
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            url = text
            return
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw FeedError(.source, "expected a URL or provider:flow/key (e.g. estat:sbs_r_nuts2021)", url: text)
        }
        let name = String(text[..<colon]).lowercased()
        guard let base = providers[name] else {
            let known = providers.keys.sorted().joined(separator: ", ")
            throw FeedError(
                .source, "unknown provider \"\(name)\" (known: \(known); add one with --provider NAME=URL)", url: text)
        }
        let rest = text[text.index(after: colon)...]
        let path = rest.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let query =
            rest.contains("?") ? "?" + (rest.split(separator: "?", maxSplits: 1).last.map(String.init) ?? "") : ""
        guard let flow = path.split(separator: "/").first, !flow.isEmpty else {
            throw FeedError(.source, "no dataflow after \"\(name):\"", url: text)
        }
        let key = path.split(separator: "/").dropFirst().first.map { "/" + $0 } ?? ""
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        url = "\(trimmed)/data/\(flow)\(key)\(query)"
    }

    public var description: String { url }
}
