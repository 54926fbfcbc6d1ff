// Runs a ClusterLens report from Swift: one import, a few lines (README, "The library").
import ClusterLensReports

let definition = CommandLine.arguments.dropFirst().first ?? "Reports/demo/demo.yaml"
let outcome = try await ReportRunner().run(
    definitionFile: definition, outputFolder: "clusterlens-script-out", formats: ["json", "html"])
for file in outcome.files { print("wrote", file) }
for diagnostic in outcome.diagnostics { print(diagnostic) }
for cluster in outcome.model.clusters {
    let index = cluster.score(.index)?.value.map { ($0 * 10).rounded() / 10 }
    print(cluster.name, index.map { "index \($0)" } ?? "no index")
}
