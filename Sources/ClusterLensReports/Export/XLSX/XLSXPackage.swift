internal import ClusterLensXML
internal import Foundation
internal import ZIPFoundation

/// Writes a workbook file: the XML parts with libxml2's writer into a temporary folder, then one ZIP
/// archive (ZIPFoundation, deflated) beside the destination, renamed into place when complete. A
/// failure removes the temporary files and leaves the destination as it was.
struct XLSXPackage {
    /// The workbook's title (document properties).
    var title: String
    /// Who made it (document properties): `ClusterLens 0.2.0`.
    var creator: String
    /// When it was made: the report's generation time, also the time stamp of every archive entry,
    /// so that the same report gives the same bytes.
    var created: Date
    /// The sheets in order; the first is the one the workbook opens on.
    var sheets: [XLSXSheet]

    /// Writes the workbook to `path` atomically.
    ///
    /// - Throws: ``ReportError`` (`output`) naming `path` when a part or the archive cannot be written.
    func write(to path: String) throws(ReportError) {
        let parts = ReportOutputFile.temporary(beside: path, tag: "parts")
        let archivePath = ReportOutputFile.temporary(beside: path)
        defer { try? FileManager.default.removeItem(atPath: parts) }
        do {
            let names = try writeParts(into: parts)
            let archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .create)
            for name in names { try add(name, from: parts, to: archive) }
        } catch let error as ReportError {
            try? FileManager.default.removeItem(atPath: archivePath)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: archivePath)
            throw ReportError(.output, "cannot write the workbook: \(error)", file: path, underlying: error)
        }
        try ReportOutputFile.moveIntoPlace(archivePath, path)
    }

    /// Writes every part under `folder` and returns their names, in archive order.
    private func writeParts(into folder: String) throws -> [String] {
        let manager = FileManager.default
        for sub in ["_rels", "docProps", "xl/_rels", "xl/worksheets"] {
            try manager.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        var names: [String] = []
        func part(_ name: String, _ body: (XMLWriter) throws(XMLError) -> Void) throws {
            let writer = try XMLWriter(path: folder + "/" + name, indent: false)
            try body(writer)
            try writer.finish()
            names.append(name)
        }
        try part("[Content_Types].xml") { xml throws(XMLError) in
            try XLSXParts.contentTypes(sheets: sheets.count, to: xml)
        }
        try part("_rels/.rels") { xml throws(XMLError) in try XLSXParts.packageRelationships(to: xml) }
        try part("docProps/core.xml") { xml throws(XMLError) in
            try XLSXParts.coreProperties(
                title: title, creator: creator, created: ISO8601DateFormatter().string(from: created), to: xml)
        }
        try part("docProps/app.xml") { xml throws(XMLError) in try XLSXParts.appProperties(to: xml) }
        try part("xl/workbook.xml") { xml throws(XMLError) in try XLSXParts.workbook(sheets, to: xml) }
        try part("xl/_rels/workbook.xml.rels") { xml throws(XMLError) in
            try XLSXParts.workbookRelationships(sheets: sheets.count, to: xml)
        }
        try part("xl/styles.xml") { xml throws(XMLError) in try XLSXParts.styles(to: xml) }
        for (index, sheet) in sheets.enumerated() {
            try part("xl/worksheets/sheet\(index + 1).xml") { xml throws(XMLError) in
                try XLSXWorksheet.write(sheet, selected: index == 0, to: xml)
            }
        }
        return names
    }

    /// Adds the file `name` of `folder` to `archive`, deflated, stamped with ``created``.
    private func add(_ name: String, from folder: String, to archive: Archive) throws {
        let url = URL(fileURLWithPath: folder + "/" + name)
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(size), modificationDate: created,
            compressionMethod: .deflate
        ) { position, length in
            try handle.seek(toOffset: UInt64(position))
            return try handle.read(upToCount: length) ?? Data()
        }
    }
}
