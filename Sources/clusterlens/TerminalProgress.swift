import ClusterLensReports
import Foundation
import Synchronization

/// A progress bar on standard error while a long run goes (`report`, `demo`, `compute`, `batch`): one
/// line redrawn in place, at most ten times a second, and cleared at the end. It shows only when
/// standard error is a terminal; redirected to a file or a pipe it prints nothing.
final class TerminalProgress: Sendable {
    private struct State {
        var shown = false
        var lastDraw = ContinuousClock.now - .seconds(1)
        var lastStage: ReportProgress.Stage?
    }

    private let state = Mutex(State())
    /// Whether the bar is drawn at all (standard error is a terminal).
    let enabled: Bool

    /// A bar on standard error when it is a terminal (`enabled` overrides the check, for tests).
    init(enabled: Bool = isatty(2) != 0) {
        self.enabled = enabled
    }

    /// A bar of `width` characters, `#` for what is done.
    static func bar(done: Int, total: Int, width: Int = 30) -> String {
        let filled = total > 0 ? min(width, width * done / total) : 0
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    /// The line for one progress report: `[#####.....] computing 120/500`.
    static func line(_ progress: ReportProgress) -> String {
        "\(bar(done: progress.done, total: progress.total)) \(progress.stage.rawValue) \(progress.done)/\(progress.total)"
    }

    /// A handler for the library's runs.
    var handler: ReportProgress.Handler? {
        guard enabled else { return nil }
        return { [self] progress in update(progress) }
    }

    /// Redraws the line (throttled, but always on a new stage).
    func update(_ progress: ReportProgress) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            let now = ContinuousClock.now
            guard state.lastStage != progress.stage || now - state.lastDraw >= .milliseconds(100) else { return nil }
            state.lastDraw = now
            state.lastStage = progress.stage
            state.shown = true
            return Self.line(progress)
        }
        if let line { FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8)) }
    }

    /// Draws a finished line of the batch's own progress (a report done of many), left in place at the end.
    func draw(_ text: String, done: Int, total: Int) {
        guard enabled else { return }
        state.withLock { $0.shown = done < total }
        let line = "\r\(Self.bar(done: done, total: total)) \(done)/\(total) \(text)\u{1B}[K"
        FileHandle.standardError.write(Data((line + (done == total ? "\n" : "")).utf8))
    }

    /// Clears the line (before a warning is printed, and at the end).
    func clear() {
        guard enabled else { return }
        let shown = state.withLock { state in
            defer { state.shown = false }
            return state.shown
        }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
