import ArgumentParser
import ClusterLensIndicators
internal import ClusterLensScoring

/// `clusterlens benchmark-composite` (hidden): times the composite uncertainty and sensitivity
/// analysis on synthetic data; run by `Scripts/bench-composite` on a release build.
struct BenchmarkCompositeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark-composite",
        abstract: "Time the composite Monte Carlo analysis on synthetic data (for Scripts/bench-composite).",
        shouldDisplay: false)

    @Option(help: "Units (clusters).") var units = 300
    @Option(help: "Indicators.") var indicators = 50
    @Option(help: "Base samples N (N(d + 2) runs).") var replications = 1000
    @Option(help: "Seed.") var seed: UInt64 = 42

    func run() throws {
        do {
            let report = try UncertaintyAnalysis.benchmark(
                units: units, indicators: indicators, replications: replications, seed: seed)
            print(
                "\(report.units) units × \(report.indicators) indicators, \(replications) samples, "
                    + "\(report.runs) index regenerations: \(String(format: "%.2f", report.seconds)) s")
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
