import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensSupport

/// The clean-up of temporary outputs: a file, or a folder of pages being written (the HTML of many
/// clusters), goes whole and is forgotten. (``TemporaryFiles/removeAll()`` is not called here: it
/// would remove the temporary files of tests running beside this one.)
@Suite("Temporary files")
struct TemporaryFilesTests {
    @Test func aRegisteredFolderIsRemovedWithItsFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let pages = folder.path(".r-clusters.folder-1")
        try FileManager.default.createDirectory(atPath: pages + "/nested", withIntermediateDirectories: true)
        try "<p>a</p>".write(toFile: pages + "/a.html", atomically: false, encoding: .utf8)
        try "b".write(toFile: pages + "/nested/b.css", atomically: false, encoding: .utf8)
        let file = folder.path(".r.html.tmp-1")
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        TemporaryFiles.register(pages)
        TemporaryFiles.register(file)
        #expect(TemporaryFiles.current.isSuperset(of: [pages, file]))
        TemporaryFiles.remove(pages)
        TemporaryFiles.remove(file)
        #expect(!FileManager.default.fileExists(atPath: pages) && !FileManager.default.fileExists(atPath: file))
        #expect(TemporaryFiles.current.isDisjoint(with: [pages, file]))
    }
}
