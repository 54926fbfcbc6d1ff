import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Cluster definition loader")
struct ClusterDefinitionLoaderTests {
    static let twoClusters = """
        clusters:
          - id: es51-automotive
            name: Catalonia automotive
            regions: [ES51]              # NUTS codes, any level
            sectors: [C29, C22.2]        # NACE Rev. 2; a code matches its sub-codes
            reference: EU27_2020         # reference area for location quotients and shift-share
            peers: [ES21, ITC4, DE11]    # optional comparison regions
            members: members.csv         # optional member-firm survey, path relative to this file
            initiatives: ledgers/es51.yaml   # optional initiative ledger, path relative to this file
          - id: de-machinery
            regions:
              - DE1
              - DE2
            sectors: [C28, 33.1]
            reference: DE
        """

    /// A fresh folder under the temporary directory, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ClusterDefinitionLoaderTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("A file with two clusters loads both, with members resolved against the file's folder")
    func happyPath() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("clusters.yaml").path
        try Self.twoClusters.write(toFile: path, atomically: true, encoding: .utf8)

        let clusters = try ClusterDefinitionLoader.load(file: path)

        #expect(clusters.count == 2)
        let automotive = try #require(clusters.first)
        #expect(automotive.id == "es51-automotive")
        #expect(automotive.name == "Catalonia automotive")
        #expect(automotive.regions == (try RegionSet(parsing: ["ES51"])))
        #expect(automotive.sectors.codes.map(\.code) == ["C222", "C29"])
        #expect(automotive.reference == (try NUTSCode("EU27_2020")))
        #expect(automotive.reference.isAggregate)
        #expect(automotive.peers.map(\.code) == ["ES21", "ITC4", "DE11"])
        #expect(automotive.membersPath == folder.path + "/members.csv")
        #expect(automotive.initiativesPath == folder.path + "/ledgers/es51.yaml")

        let machinery = try #require(clusters.last)
        #expect(machinery.id == "de-machinery")
        #expect(machinery.name == "de-machinery")
        #expect(machinery.regions.codes.map(\.code) == ["DE1", "DE2"])
        #expect(machinery.sectors.codes.map(\.code) == ["C28", "C331"])
        #expect(machinery.reference.code == "DE")
        #expect(machinery.peers.isEmpty)
        #expect(machinery.membersPath == nil)
        #expect(machinery.initiativesPath == nil)
    }

    @Test(
        "A relative members path is resolved against the folder of the file name, an absolute one is kept",
        arguments: [
            ("clusters.yaml", "members.csv", "members.csv"),
            ("defs/clusters.yaml", "members.csv", "defs/members.csv"),
            ("defs/clusters.yaml", "../survey/members.csv", "defs/../survey/members.csv"),
            ("/data/clusters.yaml", "members.csv", "/data/members.csv"),
            ("/clusters.yaml", "members.csv", "/members.csv"),
            ("defs/clusters.yaml", "/srv/members.csv", "/srv/members.csv"),
        ]
    )
    func membersPath(file: String, members: String, expected: String) throws {
        let yaml = """
            clusters:
              - {id: a, regions: [ES51], sectors: [C29], reference: ES, members: "\(members)"}
            """
        let clusters = try ClusterDefinitionLoader.load(yaml: yaml, file: file)
        #expect(clusters.first?.membersPath == expected)
    }

    @Test("Codes are read as written: NO is Norway and a sector, not false")
    func codesAreText() throws {
        let yaml = """
            clusters:
              - {id: no, regions: [NO, NO0A], sectors: [29.10, 01], reference: NO, peers: [SE]}
            """
        let cluster = try #require(try ClusterDefinitionLoader.load(yaml: yaml, file: "c.yaml").first)
        #expect(cluster.id == "no")
        #expect(cluster.regions.codes.map(\.code) == ["NO", "NO0A"])
        #expect(cluster.sectors.codes.map(\.code) == ["A01", "C2910"])
        #expect(cluster.reference.code == "NO")
    }

    @Test("A loaded cluster counts each employee once across its sectors and regions")
    func countOnceAcrossSectorsAndRegions() throws {
        let yaml = """
            clusters:
              - {id: a, regions: [ES51, ES52], sectors: [C29], reference: ES}
            """
        let cluster = try #require(try ClusterDefinitionLoader.load(yaml: yaml, file: "c.yaml").first)
        let data: [String: Double] = [
            "C29@ES51": 1000, "C291@ES51": 600, "C292@ES51": 400,
            "C291@ES52": 300, "C292@ES52": 200,
            "C29@ES5": 1500, "C30@ES51": 80, "C29@ES61": 999,
        ]
        let cells = try data.keys.map { key in
            let parts = key.split(separator: "@").map(String.init)
            return ClusterDefinition.Cell(sector: try NACECode(parts[0]), region: try NUTSCode(parts[1]))
        }
        let used = cluster.countedOnce(among: cells)
        #expect(used.map(\.description) == ["C29@ES51", "C291@ES52", "C292@ES52"])
        #expect(used.reduce(0) { $0 + (data[$1.description] ?? 0) } == 1500)
    }

    @Test("A missing file or a folder is unreadable, with its path")
    func unreadableFile() throws {
        let missing = "/nonexistent/ClusterLens/clusters.yaml"
        #expect(throws: IndicatorsError(.unreadable, "cannot read the file: no such file", file: missing)) {
            try ClusterDefinitionLoader.load(file: missing)
        }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: IndicatorsError(.unreadable, "cannot read the file: it is a folder", file: folder.path)) {
            try ClusterDefinitionLoader.load(file: folder.path)
        }
    }

    @Test("A file that is not UTF-8 is unreadable")
    func notUTF8() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("latin1.yaml")
        try Data([0x63, 0x6C, 0x75, 0x73, 0x74, 0x65, 0x72, 0x73, 0x3A, 0x20, 0xE9, 0x0A]).write(to: url)
        #expect(throws: IndicatorsError(.unreadable, "the file is not UTF-8 text", file: url.path)) {
            try ClusterDefinitionLoader.load(file: url.path)
        }
    }

    @Test("An error prints as file:line:column: message")
    func errorDescription() {
        let yaml = """
            clusters:
              - id: a
                region: [ES51]
            """
        let error = #expect(throws: IndicatorsError.self) {
            try ClusterDefinitionLoader.load(yaml: yaml, file: "defs/clusters.yaml")
        }
        #expect(
            error?.description
                == "defs/clusters.yaml:3:5: unknown key \"region\" in a cluster (allowed: id, name, regions, sectors,"
                + " reference, peers, members, initiatives)")
    }

    /// A definition that breaks a rule, with where and why it must be reported.
    struct BadDefinition: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var yaml: String
        var line: Int
        var column: Int
        var message: String
    }

    /// A valid cluster with one line replaced.
    static func cluster(replacing original: String, with replacement: String) -> String {
        """
        clusters:
          - id: a
            regions: [ES51]
            sectors: [C29]
            reference: ES
        """.replacingOccurrences(of: original, with: replacement)
    }

    static let badDefinitions: [BadDefinition] = [
        BadDefinition(
            testDescription: "unknown key in a cluster",
            yaml: cluster(replacing: "regions:", with: "region:"), line: 3, column: 5,
            message: "unknown key \"region\" in a cluster (allowed: id, name, regions, sectors, reference, peers,"
                + " members, initiatives)"),
        BadDefinition(
            testDescription: "unknown key at the top",
            yaml: "version: 1\n" + cluster(replacing: "", with: ""), line: 1, column: 1,
            message: "unknown key \"version\" at the top of the file (allowed: clusters)"),
        BadDefinition(
            testDescription: "a key that is not a name",
            yaml: cluster(replacing: "    reference: ES", with: "    reference: ES\n    [x]: y"), line: 6, column: 5,
            message: "keys in a cluster are names such as id, not a list"),
        BadDefinition(
            testDescription: "missing sectors",
            yaml: cluster(replacing: "    sectors: [C29]\n", with: ""), line: 2, column: 5,
            message: "cluster \"a\" has no `sectors` (required: id, regions, sectors, reference)"),
        BadDefinition(
            testDescription: "missing id",
            yaml: cluster(replacing: "  - id: a\n    regions", with: "  - regions"), line: 2, column: 5,
            message: "the cluster has no `id` (required: id, regions, sectors, reference)"),
        BadDefinition(
            testDescription: "missing reference",
            yaml: cluster(replacing: "    reference: ES", with: ""), line: 2, column: 5,
            message: "cluster \"a\" has no `reference` (required: id, regions, sectors, reference)"),
        BadDefinition(
            testDescription: "empty regions",
            yaml: cluster(replacing: "[ES51]", with: "[]"), line: 3, column: 14,
            message: "regions is empty: a cluster needs at least one NUTS region"),
        BadDefinition(
            testDescription: "empty sectors",
            yaml: cluster(replacing: "[C29]", with: "[]"), line: 4, column: 14,
            message: "sectors is empty: a cluster needs at least one NACE Rev. 2 code"),
        BadDefinition(
            testDescription: "empty clusters",
            yaml: "clusters: []\n", line: 1, column: 11,
            message: "clusters is empty: the file must define at least one cluster"),
        BadDefinition(
            testDescription: "a division outside its section",
            yaml: cluster(replacing: "[C29]", with: "[C29, C99]"), line: 4, column: 20,
            message: "C99 is not a NACE Rev. 2 division (section C has divisions 10–33; division 99 is in section U)"),
        BadDefinition(
            testDescription: "a malformed sector in a block list",
            yaml: cluster(replacing: "    sectors: [C29]", with: "    sectors:\n      - C29\n      - C29.1.1"),
            line: 6, column: 9,
            message: "C29.1.1 is not a NACE Rev. 2 code: expected a section letter A–U, a division (C29), a group"
                + " (C29.1 or C291), a class (C29.10 or C2910) or a range (C10-C12)"),
        BadDefinition(
            testDescription: "an unknown country",
            yaml: cluster(replacing: "[ES51]", with: "[ES51, SP51]"), line: 3, column: 21,
            message: "SP51 is not a NUTS code: SP is not a NUTS country"),
        BadDefinition(
            testDescription: "an aggregate as a region",
            yaml: cluster(replacing: "[ES51]", with: "[EU27_2020]"), line: 3, column: 15,
            message: "EU27_2020 is an aggregate of countries, not a NUTS region (an aggregate can be the reference)"),
        BadDefinition(
            testDescription: "an aggregate as a peer",
            yaml: cluster(replacing: "    reference: ES", with: "    reference: ES\n    peers: [ES21, EU28]"),
            line: 6, column: 19, message: "EU28 is an aggregate of countries, not a NUTS region"),
        BadDefinition(
            testDescription: "an invalid reference",
            yaml: cluster(replacing: "reference: ES", with: "reference: Spain"), line: 5, column: 16,
            message: "Spain is not a NUTS code: expected two capital letters for the country, then 0–3 capital"
                + " letters or digits (ES, ES5, ES51, ES511), or an aggregate such as EU27_2020"),
        BadDefinition(
            testDescription: "a single value where a list is expected",
            yaml: cluster(replacing: "[ES51]", with: "ES51"), line: 3, column: 14,
            message: "regions must be a list of NUTS codes, not a single value: write [ES51]"),
        BadDefinition(
            testDescription: "a mapping where a list is expected",
            yaml: cluster(replacing: "[C29]", with: "{C29: 1}"), line: 4, column: 14,
            message: "sectors must be a list of NACE Rev. 2 codes, like [C29, C22.2], not a mapping"),
        BadDefinition(
            testDescription: "nothing where a list is expected",
            yaml: cluster(replacing: " [C29]", with: ""), line: 4, column: 5,
            message: "sectors has no value (expected a list of NACE Rev. 2 codes, like [C29, C22.2])"),
        BadDefinition(
            testDescription: "a list where a single value is expected",
            yaml: cluster(replacing: "reference: ES", with: "reference: [ES]"), line: 5, column: 16,
            message: "reference must be a NUTS code or an aggregate such as EU27_2020, not a list"),
        BadDefinition(
            testDescription: "a list inside a list of codes",
            yaml: cluster(replacing: "[C29]", with: "[[C29]]"), line: 4, column: 15,
            message: "an item of sectors must be a NACE Rev. 2 code, not a list"),
        BadDefinition(
            testDescription: "a mapping where a name is expected",
            yaml: cluster(replacing: "  - id: a", with: "  - id: a\n    name: {en: Cars}"), line: 3, column: 11,
            message: "name must be a text such as Catalonia automotive, not a mapping"),
        BadDefinition(
            testDescription: "an id without a value",
            yaml: cluster(replacing: "id: a", with: "id: ~"), line: 2, column: 5,
            message: "id has no value (expected an identifier such as es51-automotive)"),
        BadDefinition(
            testDescription: "a reference without a value",
            yaml: cluster(replacing: "reference: ES", with: "reference:\n    peers: [ES52]"), line: 5, column: 5,
            message: "reference has no value (expected a NUTS code or an aggregate such as EU27_2020)"),
        BadDefinition(
            testDescription: "an empty item in a list of codes",
            yaml: cluster(replacing: "[C29]", with: "[C29, \"\"]"), line: 4, column: 20,
            message: "an item of sectors is empty (expected a NACE Rev. 2 code)"),
        BadDefinition(
            testDescription: "an id with a space",
            yaml: cluster(replacing: "id: a", with: "id: a b"), line: 2, column: 9,
            message: "id \"a b\" may contain only letters A–Z and a–z, digits, '-', '_' and '.'"),
        BadDefinition(
            testDescription: "an empty members path",
            yaml: cluster(replacing: "reference: ES", with: "reference: ES\n    members: \"\""), line: 6,
            column: 14, message: "members is empty (expected the path of a member-firm survey file)"),
        BadDefinition(
            testDescription: "a duplicate cluster id",
            yaml: cluster(replacing: "", with: "") + "\n"
                + cluster(replacing: "clusters:\n", with: "").replacingOccurrences(of: "C29", with: "C30"),
            line: 6, column: 9, message: "duplicate cluster id \"a\" (first defined on line 2)"),
        BadDefinition(
            testDescription: "a cluster that is not a mapping",
            yaml: "clusters:\n  - es51-automotive\n", line: 2, column: 5,
            message: "a cluster must be a mapping with id, regions, sectors and reference, not the value"
                + " \"es51-automotive\""),
        BadDefinition(
            testDescription: "clusters that are not a list",
            yaml: "clusters: es51-automotive\n", line: 1, column: 11,
            message: "clusters must be a list of clusters, not the value \"es51-automotive\""),
        BadDefinition(
            testDescription: "a top level that is a list",
            yaml: "- id: a\n", line: 1, column: 1,
            message: "expected `clusters:` with a list of clusters at the top of the file, found a list"),
        BadDefinition(
            testDescription: "a top level without clusters",
            yaml: "{}\n", line: 1, column: 1,
            message: "no `clusters:`: the top of the file must hold `clusters:` with a list of clusters"),
        BadDefinition(
            testDescription: "an empty file",
            yaml: "# no clusters yet\n", line: 1, column: 1,
            message: "the file is empty: expected `clusters:` with a list of clusters"),
        BadDefinition(
            testDescription: "an unclosed flow list",
            yaml: cluster(replacing: "[ES51]", with: "[ES51"), line: 4, column: 12,
            message: "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3,"
                + " column 14)"),
        BadDefinition(
            testDescription: "a second colon on a line",
            yaml: cluster(replacing: "id: a", with: "id: a: b"), line: 2, column: 10,
            message: "invalid YAML: mapping values are not allowed in this context"),
        BadDefinition(
            testDescription: "a key given twice",
            yaml: cluster(replacing: "    reference: ES", with: "    reference: ES\n    regions: [ES52]"),
            line: 3, column: 5, message: "invalid YAML: key \"regions\" appears more than once in the same mapping"),
        BadDefinition(
            testDescription: "a control character",
            yaml: cluster(replacing: "id: a", with: "id: a\u{1}"), line: 2, column: 10,
            message: "invalid YAML: control characters are not allowed"),
    ]

    @Test("Every broken rule is reported at its line and column", arguments: badDefinitions)
    func badDefinition(_ bad: BadDefinition) {
        let expected = IndicatorsError(
            .clusterDefinition, bad.message, file: "clusters.yaml", line: bad.line, column: bad.column)
        #expect(throws: expected) { try ClusterDefinitionLoader.load(yaml: bad.yaml, file: "clusters.yaml") }
    }
}
