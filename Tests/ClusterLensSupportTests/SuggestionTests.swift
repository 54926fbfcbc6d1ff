import Testing

@testable import ClusterLensSupport

/// "Did you mean": the nearest known name for a slip, and nothing for a name far from all of them.
@Suite("Suggestions")
struct SuggestionTests {
    @Test("a transposition, a missing letter and a case slip find the name; a stranger finds none")
    func suggestions() {
        let known = ["employment", "employment_rate", "renewable_energy_share", "location_quotient"]
        #expect(Suggestion.closest(to: "employmnet", among: known) == "employment")
        #expect(Suggestion.closest(to: "renewable_energy_shar", among: known) == "renewable_energy_share")
        #expect(Suggestion.closest(to: "Location_Quotient", among: known) == "location_quotient")
        #expect(Suggestion.closest(to: "renewables", among: known) == nil)
        #expect(Suggestion.phrase(for: "employmnet", among: known) == " (did you mean \"employment\"?)")
        // Two candidates one edit away: the first in lexical order, whatever order they come in.
        #expect(Suggestion.closest(to: "TOS-016", among: ["TOS-015", "TOS-010", "TOS-011"]) == "TOS-010")
        #expect(Suggestion.closest(to: "TOS-016", among: ["TOS-011", "TOS-015", "TOS-010"]) == "TOS-010")
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    }
}
