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

    /// Why a path that is not a glob pattern gives no data file: `cannot read the file: REASON`, the
    /// system's reason for a missing or unreadable path, or a folder without `.xml` or `.csv` files;
    /// `nil` for a glob pattern (which may rightly match nothing) and for a readable file.
    public static func whyUnreadable(_ path: String) -> String? {
        guard !path.contains(where: { "*?[".contains($0) }) else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else {
            return "cannot read the file: \(String(cString: strerror(errno)))"
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return "cannot read the file: it is a folder without .xml or .csv files"
        }
        return nil
    }
}
