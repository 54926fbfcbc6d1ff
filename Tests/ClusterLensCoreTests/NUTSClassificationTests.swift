import ClusterLensCore
import Testing

/// Which regions make up which, per NUTS version, and when an area can be summed from its parts.
@Suite("NUTS classification")
struct NUTSClassificationTests {
    /// Spain's East (ES5) in a small hand-made classification: three NUTS 2 regions in 2021, ES53 split
    /// into three NUTS 3 regions; 2016 writes Northern Ireland's NUTS 3 regions UKN10 … under UKN0.
    static var classification: NUTSClassification {
        var nuts = NUTSClassification()
        func region(_ code: String, _ name: String) -> NUTSClassification.Region {
            NUTSClassification.Region(code: code, level: code.count - 2, name: name)
        }
        nuts.add(
            .nuts2021,
            regions: [
                region("ES", "España"), region("ES5", "Este"), region("ES51", "Cataluña"),
                region("ES52", "Comunitat Valenciana"), region("ES53", "Illes Balears"),
                region("ES531", "Eivissa y Formentera"),
                region("ES532", "Mallorca"), region("ES533", "Menorca"), region("ESZ", "Extra-Regio NUTS 1"),
            ])
        nuts.add(
            .nuts2016,
            regions: [
                region("UK", "UNITED KINGDOM"), region("UKN", "NORTHERN IRELAND"), region("UKN0", "Northern Ireland"),
                region("UKN06", "Belfast"), region("UKN10", "Mid Ulster"),
            ])
        return nuts
    }

    @Test("names come from the newest version that has the code")
    func names() {
        #expect(Self.classification.name(of: "ES51") == "Cataluña")
        #expect(Self.classification.name(of: "XX99") == nil)
    }

    @Test("an area is covered by itself, by all its parts of a version, or not at all")
    func cover() {
        let nuts = Self.classification
        #expect(nuts.cover(of: "ES5", available: ["ES5"]) == .whole)
        #expect(
            nuts.cover(of: "ES5", available: ["ES51", "ES52", "ES531", "ES532", "ES533"])
                == .parts(version: .nuts2021, codes: ["ES51", "ES52", "ES531", "ES532", "ES533"]))
        #expect(
            nuts.cover(of: "ES5", available: ["ES51", "ES52"]) == .incomplete(version: .nuts2021, missing: ["ES53"]))
        #expect(
            nuts.cover(of: "ES5", available: ["ES51", "ES52", "ES531"])
                == .incomplete(version: .nuts2021, missing: ["ES532", "ES533"]))
        // The extra-regio region is never required: Spain is ES5 here.
        #expect(nuts.cover(of: "ES", available: ["ES5"]) == .parts(version: .nuts2021, codes: ["ES5"]))
        #expect(nuts.cover(of: "EU27_2020", available: ["ES5"]) == .unknown)
    }

    @Test("NUTS 2016's Northern Ireland: UKN10 is a part of UKN0 though not its prefix")
    func northernIreland() {
        let nuts = Self.classification
        #expect(nuts.parts(of: "UKN0", in: .nuts2016) == ["UKN06", "UKN10"])
        #expect(
            nuts.cover(of: "UKN0", available: ["UKN06", "UKN10"])
                == .parts(version: .nuts2016, codes: ["UKN06", "UKN10"]))
    }
}
