/// Something a stage of a run noticed that does not stop the run: a warning the user must see (a
/// sector without data, a cluster screened out of the composite, a requested period without values,
/// a duplicate observation) or a note (a provider's footer).
///
/// Diagnostics are collected by ``Diagnostics`` from every stage, printed on standard error by the
/// command-line tool and recorded in the report (its data-quality section), never silent.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        /// Something is off and may change what a number means; the run goes on.
        case warning
        /// Information worth knowing (a provider's footer note).
        case note
    }

    /// The stage of the pipeline that noticed it.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        /// Fetching feeds.
        case feeds
        /// Reading input files (data, member surveys).
        case `import`
        /// Computing indicators.
        case indicators
        /// Composite scores, uncertainty, benchmarks and progress.
        case scoring
        /// Building the report.
        case report
        /// Writing the report's files.
        case export
    }

    /// How serious it is.
    public var severity: Severity
    /// Which stage noticed it.
    public var stage: Stage
    /// A short stable identifier of the kind of problem (`duplicate-observation`, `screened-out`), for
    /// scripts that filter diagnostics.
    public var code: String
    /// What happened and what it means, one line.
    public var message: String
    /// The file (and line) concerned, if any.
    public var location: InputLocation?
    /// The cluster concerned, if any.
    public var cluster: String?
    /// The indicator concerned, if any.
    public var indicator: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, stage: Stage, code: String, _ message: String, location: InputLocation? = nil,
        cluster: String? = nil, indicator: String? = nil
    ) {
        self.severity = severity
        self.stage = stage
        self.code = code
        self.message = message
        self.location = location
        self.cluster = cluster
        self.indicator = indicator
    }

    /// A warning.
    public static func warning(
        _ stage: Stage, code: String, _ message: String, location: InputLocation? = nil, cluster: String? = nil,
        indicator: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .warning, stage: stage, code: code, message, location: location, cluster: cluster, indicator: indicator)
    }

    /// A note.
    public static func note(
        _ stage: Stage, code: String, _ message: String, location: InputLocation? = nil, cluster: String? = nil,
        indicator: String? = nil
    ) -> Diagnostic {
        Diagnostic(.note, stage: stage, code: code, message, location: location, cluster: cluster, indicator: indicator)
    }

    /// `warning: FILE:LINE: message [cluster C, indicator I]`, as the command line prints it.
    public var description: String {
        var text = "\(severity.rawValue): "
        if let location { text += "\(location): " }
        text += message
        let context = [cluster.map { "cluster \($0)" }, indicator.map { "indicator \($0)" }].compactMap { $0 }
        if !context.isEmpty { text += " [\(context.joined(separator: ", "))]" }
        return text
    }
}
