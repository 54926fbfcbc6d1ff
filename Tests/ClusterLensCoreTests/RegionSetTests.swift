import ClusterLensCore
import Testing

@Suite("NUTS codes")
struct NUTSCodeTests {
    @Test(
        "A NUTS code's level and country come from its text",
        arguments: [
            ("ES", 0, "ES"),
            ("ES5", 1, "ES"),
            ("ES51", 2, "ES"),
            ("ES511", 3, "ES"),
            ("ESZZZ", 3, "ES"),
            ("ITC4", 2, "IT"),
            ("DE11", 2, "DE"),
            ("EL30", 2, "EL"),
            ("UKI3", 2, "UK"),
            ("NO0A", 2, "NO"),
        ]
    )
    func levels(text: String, level: Int, country: String) throws {
        let code = try NUTSCode(text)
        #expect(code.code == text)
        #expect(code.description == text)
        #expect(code.level == level)
        #expect(code.country?.code == country)
        #expect(!code.isAggregate)
    }

    @Test("Each region's parent is one level up")
    func parents() throws {
        var chain: [String] = []
        var code: NUTSCode? = try NUTSCode("ES511")
        while let current = code {
            chain.append(current.code)
            code = current.parent
        }
        #expect(chain == ["ES511", "ES51", "ES5", "ES"])
    }

    @Test(
        "Aggregates of countries are opaque codes",
        arguments: ["EU27_2020", "EU28", "EU27_2007", "EA20", "EA", "EU", "EFTA", "EEA30_2007"]
    )
    func aggregates(text: String) throws {
        let aggregate = try NUTSCode(text)
        #expect(aggregate.isAggregate)
        #expect(aggregate.level == nil)
        #expect(aggregate.country == nil)
        #expect(aggregate.parent == nil)
        #expect(aggregate.contains(aggregate))
        #expect(!aggregate.contains(try NUTSCode("ES51")))
        #expect(!(try NUTSCode("ES")).contains(aggregate))
    }

    @Test(
        "A region contains itself and the regions inside it, and nothing else",
        arguments: [
            ("ES", "ES", true),
            ("ES", "ES5", true),
            ("ES", "ES51", true),
            ("ES", "ES511", true),
            ("ES5", "ES51", true),
            ("ES5", "ES", false),
            ("ES51", "ES52", false),
            ("ES51", "ES5", false),
            ("ES", "EE", false),
            ("ES", "EU27_2020", false),
            ("EU27_2020", "ES", false),
        ]
    )
    func containment(container: String, contained: String, expected: Bool) throws {
        #expect(try NUTSCode(container).contains(NUTSCode(contained)) == expected)
    }

    @Test(
        "A text that is not a NUTS code is rejected with the expected shape",
        arguments: ["es51", "E", "ES5111", "ES-51", "E5", "", "ES 51", "EU27 2020", "Es51"]
    )
    func malformedCodes(text: String) {
        let message =
            "\(text) is not a NUTS code: expected two capital letters for the country, then 0–3 capital letters or"
            + " digits (ES, ES5, ES51, ES511), or an aggregate such as EU27_2020"
        #expect(throws: CoreError(.malformedCode, message)) { try NUTSCode(text) }
    }

    @Test(
        "A code of a country outside NUTS is rejected, with a hint for Greece and the United Kingdom",
        arguments: [
            ("SP51", "SP51 is not a NUTS code: SP is not a NUTS country"),
            ("US", "US is not a NUTS code: US is not a NUTS country"),
            ("GR30", "GR30 is not a NUTS code: GR is not a NUTS country (Greece is EL)"),
            ("GBI3", "GBI3 is not a NUTS code: GB is not a NUTS country (the United Kingdom is UK)"),
        ]
    )
    func unknownCountries(text: String, message: String) {
        #expect(throws: CoreError(.malformedCode, message)) { try NUTSCode(text) }
    }

    @Test("Codes sort by text, each region before the regions inside it")
    func order() throws {
        let codes = try ["ES52", "EU27_2020", "ES511", "ES", "ES51", "DE11", "ES5"].map(NUTSCode.init)
        #expect(codes.sorted().map(\.code) == ["DE11", "ES", "ES5", "ES51", "ES511", "ES52", "EU27_2020"])
    }
}

@Suite("Region sets")
struct RegionSetTests {
    @Test("A set contains its regions' sub-regions but not their parents or neighbours")
    func membership() throws {
        let set = try RegionSet(parsing: ["ES51", "ITC4", "ES51"])
        #expect(set.codes.map(\.code) == ["ES51", "ITC4"])
        #expect(set.description == "ES51, ITC4")
        #expect(try set.contains(NUTSCode("ES51")))
        #expect(try set.contains(NUTSCode("ES511")))
        #expect(try set.contains(NUTSCode("ITC4C")))
        #expect(try !set.contains(NUTSCode("ES5")))
        #expect(try !set.contains(NUTSCode("ES52")))
        #expect(try !set.contains(NUTSCode("EU27_2020")))
    }

    @Test("A region total is used instead of its sub-regions: ES5 counts 5000, not 10000")
    func parentTotalWins() throws {
        let data: [String: Double] = ["ES": 90000, "ES5": 5000, "ES51": 3000, "ES52": 2000, "ES6": 4000]
        let set = try RegionSet(parsing: ["ES5"])
        let used = set.countedOnce(among: try data.keys.map(NUTSCode.init))
        #expect(used.map(\.code) == ["ES5"])
        #expect(used.reduce(0) { $0 + (data[$1.code] ?? 0) } == 5000)
    }

    @Test("Sub-regions are used when the region is absent")
    func childrenWithoutParent() throws {
        let data: [String: Double] = ["ES51": 3000, "ES511": 1200, "ES52": 2000]
        let set = try RegionSet(parsing: ["ES5"])
        let used = set.countedOnce(among: try data.keys.map(NUTSCode.init))
        #expect(used.map(\.code) == ["ES51", "ES52"])
        #expect(used.reduce(0) { $0 + (data[$1.code] ?? 0) } == 5000)
    }

    @Test("An aggregate in a set matches only itself")
    func aggregateMember() throws {
        let set = try RegionSet(parsing: ["EU27_2020"])
        #expect(
            set.countedOnce(among: try ["EU27_2020", "ES", "EU28"].map(NUTSCode.init)).map(\.code) == ["EU27_2020"])
    }
}
