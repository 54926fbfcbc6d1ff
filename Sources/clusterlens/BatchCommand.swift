import ArgumentParser
import ClusterLensCore
import ClusterLensReports
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `clusterlens batch MANIFEST [--jobs N]`.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run many reports from a manifest; a failing report never stops the others.",
        discussion: """
            MANIFEST (YAML) lists report definitions (reports:), or one template definition applied to cluster \
            files (template: and clusters:), and optionally outputs (folder, formats) and jobs. Each distinct set \
            of data files is read once for the whole batch; reports run in parallel up to --jobs, each writing \
            into FOLDER/REPORT-ID/. A definition that cannot be read fails its own report and the others still \
            run (--fail-fast stops instead). A progress bar shows on a terminal (plain lines otherwise), a \
            summary table follows, and FOLDER/run-record.json records every input and output with its SHA-256. \
            The exit status is 1 when any report failed.
            """)

    @Argument(help: ArgumentHelp("A batch manifest (YAML).", valueName: "MANIFEST"))
    var manifest: String

    @Option(help: ArgumentHelp("Reports run at once (default: the manifest's jobs, else 1).", valueName: "N"))
    var jobs: Int?

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("A folder of exporter plug-ins, searched before PATH; repeatable.", valueName: "DIR"))
    var pluginFolders: [String] = []

    @OptionGroup var feeds: FeedOptions

    @Flag(
        name: .customLong("fail-fast"),
        help: "Stop at the first broken definition, and start no report after one has failed.")
    var failFast = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let startedAt = Timestamp.now()
        let batch: BatchManifest
        do {
            batch = try BatchManifest.load(file: manifest, failFast: failFast)
        } catch {
            throw ExitStatus.fail(error)
        }
        let parallel = jobs ?? batch.jobs
        let runner = BatchRunner(
            runner: ReportRunner(pluginFolders: pluginFolders, fetcher: feeds.fetcher()), failFast: failFast)
        let terminal = TerminalProgress()
        let outcomes = await runner.run(
            batch, jobs: parallel, generatedAt: startedAt,
            observer: { report, diagnostic in
                terminal.clear()
                ExitStatus.printError("\(report): \(diagnostic)")
            }
        ) { outcome, done, total in
            let status = outcome.succeeded ? "ok" : "FAILED"
            if terminal.enabled {
                terminal.draw("\(outcome.id) \(status)", done: done, total: total)
            } else {
                FileHandle.standardError.write(
                    Data(
                        "[\(done)/\(total)] \(outcome.id): \(status) (\(String(format: "%.2f", outcome.seconds)) s)\n"
                            .utf8))
            }
        }
        let parts = start.duration(to: clock.now).components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        print(Self.summary(outcomes, seconds: seconds, jobs: parallel))
        let record = (batch.outputFolder as NSString).appendingPathComponent("run-record.json")
        do {
            try FileManager.default.createDirectory(atPath: batch.outputFolder, withIntermediateDirectories: true)
            try RunRecord.write(
                to: record, manifest: batch, outcomes: outcomes, jobs: parallel, startedAt: startedAt,
                finishedAt: Timestamp.now(), seconds: seconds, toolVersion: ClusterLensVersion.current)
            print("run record: \(record)")
        } catch {
            throw ExitStatus.fail(error)
        }
        for outcome in outcomes where !outcome.succeeded {
            for error in outcome.errors { ExitStatus.printError("error: \(outcome.id): \(error)") }
        }
        if outcomes.contains(where: { !$0.succeeded }) { throw ExitCode(1) }
    }

    /// The table printed at the end: report, status, seconds, outputs.
    static func summary(_ outcomes: [BatchRunner.Outcome], seconds: Double, jobs: Int) -> String {
        let width = max(6, outcomes.map(\.id.count).max() ?? 0)
        var lines = [
            "report".padding(toLength: width, withPad: " ", startingAt: 0) + "  status  seconds  outputs"
        ]
        for outcome in outcomes {
            let status = (outcome.succeeded ? "ok" : "failed").padding(toLength: 6, withPad: " ", startingAt: 0)
            let time = String(format: "%7.2f", outcome.seconds)
            lines.append(
                outcome.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  \(status)  \(time)  \(outcome.outputs.count)")
        }
        let failed = outcomes.filter { !$0.succeeded }.count
        lines.append(
            "\(outcomes.count) reports, \(failed) failed, \(String(format: "%.2f", seconds)) s with --jobs \(jobs)")
        return lines.joined(separator: "\n")
    }
}
