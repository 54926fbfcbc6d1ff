import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Indicator engine errors")
struct IndicatorsErrorTests {
    @Test func anErrorPrintsFileLineAndColumnOnOneLine() {
        let error = IndicatorsError(.formulaSyntax, "expected ')'", file: "Indicators/lq.yaml", line: 12, column: 7)
        #expect(error.description == "Indicators/lq.yaml:12:7: expected ')'")
    }
}
