import ClusterLensCore
import Testing

@Suite("NACE Rev. 2 codes")
struct NACECodeTests {
    @Test(
        "Both notations are accepted and normalised to Eurostat's",
        arguments: [
            ("C", "C", "C", NACECode.Level.section),
            ("U", "U", "U", .section),
            ("C29", "C29", "C29", .division),
            ("29", "C29", "C29", .division),
            ("A01", "A01", "A01", .division),
            ("01", "A01", "A01", .division),
            ("C29.1", "C291", "C29.1", .group),
            ("C291", "C291", "C29.1", .group),
            ("29.1", "C291", "C29.1", .group),
            ("M75.0", "M750", "M75.0", .group),
            ("C29.10", "C2910", "C29.10", .class),
            ("C2910", "C2910", "C29.10", .class),
            ("29.10", "C2910", "C29.10", .class),
            ("01.11", "A0111", "A01.11", .class),
            ("U99.00", "U9900", "U99.00", .class),
        ]
    )
    func normalisation(text: String, code: String, dotted: String, level: NACECode.Level) throws {
        let parsed = try NACECode(text)
        #expect(parsed.code == code)
        #expect(parsed.dottedNotation == dotted)
        #expect(parsed.level == level)
        #expect(parsed.description == code)
        #expect(!parsed.isRange && !parsed.isAggregate)
    }

    @Test("The same code in two notations is one code")
    func equalityAcrossNotations() throws {
        #expect(try NACECode("C29.1") == NACECode("C291"))
        #expect(try NACECode("29.10") == NACECode("C2910"))
        #expect(try Set(["C29.1", "C291", "29.1"].map(NACECode.init)).count == 1)
    }

    @Test(
        "A code inconsistent with the section/division table is rejected with the reason",
        arguments: [
            ("C99", "C99 is not a NACE Rev. 2 division (section C has divisions 10–33; division 99 is in section U)"),
            (
                "C34",
                "C34 is not a NACE Rev. 2 division (section C has divisions 10–33; NACE Rev. 2 has no division 34)"
            ),
            ("C09", "C09 is not a NACE Rev. 2 division (section C has divisions 10–33; division 09 is in section B)"),
            ("34", "34 is not a NACE Rev. 2 division (NACE Rev. 2 has no division 34)"),
            (
                "G29.1",
                "G29.1 is not a NACE Rev. 2 group (section G has divisions 45–47; division 29 is in section C)"
            ),
            ("D36", "D36 is not a NACE Rev. 2 division (section D has division 35; division 36 is in section E)"),
            (
                "A04.11",
                "A04.11 is not a NACE Rev. 2 class (section A has divisions 01–03; NACE Rev. 2 has no division 04)"
            ),
            ("V", "V is not a NACE Rev. 2 code: V is not a section (sections are A–U)"),
            ("Z12", "Z12 is not a NACE Rev. 2 code: Z is not a section (sections are A–U)"),
        ]
    )
    func sectionDivisionValidation(text: String, message: String) {
        #expect(throws: CoreError(.malformedCode, message)) { try NACECode(text) }
    }

    @Test(
        "A text that is not in any NACE notation is rejected",
        arguments: ["c29", "C2", "C29.", "C29.123", "C2.91", "C29100", "C 29", "29,1", "C29.1a"]
    )
    func malformedCodes(text: String) {
        let forms =
            "expected a section letter A–U, a division (C29), a group (C29.1 or C291), a class (C29.10 or C2910)"
            + " or a range (C10-C12)"
        #expect(throws: CoreError(.malformedCode, "\(text) is not a NACE Rev. 2 code: \(forms)")) {
            try NACECode(text)
        }
    }

    @Test("An empty text is not a code")
    func emptyText() {
        #expect(throws: CoreError(.malformedCode, "an empty text is not a NACE Rev. 2 code")) { try NACECode("") }
    }

    @Test("A range of divisions stands for every division between its ends")
    func divisionRange() throws {
        let range = try NACECode("C10-C12")
        #expect(range.isRange)
        #expect(range.level == nil)
        #expect(range.code == "C10-C12")
        #expect(range.divisions.map(\.code) == ["C10", "C11", "C12"])
        #expect(range.parent == (try NACECode("C")))
        #expect(range.contains(try NACECode("C11.05")))
        #expect(range.contains(try NACECode("C12")))
        #expect(!range.contains(try NACECode("C13")))
        #expect(!range.contains(try NACECode("C")))
        #expect(try NACECode("C10-12") == range)
    }

    @Test("A range of sections stands for every division of those sections")
    func sectionRange() throws {
        let range = try NACECode("B-E")
        #expect(range.isRange)
        #expect(range.parent == nil)
        #expect(range.section == nil)
        #expect(range.divisions.count == 5 + 24 + 1 + 4)
        #expect(range.divisions.first?.code == "B05")
        #expect(range.divisions.last?.code == "E39")
        #expect(range.contains(try NACECode("C29.1")))
        #expect(range.contains(try NACECode("C10-C12")))
        #expect(!range.contains(try NACECode("F41")))
    }

    @Test(
        "A malformed range is rejected with the reason",
        arguments: [
            ("C12-C10", "C12-C10 is not a NACE Rev. 2 range: C12 does not come before C10"),
            ("C10-C10", "C10-C10 is not a NACE Rev. 2 range: C10 does not come before C10"),
            ("C-C12", "C-C12 is not a NACE Rev. 2 range: both ends must be sections (B-E) or divisions (C10-C12)"),
            (
                "C29.1-C29.3",
                "C29.1-C29.3 is not a NACE Rev. 2 range: both ends must be sections (B-E) or divisions (C10-C12)"
            ),
            (
                "C10-C99",
                "C10-C99 is not a NACE Rev. 2 range: C99 is not a NACE Rev. 2 division (section C has divisions"
                    + " 10–33; division 99 is in section U)"
            ),
        ]
    )
    func malformedRanges(text: String, message: String) {
        #expect(throws: CoreError(.malformedCode, message)) { try NACECode(text) }
    }

    @Test(
        "Eurostat aggregates are kept as opaque codes",
        arguments: ["TOTAL", "B-S_X_O_S94", "C31_C32", "M_N", "B-N_X_K", "UNK", "NRP", "L68A"]
    )
    func aggregates(text: String) throws {
        let aggregate = try NACECode(text)
        #expect(aggregate.isAggregate)
        #expect(aggregate.code == text)
        #expect(aggregate.level == nil)
        #expect(aggregate.parent == nil)
        #expect(aggregate.section == nil)
        #expect(aggregate.divisions.isEmpty)
        #expect(aggregate.contains(aggregate))
        #expect(!aggregate.contains(try NACECode("C29")))
        #expect(!(try NACECode("C")).contains(aggregate))
    }

    @Test("An aggregate whose parts are not NACE codes is rejected")
    func malformedAggregate() {
        let message =
            "B-S_X_O_S99 is not a NACE Rev. 2 aggregate: S99 is not a NACE Rev. 2 division (section S has divisions"
            + " 94–96; division 99 is in section U)"
        #expect(throws: CoreError(.malformedCode, message)) { try NACECode("B-S_X_O_S99") }
        #expect(throws: CoreError.self) { try NACECode("C31__C32") }
    }

    @Test(
        "A code contains itself and its sub-codes, and nothing else",
        arguments: [
            ("C29", "C29", true),
            ("C29", "C29.1", true),
            ("C29", "C2910", true),
            ("C29.1", "C29", false),
            ("C29", "C30", false),
            ("C29", "C", false),
            ("C", "C29.10", true),
            ("C", "C10-C12", true),
            ("C", "D35", false),
            ("C29.1", "C29.10", true),
            ("C29.1", "C29.20", false),
            ("B-E", "C10-C12", true),
            ("C10-C12", "C11.05", true),
            ("TOTAL", "C", false),
            ("C", "TOTAL", false),
            ("TOTAL", "TOTAL", true),
        ]
    )
    func containment(container: String, contained: String, expected: Bool) throws {
        #expect(try NACECode(container).contains(NACECode(contained)) == expected)
    }

    @Test("Each code's parent is the next level up")
    func parents() throws {
        var chain: [String] = []
        var code: NACECode? = try NACECode("C29.10")
        while let current = code {
            chain.append(current.code)
            code = current.parent
        }
        #expect(chain == ["C2910", "C291", "C29", "C"])
        #expect(try NACECode("M75.0").parent?.code == "M75")
        #expect(try NACECode("C29.1").section?.code == "C")
    }

    @Test("Every division of the table parses under its section and no other")
    func fullTable() throws {
        var divisions = 0
        for (letter, range) in NACECode.sectionDivisions {
            for number in 1...99 {
                let text = "\(letter)\(number < 10 ? "0" : "")\(number)"
                if range.contains(number) {
                    #expect(try NACECode(text).section?.code == String(letter))
                    divisions += 1
                } else {
                    #expect(throws: CoreError.self) { try NACECode(text) }
                }
            }
        }
        #expect(divisions == 88)
        #expect(NACECode.sectionDivisions.map(\.section) == Array("ABCDEFGHIJKLMNOPQRSTU"))
    }

    @Test("Codes sort in classification order, parents first, aggregates last")
    func order() throws {
        let codes = try ["C1011", "TOTAL", "C", "C11", "C10", "C10-C12", "C101", "B", "A01.1"].map(NACECode.init)
        #expect(codes.sorted().map(\.code) == ["A011", "B", "C", "C10-C12", "C10", "C101", "C1011", "C11", "TOTAL"])
    }
}

@Suite("Sector sets")
struct SectorSetTests {
    /// Employment by code in a made-up dataset.
    static func sum(_ codes: [NACECode], in data: [String: Double]) -> Double {
        codes.reduce(0) { $0 + (data[$1.code] ?? 0) }
    }

    @Test("A set contains its codes' sub-codes but not their parents or siblings")
    func membership() throws {
        let set = try SectorSet(parsing: ["C29", "C22.2"])
        #expect(set.codes.map(\.code) == ["C222", "C29"])
        #expect(set.description == "C222, C29")
        #expect(try set.contains(NACECode("C29")))
        #expect(try set.contains(NACECode("C29.10")))
        #expect(try set.contains(NACECode("C22.2")))
        #expect(try set.contains(NACECode("C2221")))
        #expect(try !set.contains(NACECode("C22")))
        #expect(try !set.contains(NACECode("C")))
        #expect(try !set.contains(NACECode("C30")))
        #expect(try !set.contains(NACECode("TOTAL")))
    }

    @Test("A set ignores duplicates and notation")
    func duplicates() throws {
        #expect(try SectorSet(parsing: ["C29.1", "C291", "C29"]) == SectorSet(parsing: ["C29", "29.1"]))
        #expect(SectorSet([]).isEmpty)
    }

    @Test("A parent total is used instead of its children: C29 counts 1000, not 2000")
    func parentTotalWins() throws {
        let data: [String: Double] = ["C29": 1000, "C291": 600, "C292": 400]
        let set = try SectorSet(parsing: ["C29"])
        let used = set.countedOnce(among: try data.keys.map(NACECode.init))
        #expect(used.map(\.code) == ["C29"])
        #expect(Self.sum(used, in: data) == 1000)
    }

    @Test("Children are used when the parent is absent: C29.1 and C29.2 count 600 + 400")
    func childrenWithoutParent() throws {
        let data: [String: Double] = ["C291": 600, "C292": 400]
        let set = try SectorSet(parsing: ["C29"])
        let used = set.countedOnce(among: try data.keys.map(NACECode.init))
        #expect(used.map(\.code) == ["C291", "C292"])
        #expect(Self.sum(used, in: data) == 1000)
    }

    @Test("At mixed levels each branch is counted at its coarsest available level")
    func mixedLevels() throws {
        let data: [String: Double] = ["C291": 600, "C2910": 600, "C292": 250, "C2920": 250, "C293": 150]
        let set = try SectorSet(parsing: ["C29"])
        let used = set.countedOnce(among: try data.keys.map(NACECode.init))
        #expect(used.map(\.code) == ["C291", "C292", "C293"])
        #expect(Self.sum(used, in: data) == 1000)
    }

    @Test("Codes outside the set are never used, not even a parent that contains it")
    func outsideCodes() throws {
        let data: [String: Double] = ["C": 9000, "C22": 700, "C222": 300, "C2221": 200, "C29": 1000, "C30": 50]
        let set = try SectorSet(parsing: ["C29", "C22.2"])
        let used = set.countedOnce(among: try (data.keys.map(NACECode.init) + [NACECode("C29")]))
        #expect(used.map(\.code) == ["C222", "C29"])
        #expect(Self.sum(used, in: data) == 1300)
    }

    @Test("Overlapping ranges are not counted twice")
    func overlappingRanges() throws {
        let set = try SectorSet(parsing: ["C"])
        let used = set.countedOnce(among: try ["C11-C13", "C13", "C10-C12", "C11"].map(NACECode.init))
        #expect(used.map(\.code) == ["C10-C12", "C13"])
    }

    @Test("No data inside the set gives nothing to sum")
    func nothingAvailable() throws {
        let set = try SectorSet(parsing: ["C29"])
        #expect(set.countedOnce(among: try ["C", "C30", "TOTAL"].map(NACECode.init)).isEmpty)
    }
}
