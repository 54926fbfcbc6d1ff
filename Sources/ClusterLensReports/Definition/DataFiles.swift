internal import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Data files as users name them: a file, a folder (its `.xml` and `.csv` files) or a glob pattern —
/// the same rule for a report's `data:`, a batch's `clusters:` and `compute --data`.
public enum DataFiles {
    /// A file, the `.xml`/`.csv` files of a folder, or the files a glob pattern matches, sorted;
    /// empty when nothing matches.
    public static func expand(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".csv") }.sorted().map {
                (path as NSString).appendingPathComponent($0)
            }
        }
        guard path.contains(where: { "*?[".contains($0) }) else { return [] }
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(path, 0, nil, &matches) == 0 else { return [] }
        var result: [String] = []
        for index in 0..<Int(matches.gl_pathc) {
            if let pointer = matches.gl_pathv[index] { result.append(String(cString: pointer)) }
        }
        return result.sorted()
    }
}
