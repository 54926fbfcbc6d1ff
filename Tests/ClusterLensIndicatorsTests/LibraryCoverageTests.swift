import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// The library's promise: every indicator has a hand-computed worked example. This suite gathers the
/// ids of the worked-example tables of the other suites and fails when an indicator of the catalogue
/// (compiled or bundled file) has none, so a new indicator cannot land untested.
@Suite("Library coverage")
struct LibraryCoverageTests {
    /// The ids each worked-example table covers.
    static var tested: Set<String> {
        var ids = Set(LibraryWorkedExampleTests.cases.map(\.id))
        ids.formUnion(MemberIndicatorTests.examples.map(\.id))
        ids.formUnion(IndicatorEngineTests.bundledExamples.map(\.0))
        ids.formUnion(ShiftShareTests.dataExamples.map(\.0))
        ids.formUnion(StructureIndicatorTests.examples.map(\.0))
        ids.formUnion(DownscaledIndicatorTests.examples.map(\.0))
        ids.insert("employment_volatility")  // VolatilityIndicatorTests
        return ids
    }

    @Test func everyIndicatorHasAWorkedExample() throws {
        let catalogue = try BuiltinIndicatorHarness.catalogue()
        let ids = catalogue.indicators.map(\.definition.id)
        let untested = ids.filter { !Self.tested.contains($0) }
        #expect(untested.isEmpty, "indicators without a worked example: \(untested)")
        #expect(Self.tested.subtracting(ids).isEmpty, "examples of unknown indicators")
        #expect(ids.count >= 45, "the library promises at least 45 indicators, has \(ids.count)")
    }

    @Test func everyPillarAndTransitionIsCovered() throws {
        let definitions = try BuiltinIndicatorHarness.catalogue().indicators.map(\.definition)
        for pillar in Pillar.allCases {
            #expect(definitions.filter { $0.pillar == pillar }.count >= 10, "\(pillar)")
        }
        for tag in TransitionTag.allCases {
            #expect(definitions.contains { $0.tags.contains(tag) }, "\(tag)")
        }
    }
}
