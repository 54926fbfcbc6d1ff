import ClusterLensSupport
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// On SIGINT, SIGTERM or SIGHUP the tool removes the temporary files of unfinished outputs and
/// downloads (``ClusterLensSupport/TemporaryFiles``), then ends with status 128 + the signal's
/// number (130 for SIGINT, 143 for SIGTERM), as a shell reports a process a signal ended. Earlier outputs stay as they were: an output
/// replaces its destination only when complete.
enum InterruptCleanup {
    /// The signal sources, kept alive for the life of the process.
    private static let sources = Mutex<[any DispatchSourceSignal]>([])

    /// Installs the handlers (once).
    static func install() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            sources = [SIGINT, SIGTERM, SIGHUP].map { number in
                // The source, not the default action, handles the signal.
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    TemporaryFiles.removeAll()
                    // The dispatch threads block the signal, so it cannot be raised again: end with the
                    // status a shell gives a process the signal ended.
                    _exit(128 + number)
                }
                source.resume()
                return source
            }
        }
    }
}
