import Foundation

/// Reading the text input files of ClusterLens (definitions, indicator files, member surveys).
package enum TextFile {
    /// The text of a UTF-8 file.
    ///
    /// - Throws: ``FileError`` — `unreadable` when the file does not exist, is a folder or cannot be
    ///   read; `notText` when its bytes are not UTF-8.
    package static func read(_ path: String) throws(FileError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw FileError(.unreadable, path: path, message: "cannot read the file: no such file")
        }
        guard !isFolder.boolValue else {
            throw FileError(.unreadable, path: path, message: "cannot read the file: it is a folder")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileError(.unreadable, path: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw FileError(.notText, path: path, message: "the file is not UTF-8 text")
        }
        return text
    }
}
