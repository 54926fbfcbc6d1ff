import Foundation
import Testing

@testable import ClusterLensXML

/// ``XMLStreamParser/checkWellFormed(file:)``: a document cut off is told apart from one that is wrong
/// in its middle (a feed answer cut off is retried; a wrong one is refused).
@Suite("Well-formedness check")
struct WellFormednessTests {
    private static func check(_ text: String) throws(XMLError) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wf-\(UUID().uuidString).xml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try XMLStreamParser.checkWellFormed(file: path)
    }

    @Test("A whole document passes; one cut off ends early; a wrong one in its middle does not")
    func cutOffIsToldApart() throws {
        let whole = "<?xml version=\"1.0\"?>\n<a>\n  <b x=\"1\"/>\n  <c>text</c>\n</a>\n"
        try Self.check(whole)
        let cut = try #require(throws: XMLError.self) { try Self.check(String(whole.prefix(30))) }
        #expect(cut.code == .malformed && cut.endsEarly, "\(cut)")
        let wrong = try #require(throws: XMLError.self) {
            try Self.check("<?xml version=\"1.0\"?>\n<a>\n  <b x=\"1\">\n  </c>\n</a>\n")
        }
        #expect(wrong.code == .malformed && !wrong.endsEarly, "\(wrong)")
        #expect(wrong.line == 4)
        let extra = try #require(throws: XMLError.self) { try Self.check("<a/>\n<b/>\n") }
        #expect(!extra.endsEarly, "\(extra)")
    }
}
