import ClusterLensCore
import Synchronization
import Testing

/// The diagnostics channel: what a run noticed, each once, in order, from any task.
@Suite("Diagnostics")
struct DiagnosticsTests {
    @Test("a diagnostic prints as the command line shows it: severity, place, message, cluster and indicator")
    func description() {
        let warning = Diagnostic.warning(
            .scoring, code: "screened-out", "screened out of the composite scores",
            location: InputLocation(file: "report.yaml", line: 12, column: 3), cluster: "es51", indicator: "employment")
        #expect(
            warning.description
                == "warning: report.yaml:12:3: screened out of the composite scores [cluster es51, indicator employment]"
        )
        #expect(
            Diagnostic.note(.import, code: "sdmx-footer", "footer [413] text").description == "note: footer [413] text")
        #expect(InputLocation(file: "", line: 4).description == "line 4")
    }

    @Test("the same diagnostic reported twice is kept once; the observer sees each new one once, in order")
    func deduplicates() async {
        let seen = Seen()
        let diagnostics = Diagnostics { seen.add($0.code) }
        let first = Diagnostic.warning(.import, code: "a", "first")
        diagnostics.report(first)
        diagnostics.report(first)
        diagnostics.report(.note(.import, code: "b", "second"))
        #expect(diagnostics.all.map(\.code) == ["a", "b"])
        #expect(diagnostics.warnings.map(\.code) == ["a"])
        #expect(seen.codes == ["a", "b"])
    }

    @Test("reports from many tasks at once all arrive")
    func concurrentReports() async {
        let diagnostics = Diagnostics()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask { diagnostics.report(.warning(.indicators, code: "w", "warning \(index)")) }
            }
        }
        #expect(Set(diagnostics.all.map(\.message)).count == 200)
    }

    /// Collects what the observer sees.
    final class Seen: Sendable {
        private let state = Mutex<[String]>([])
        func add(_ code: String) { state.withLock { $0.append(code) } }
        var codes: [String] { state.withLock { $0 } }
    }
}
