import Foundation

/// Reading the engine's text input files (cluster definitions, indicators, member surveys).
public enum TextFile {
    /// The text of a UTF-8 file; `.unreadable` when it does not exist, is a folder or is not UTF-8.
    public static func read(_ path: String) throws(IndicatorsError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw IndicatorsError(.unreadable, "cannot read the file: no such file", file: path)
        }
        guard !isFolder.boolValue else {
            throw IndicatorsError(.unreadable, "cannot read the file: it is a folder", file: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IndicatorsError(.unreadable, "cannot read the file: \(error.localizedDescription)", file: path)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw IndicatorsError(.unreadable, "the file is not UTF-8 text", file: path)
        }
        return text
    }
}
