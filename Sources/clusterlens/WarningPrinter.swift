internal import ClusterLensCore
internal import Synchronization

/// Prints a report's warnings and notes on standard error as they come, at most ``perKind`` of each
/// kind (a diagnostic's `code`): a report of thousands of clusters would otherwise print a thousand
/// lines of one warning. Past the limit one line says that more of that kind follow, and the closing
/// count says how many were not printed; the report's data-quality section lists every one.
final class WarningPrinter: Sendable {
    /// How many diagnostics of one kind are printed.
    static let perKind = 10

    private let printed = Mutex<(byKind: [String: Int], withheld: Int)>(([:], 0))
    private let before: @Sendable () -> Void

    /// A printer that calls `before` ahead of each line it prints (to clear a progress bar).
    init(before: @escaping @Sendable () -> Void = {}) {
        self.before = before
    }

    /// Prints `diagnostic`, or counts it as withheld past the limit of its kind.
    func print(_ diagnostic: Diagnostic) {
        let seen = printed.withLock { state in
            state.byKind[diagnostic.code, default: 0] += 1
            let seen = state.byKind[diagnostic.code, default: 0]
            if seen > Self.perKind && diagnostic.severity == .warning { state.withheld += 1 }
            return seen
        }
        guard seen <= Self.perKind + 1 else { return }
        before()
        if seen <= Self.perKind {
            ExitStatus.report(diagnostic)
        } else {
            ExitStatus.printError(
                "\(diagnostic.severity.rawValue): more of this kind (\(diagnostic.code)) follow, not printed here; "
                    + "the report's data-quality section lists them all")
        }
    }

    /// How many warnings were not printed.
    var withheld: Int { printed.withLock { $0.withheld } }
}
