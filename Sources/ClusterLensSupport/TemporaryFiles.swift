internal import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files this process has open (outputs not yet renamed into place, downloads not yet
/// stored, a folder of pages being written), so that an interrupted run (SIGINT, SIGTERM, SIGHUP)
/// removes them before it ends: the command-line tool calls ``removeAll()`` from its signal source
/// (a dispatch queue, not the signal handler itself).
package enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    /// Records a temporary file.
    package static func register(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    /// Forgets a temporary file (renamed into place, or removed).
    package static func unregister(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// Removes `path` (a file, or a folder with what it holds) and forgets it.
    package static func remove(_ path: String) {
        delete(path)
        unregister(path)
    }

    /// Removes a file, or a folder with its contents; whether something was removed. A folder may
    /// still be filling (on an interrupt the writers run until the process ends): its removal is
    /// tried again until the folder is gone, as each new file in it makes the last step fail.
    @discardableResult
    private static func delete(_ path: String) -> Bool {
        if unlink(path) == 0 { return true }
        for _ in 0..<1_000 {
            if (try? FileManager.default.removeItem(atPath: path)) != nil { return true }
            if !FileManager.default.fileExists(atPath: path) { return false }
        }
        return false
    }

    /// Removes every temporary file still recorded; returns how many were removed.
    @discardableResult
    package static func removeAll() -> Int {
        let all = paths.withLock { paths in
            defer { paths.removeAll() }
            return paths
        }
        return all.reduce(0) { count, path in count + (delete(path) ? 1 : 0) }
    }

    /// The temporary files recorded now (for tests).
    package static var current: Set<String> { paths.withLock { $0 } }
}
