internal import Synchronization

/// The diagnostics channel of a run: every stage adds what it notices, from any task; the command
/// line prints each as it arrives and the report records them all.
///
/// A diagnostic reported twice (the same text for the same place, cluster and indicator) is kept
/// once. Safe to share between tasks (`Mutex`).
public final class Diagnostics: Sendable {
    private let state = Mutex(State())
    private let observer: (@Sendable (Diagnostic) -> Void)?

    private struct State {
        var entries: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
    }

    /// Creates an empty channel.
    ///
    /// - Parameter observer: Called once for each new diagnostic, on the reporting task (the command
    ///   line prints it on standard error).
    public init(observer: (@Sendable (Diagnostic) -> Void)? = nil) {
        self.observer = observer
    }

    /// Adds a diagnostic (a repeat of one already reported is dropped).
    public func report(_ diagnostic: Diagnostic) {
        let isNew = state.withLock { state in
            guard state.seen.insert(diagnostic).inserted else { return false }
            state.entries.append(diagnostic)
            return true
        }
        if isNew { observer?(diagnostic) }
    }

    /// Adds several diagnostics, in order.
    public func report(_ diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// Every diagnostic so far, in the order reported.
    public var all: [Diagnostic] { state.withLock { $0.entries } }

    /// The warnings so far.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
}
