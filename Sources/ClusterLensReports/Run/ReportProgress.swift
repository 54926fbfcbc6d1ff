/// How far a report run has gone: the stage, and how many of its items are done. ``ReportRunner``
/// and ``IndicatorComputation`` report it to a ``ReportProgress/Handler`` as they go, so that a
/// terminal can show a progress bar on long runs; nothing is reported without a handler.
public struct ReportProgress: Sendable, Equatable {
    /// A stage of a run.
    public enum Stage: String, Sendable, Equatable, CaseIterable {
        /// Reading the data files (items: files).
        case reading = "reading data"
        /// Computing every indicator of every cluster (items: clusters).
        case computing
        /// Composite scores, uncertainty and benchmarks (one item).
        case scoring
        /// Writing the formats (items: formats).
        case writing
    }

    /// Receives progress; called from any thread, so it must be quick and thread-safe.
    public typealias Handler = @Sendable (ReportProgress) -> Void

    /// The stage.
    public var stage: Stage
    /// Items done.
    public var done: Int
    /// Items in the stage.
    public var total: Int

    /// Creates a progress report.
    public init(_ stage: Stage, done: Int, of total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}
