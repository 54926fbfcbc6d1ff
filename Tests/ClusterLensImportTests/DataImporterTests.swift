import ClusterLensCore
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensImport

/// Keeps the file begun, the source ended with and every record the importer hands on.
private final class RecordCollector: ObservationRecordSink {
    private(set) var begun: [String] = []
    private(set) var sources: [DataSource] = []
    private(set) var records: [ObservationRecord] = []

    func begin(file path: String, format: DataSource.Format) throws { begun.append(path) }
    func end(_ source: DataSource) throws { sources.append(source) }
    func record(_ record: consuming ObservationRecord) throws { records.append(record) }
}

/// `id=value` pairs, in order.
private func pairs(_ values: [ComponentValue]) -> [String] {
    values.map { "\($0.id)=\($0.value)" }
}

/// One record in a compact form: `key | period | lexical value (kind) | status | line`.
private func line(_ record: ObservationRecord) -> String {
    let value = record.value.lexical.map { "\($0)" } ?? "absent"
    return pairs(record.key).joined(separator: ",") + " | \(record.period.lexical) | \(value) (\(record.value.kind)) | "
        + pairs(record.status).joined(separator: ",") + " | \(record.line)"
}

/// The SHA-256 of each store fixture, as `sha256sum` prints it.
private let storeFixtureDigests = [
    "sbs_r_nuts2021.xml": "57bdd27b2ed0674b938a2c8bcfab187d7bb7c0a31258dfdc4584b1d5988b9fcd",
    "sbs_r_nuts2021.csv": "af378f6cc59ea42cf4a31b7eb91592f19b280cca5e84ae8a675807b90a0bc660",
    "sbs_r_nuts2021-tidy.csv": "4d66fd6d305c939dcc3b4ac4fb35ec4299dd9c718294b12cb897ad460602145f",
    "sdmx-csv-2.csv": "28055955dd9954ac7e6332f31f27e33058240711c1e9b9fb7a6be74afe1d843b",
    "oecd-tidy.csv": "deed2d65296a5d7d198486f14934e15c0cf46a37e03dea55de78510d1a2d0110",
    "renamed-tidy.csv": "14495742daf34a47981b350769e2d7612bfd680d8345003a3fd8bd36d331bdc8",
]

@Suite("Data importer: every format through one door")
struct DataImporterTests {
    @Test("SDMX-ML: the dataflow from the header's reference, the key without time, status attributes, NaN missing")
    func sdmxML() throws {
        let path = storeFixturePath("sbs_r_nuts2021.xml")
        let sink = RecordCollector()
        let diagnostics = Diagnostics()
        let summary = try DataImporter().read(file: path, into: sink, diagnostics: diagnostics)
        #expect(
            summary.source
                == DataSource(path: path, sha256: storeFixtureDigests["sbs_r_nuts2021.xml"] ?? "", format: .sdmxML))
        #expect(sink.begun == [path])
        #expect(sink.sources == [summary.source])
        #expect(summary.dataflows == ["sbs_r_nuts2021"])
        #expect(summary.observations == 17)
        #expect(summary.skipped == 0)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
        try #require(sink.records.count == 17)
        #expect(sink.records.allSatisfy { $0.dataflow == "sbs_r_nuts2021" })
        #expect(
            line(sink.records[0]) == "freq=A,nace_r2=C29,indic_sbs=EMP_LOC_NR,geo=ES51 | 2020 | 950 (numeric) |  | 0")
        #expect(
            line(sink.records[2])
                == "freq=A,nace_r2=C291,indic_sbs=EMP_LOC_NR,geo=ES51 | 2020 | 560 (numeric) | OBS_FLAG=e | 0")
        #expect(
            line(sink.records[5])
                == "freq=A,nace_r2=C292,indic_sbs=EMP_LOC_NR,geo=ES51 | 2021 | NaN (missingMarker) | CONF_STATUS=C | 0")
        #expect(sink.records[5].value.number == nil, "a confidential cell is missing, never zero")
        #expect(
            line(sink.records[14])
                == "freq=A,nace_r2=B-S_X_O_S94,indic_sbs=EMP_LOC_NR,geo=ES52 | 2021 | 12000 (numeric) | OBS_FLAG=p | 0")
        #expect(line(sink.records[16]) == "freq=A,nace_r2=C29,indic_sbs=LOC_NR,geo=ES51 | 2021 | 40 (numeric) |  | 0")
    }

    @Test("SDMX-CSV 1.0: the DATAFLOW column, CRLF lines, an empty confidential value, the record's line")
    func sdmxCSV10() throws {
        let path = storeFixturePath("sbs_r_nuts2021.csv")
        let sink = RecordCollector()
        let summary = try DataImporter().read(file: path, into: sink)
        #expect(
            summary.source
                == DataSource(path: path, sha256: storeFixtureDigests["sbs_r_nuts2021.csv"] ?? "", format: .sdmxCSV))
        #expect(summary.dataflows == ["sbs_r_nuts2021"])
        #expect(summary.observations == 17)
        try #require(sink.records.count == 17)
        #expect(
            line(sink.records[0]) == "freq=A,nace_r2=C29,indic_sbs=EMP_LOC_NR,geo=ES51 | 2020 | 950 (numeric) |  | 2")
        #expect(
            line(sink.records[2])
                == "freq=A,nace_r2=C291,indic_sbs=EMP_LOC_NR,geo=ES51 | 2020 | 560 (numeric) | OBS_FLAG=e | 4")
        #expect(
            line(sink.records[5])
                == "freq=A,nace_r2=C292,indic_sbs=EMP_LOC_NR,geo=ES51 | 2021 |  (empty) | CONF_STATUS=C | 7")
        #expect(sink.records[5].value.number == nil)
    }

    @Test("SDMX-CSV 2.0: STRUCTURE_ID names the dataflow; ACTION and UNIT_MULT are not dimensions")
    func sdmxCSV20() throws {
        let path = storeFixturePath("sdmx-csv-2.csv")
        let sink = RecordCollector()
        let summary = try DataImporter().read(file: path, into: sink)
        #expect(summary.source.format == .sdmxCSV)
        #expect(summary.source.sha256 == storeFixtureDigests["sdmx-csv-2.csv"])
        #expect(summary.dataflows == ["sbs_r_nuts2021"])
        #expect(
            sink.records.map(line) == [
                "FREQ=A,NACE_R2=C29,INDIC_SBS=EMP_LOC_NR,GEO=ES51 | 2021 | 1000 (numeric) |  | 2",
                "FREQ=A,NACE_R2=C291,INDIC_SBS=EMP_LOC_NR,GEO=ES52 | 2021 | 300 (numeric) | OBS_FLAG=e | 3",
                "FREQ=A,NACE_R2=C292,INDIC_SBS=EMP_LOC_NR,GEO=ES52 | 2021 | 200 (numeric) |  | 4",
            ])
    }

    @Test("Tidy CSV: a dataflow column in lower case, OECD column names, OBS_STATUS kept, an empty value missing")
    func tidyCSVWithDataflowColumn() throws {
        let path = storeFixturePath("oecd-tidy.csv")
        let sink = RecordCollector()
        let summary = try DataImporter().read(file: path, into: sink)
        #expect(
            summary.source
                == DataSource(path: path, sha256: storeFixtureDigests["oecd-tidy.csv"] ?? "", format: .tidyCSV))
        #expect(summary.dataflows == ["dsd_reg_bus@df_emp"])
        #expect(
            sink.records.map(line) == [
                "REF_AREA=ES51,ACTIVITY=C29,MEASURE=EMP | 2021 | 1000 (numeric) | OBS_STATUS=A | 2",
                "REF_AREA=ES52,ACTIVITY=C29,MEASURE=EMP | 2021 | 480 (numeric) | OBS_STATUS=E | 3",
                "REF_AREA=ES52,ACTIVITY=C29,MEASURE=EMP | 2022 |  (empty) | OBS_STATUS=M | 4",
            ])
    }

    @Test("Tidy CSV without a dataflow column: the dataflow given on loading; `:` with flag c is missing")
    func tidyCSVWithGivenDataflow() throws {
        let path = storeFixturePath("sbs_r_nuts2021-tidy.csv")
        let sink = RecordCollector()
        let summary = try DataImporter().read(file: path, dataflow: "ESTAT:SBS_R_NUTS2021(1.0)", into: sink)
        #expect(summary.source.sha256 == storeFixtureDigests["sbs_r_nuts2021-tidy.csv"])
        #expect(summary.dataflows == ["sbs_r_nuts2021"])
        #expect(summary.observations == 17)
        try #require(sink.records.count == 17)
        #expect(
            line(sink.records[0]) == "geo=ES51,nace_r2=C29,indic_sbs=EMP_LOC_NR,freq=A | 2020 | 950 (numeric) |  | 2")
        #expect(
            line(sink.records[5])
                == "geo=ES51,nace_r2=C292,indic_sbs=EMP_LOC_NR,freq=A | 2021 | : (missingMarker) | OBS_FLAG=c | 7")
        let error = try #require(throws: ImportError.self) {
            try DataImporter().read(file: path, into: RecordCollector())
        }
        #expect(error.code == .malformedCSV)
        #expect(error.line == 1)
        #expect(error.message.hasPrefix("the file has no dataflow column"))
    }

    @Test("Records whose period does not parse are left out, counted, and reported once with the first line")
    func skippedPeriods() throws {
        let path = storeFixturePath("renamed-tidy.csv")
        let sink = RecordCollector()
        let diagnostics = Diagnostics()
        let summary = try DataImporter().read(file: path, dataflow: "emp", into: sink, diagnostics: diagnostics)
        #expect(summary.observations == 3)
        #expect(summary.skipped == 1)
        #expect(sink.records.map(\.period.lexical) == ["2021", "2021", "2021-Q1"])
        #expect(sink.records.map(\.line) == [2, 3, 4])
        #expect(
            diagnostics.all == [
                .warning(
                    .import, code: "no-period", "1 observation(s) without a time period that parses were left out",
                    location: InputLocation(file: path, line: 5))
            ])
    }

    @Test("What the SDMX reader notices reaches the diagnostics: a footer note after data, a structureRef mismatch")
    func readerDiagnostics() throws {
        let footerPath = dataFixturePath("data/v21-footer-after-data.xml")
        let diagnostics = Diagnostics()
        let summary = try DataImporter().read(file: footerPath, into: RecordCollector(), diagnostics: diagnostics)
        #expect(summary.observations == 6)
        #expect(diagnostics.all.map(\.code) == ["sdmx-footer"])
        #expect(diagnostics.all.first?.severity == .note)
        #expect(diagnostics.all.first?.location == InputLocation(file: footerPath))
        #expect(
            diagnostics.all.first?.message.hasPrefix("footer [500 Warning] Warning: the extraction was interrupted")
                == true, "\(diagnostics.all)")

        let mismatchPath = dataFixturePath("data/v21-ss-timeseries.xml")
        let warnings = Diagnostics()
        try DataImporter().read(file: mismatchPath, into: RecordCollector(), diagnostics: warnings)
        #expect(warnings.all.map(\.code) == ["sdmx-reader"])
        #expect(warnings.all.first?.severity == .warning)
        #expect(warnings.all.first?.message.contains("CLX_PA_REG_EMP_ES") == true, "\(warnings.all)")

        let emptyPath = dataFixturePath("data/v21-empty-dataset.xml")
        let empty = Diagnostics()
        let emptySummary = try DataImporter().read(file: emptyPath, into: RecordCollector(), diagnostics: empty)
        #expect(emptySummary.observations == 0)
        #expect(
            empty.all == [
                .warning(
                    .import, code: "no-observations", "the file holds no observations",
                    location: InputLocation(file: emptyPath))
            ])
    }

    @Test(
        "An SDMX error message and a footer-only message are refused with sdmxErrorMessage and the provider's text",
        arguments: [
            (
                "data/v21-error.xml",
                "the provider sent an SDMX error message: [100] No results found for query REG_EMP/A.C29.ES99.THS_PER "
                    + "& period 1990-1995"
            ),
            (
                "data/v21-footer-only.xml",
                "no data, only a footer message: [413 Infomation] The requested extraction is too large for a "
                    + "synchronous reply; the result will be written to a file. | "
                    + "https://dissemination.example.org/sdmx/async/file/7f3c2a9e-REG_EMP.xml.gz"
            ),
        ])
    func messagesWithoutData(_ fixture: String, _ message: String) throws {
        let path = dataFixturePath(fixture)
        let sink = RecordCollector()
        let error = try #require(throws: ImportError.self) { try DataImporter().read(file: path, into: sink) }
        #expect(error == ImportError(.sdmxErrorMessage, message, file: path))
        #expect(sink.records.isEmpty)
    }

    @Test("A structure message is not data: unsupportedMessage, naming the message and --structure")
    func structureMessage() throws {
        let path = dataFixturePath("structure/v21-structure.xml")
        let sink = RecordCollector()
        let error = try #require(throws: ImportError.self) { try DataImporter().read(file: path, into: sink) }
        #expect(
            error
                == ImportError(
                    .unsupportedMessage,
                    "a Structure message (SDMX-ML 2.1), not data: give structure files with --structure",
                    file: path))
        #expect(sink.begun.isEmpty && sink.sources.isEmpty, "nothing reached the sink")
    }

    @Test("A member survey is not statistics: refused at line 1, pointing to members:")
    func memberSurvey() throws {
        let path = TestPaths.package("Indicators/members-template.csv")
        let error = try #require(throws: ImportError.self) {
            try DataImporter().read(file: path, into: RecordCollector())
        }
        #expect(error.code == .malformedCSV)
        #expect(error.line == 1)
        #expect(error.message.contains("`members:`"), "\(error.message)")
    }

    @Test("A broken CSV is refused with malformedCSV naming the line, and nothing of it is kept by the caller's sink")
    func brokenCSV() throws {
        let ragged = dataFixturePath("bad/ragged.csv")
        let sink = RecordCollector()
        let error = try #require(throws: ImportError.self) { try DataImporter().read(file: ragged, into: sink) }
        #expect(error == ImportError(.malformedCSV, "the record has 8 fields, the header 9", file: ragged, line: 4))
        #expect(sink.records.count == 2, "the records before the bad line were handed on; the store drops them all")
        let noValue = dataFixturePath("bad/no-value-column.csv")
        let valueError = try #require(throws: ImportError.self) { try DataImporter().read(file: noValue, into: sink) }
        #expect(
            valueError
                == ImportError(.malformedCSV, "no value column: expected value or OBS_VALUE", file: noValue, line: 1))
    }
}
