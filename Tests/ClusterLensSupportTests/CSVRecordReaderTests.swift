import Testing

@testable import ClusterLensSupport

/// The one RFC 4180 reader: quoting, line numbers, comments, byte order mark, unterminated quotes.
@Suite("CSV record reader")
struct CSVRecordReaderTests {
    @Test func recordsKeepTheLineTheyStartOnAcrossQuotedLineBreaksAndSkippedLines() {
        let text = "\u{FEFF}a,b\r\n# a comment, \"quoted\"\n\n\"x\ny\",\"say \"\"hi\"\"\"\rlast,\n"
        let reader = CSVRecordReader(bytes: Array(text.utf8), skipsCommentsAndBlankLines: true)
        #expect(reader.nextRecord() == CSVRecord(line: 1, fields: ["a", "b"], unterminatedQuoteLine: nil))
        #expect(reader.nextRecord() == CSVRecord(line: 4, fields: ["x\ny", "say \"hi\""], unterminatedQuoteLine: nil))
        #expect(reader.nextRecord() == CSVRecord(line: 6, fields: ["last", ""], unterminatedQuoteLine: nil))
        #expect(reader.nextRecord() == nil)
    }

    @Test func withoutSkippingACommentIsARecordAndABlankLineIsOneEmptyField() {
        let reader = CSVRecordReader(bytes: Array("#x,y\n\nz\n".utf8))
        #expect(reader.next() == ["#x", "y"])
        #expect(reader.next() == [""])
        #expect(reader.next() == ["z"])
        #expect(reader.next() == nil)
    }

    @Test func aQuoteLeftOpenAtTheEndIsReportedWithTheLineItOpenedOn() {
        let reader = CSVRecordReader(bytes: Array("a,b\nc,\"open\nstill\n".utf8))
        _ = reader.nextRecord()
        #expect(reader.nextRecord()?.unterminatedQuoteLine == 2)
    }
}
