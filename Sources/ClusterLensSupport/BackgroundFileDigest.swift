internal import Foundation

/// The SHA-256 of a file, worked out on a thread of its own while the caller reads the same file:
/// the importer parses on one core and hashes on another, so the hash adds nothing to the load's time.
///
/// ``value()`` waits for the digest. When the import fails, ``stop()`` ends the hashing at its next
/// 1 MiB chunk and waits for it: no thread may still be in libcrypto when the process exits (its
/// clean-up at exit pulls the hash from under the thread: a crash, not an exit status).
package final class BackgroundFileDigest: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var result: Result<String, FileError>?
    private var cancelled = false

    /// Starts hashing `path`.
    package init(path: String) {
        let thread = Thread { [self] in
            let digest = Result { () throws(FileError) -> String? in
                try SHA256.hexDigest(ofFile: path, while: { !self.isCancelled })
            }
            condition.lock()
            switch digest {
            case .success(let text?): result = .success(text)
            case .success(nil): result = .failure(FileError(.unreadable, path: path, message: "hashing stopped"))
            case .failure(let error): result = .failure(error)
            }
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "clusterlens-sha256"
        thread.start()
    }

    /// Stops the hashing (when nobody will read the digest) and waits until the hashing thread is done
    /// with the file and libcrypto; after ``value()``, returns at once.
    package func stop() {
        condition.lock()
        cancelled = true
        while result == nil { condition.wait() }
        condition.unlock()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// The digest, 64 lower-case hexadecimal digits, once the whole file is hashed.
    ///
    /// - Throws: ``FileError`` (`unreadable`) when the file could not be read.
    package func value() throws(FileError) -> String {
        condition.lock()
        while result == nil { condition.wait() }
        let result = self.result
        condition.unlock()
        switch result {
        case .success(let digest): return digest
        case .failure(let error): throw error
        case nil: throw FileError(.unreadable, path: "", message: "no digest")
        }
    }
}
