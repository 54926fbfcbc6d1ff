import ClusterLensCore
import Testing

/// Small vocabulary types: time stamps, flags, dataflow ids, error chains, calendar years.
@Suite("Core vocabulary")
struct CoreVocabularyTests {
    @Test("a timestamp reads and writes ISO 8601 in UTC, to the second")
    func timestamps() throws {
        let time = try #require(Timestamp(iso8601: "2026-01-02T03:04:05Z"))
        #expect(time.secondsSince1970 == 1_767_323_045)
        #expect(time.iso8601 == "2026-01-02T03:04:05Z")
        #expect(Timestamp(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: -1).iso8601 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(secondsSince1970: 951_782_400).iso8601 == "2000-02-29T00:00:00Z", "a leap day")
        #expect(Timestamp(iso8601: "2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp(iso8601: "2026-01-02 03:04:05") == nil)
    }

    @Test("flags order by their text and compare to literals")
    func flags() {
        let flags: [ValueFlag] = ["p", .modelled, "e", .seriesBreak]
        #expect(flags.sorted().map(\.rawValue) == ["b", "e", "modelled", "p"])
        #expect(ValueFlag.carriedForward.rawValue == "carried_forward")
    }

    @Test("a dataflow reference in any form gives the one id the store files it under")
    func dataflowIDs() {
        for text in [
            "ESTAT:SBS_R_NUTS2021(1.0)", " SBS_R_NUTS2021 ", "sbs_r_nuts2021",
            "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=ESTAT:SBS_R_NUTS2021(1.0)",
        ] {
            #expect(DataflowID.normalised(text) == "sbs_r_nuts2021", "\(text)")
        }
        // Whatever is not normal yet goes the long way: a tab, an upper-case letter, a reference.
        #expect(DataflowID.normalised("\tsbs_r_nuts2021") == "sbs_r_nuts2021")
        #expect(DataflowID.normalised("sbs_R_nuts2021") == "sbs_r_nuts2021")
        #expect(DataflowID.normalised("estat:nama_10r_2gdp(1.0)") == "nama_10r_2gdp")
        #expect(DataflowID.normalised("Énergie") == "énergie")
        #expect(DataflowID.normalised("") == "")
    }

    @Test("only whole calendar years have a calendar year")
    func calendarYears() throws {
        #expect(try TimePeriod("2021").calendarYear == 2021)
        #expect(try TimePeriod("2021-A1").calendarYear == 2021)
        #expect(try TimePeriod("2021-Q3").calendarYear == nil)
        #expect(try TimePeriod("2021-07").calendarYear == nil)
    }

    @Test("an error's causes list the chain, outermost first")
    func causes() {
        struct Inner: Error {}
        struct Outer: ChainedError {
            var underlying: (any Error)?
            var description: String { "outer" }
        }
        let chain = Outer(underlying: Outer(underlying: Inner())).causes
        #expect(chain.count == 3)
        #expect(chain.last is Inner)
    }
}
