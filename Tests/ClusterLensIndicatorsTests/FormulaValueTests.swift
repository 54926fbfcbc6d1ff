import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Formula values")
struct FormulaValueTests {
    @Test("NaN and infinities are missing, not numbers")
    func nanAndInfinitiesAreMissing() {
        #expect(FormulaValue(.nan).isMissing)
        #expect(FormulaValue(.nan, flags: ["e"]).flags == ["e"])
        #expect(FormulaValue(.infinity).missingReason == "not a finite number")
        #expect(FormulaValue(-.infinity).isMissing)
    }

    @Test("A value prints its number or reason, then its sorted flags")
    func aValuePrintsItsNumberOrReason() {
        #expect(FormulaValue(4).description == "4")
        #expect(FormulaValue(0.25, flags: ["p", "e"]).description == "0.25 [e, p]")
        #expect(FormulaValue.missing("confidential", flags: ["c"]).description == "missing (confidential) [c]")
    }
}
