import ArgumentParser
import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensReports
import Foundation

/// `clusterlens map [CATEGORIES] --data FILE... [--level 2] [--format csv,json,xml,html]`.
struct MapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Rate every cluster category in every region of the data: indicators, stars and classes.",
        discussion: """
            CATEGORIES is a category file (YAML: categories with id, name and sectors); without it, the \
            shipped 51 traded-cluster categories at NACE division level (Indicators/categories/\
            traded-clusters.yaml, which says what the approximation loses). Every category is computed in \
            every region of the data at --level (NUTS 2 by default; extra-regio codes left out), with the \
            region's country as reference area, then given European Cluster Observatory stars and U.S. \
            Cluster Mapping classes measured against the same category in all regions. Writes NAME.csv (and \
            NAME-thresholds.csv), NAME.json, NAME.xml and NAME.html into --out; --boundaries takes a GeoJSON \
            file of NUTS regions (GISCO's NUTS_RG_20M_2021_4326_LEVL_2.geojson) for a map of stars in the HTML.
            """)

    @Argument(
        help: ArgumentHelp("A category file (YAML); default: the shipped traded clusters.", valueName: "CATEGORIES"))
    var categories: String?

    @OptionGroup var input: DataOptions

    @Option(help: "The NUTS level of the regions (0–3).")
    var level = 2

    @Option(
        help: ArgumentHelp(
            "Indicator ids, comma-separated (default: \(ClusterMapBuilder.defaultIndicators.joined(separator: ","))).",
            valueName: "ID,..."))
    var indicators: String?

    @Option(help: ArgumentHelp("A period such as 2021 (default: each indicator's latest).", valueName: "P"))
    var period: String?

    @Option(help: ArgumentHelp("Formats, comma-separated: csv, json, xml, html (default: all).", valueName: "F,..."))
    var format: String?

    @Option(help: ArgumentHelp("The output folder.", valueName: "DIR"))
    var out = "out"

    @Option(help: ArgumentHelp("The file name without extension.", valueName: "NAME"))
    var name = "cluster-map"

    @Option(
        help: ArgumentHelp(
            "A GeoJSON file or URL of NUTS region outlines for the HTML map (a URL is fetched through the feed cache).",
            valueName: "FILE|URL"))
    var boundaries: String?

    @OptionGroup var feeds: FeedOptions

    func validate() throws {
        guard (0...3).contains(level) else { throw ValidationError("--level must be 0, 1, 2 or 3, not \(level)") }
        if let period, (try? TimePeriod(period)) == nil {
            throw ValidationError("--period: \"\(period)\" is not a period such as 2021")
        }
    }

    /// The boundaries file: as given, or a URL's body from the feed cache (fetched, or reused when
    /// current, as `fetch` does; `--offline` takes the cached copy).
    static func boundariesFile(_ source: String, feeds: FeedOptions) async throws -> String {
        guard source.hasPrefix("http://") || source.hasPrefix("https://") else { return source }
        var fetcher = feeds.fetcher()
        fetcher.bodyKind = .geoJSON
        let result = try await fetcher.fetch(try FeedSource(source))
        for note in result.notes { ExitStatus.printError("warning: \(source): \(note)") }
        return result.entry.path
    }

    func run() async throws {
        let diagnostics = Diagnostics { ExitStatus.report($0) }
        do {
            guard let categoriesFile = categories ?? ClusterCategory.bundledFile else {
                throw ValidationError("the shipped category file was not found: give a CATEGORIES file")
            }
            var boundariesFile: String?
            if let boundaries { boundariesFile = try await Self.boundariesFile(boundaries, feeds: feeds) }
            let runner = ClusterMapRunner(
                categoriesFile: categoriesFile, dataFiles: input.files, dataflow: input.dataflow, level: level,
                indicatorIDs: indicators.map {
                    $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                    ?? ClusterMapBuilder.defaultIndicators,
                period: try period.map { try TimePeriod($0) },
                formats: format.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                    ?? ClusterMapRunner.formats,
                folder: out, name: name, boundariesFile: boundariesFile)
            for (format, path) in try await runner.run(diagnostics: diagnostics) { print("\(format)\t\(path)") }
            ReportOutputOptions.summarise(diagnostics.all)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
