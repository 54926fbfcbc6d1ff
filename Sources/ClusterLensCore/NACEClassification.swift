/// The names of NACE Rev. 2 activities (sections, divisions, groups, classes) and of the aggregate
/// codes Eurostat's dataflows use instead of a NACE code (`B-S_X_O_S94`, `HTC`, …), for reports.
public struct NACEClassification: Sendable {
    private var names: [String: String] = [:]

    /// An empty classification.
    public init() {}

    /// Adds the name of a code (either notation: `C29.1` and `C291` are the same group).
    public mutating func add(code: String, name: String) {
        names[Self.key(code)] = name
    }

    /// The name of a code, `nil` when unknown.
    public func name(of code: String) -> String? {
        names[Self.key(code)]
    }

    /// Whether no name is loaded.
    public var isEmpty: Bool { names.isEmpty }

    /// One spelling per code: the NACE code's canonical form when it parses, else the text as given.
    private static func key(_ code: String) -> String {
        (try? NACECode(code))?.code ?? code
    }
}
