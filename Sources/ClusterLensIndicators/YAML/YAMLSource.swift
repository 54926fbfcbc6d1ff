internal import ClusterLensCore
package import Yams

/// Reading YAML files: their text, and the document tree with syntax errors at line and column.
package enum YAMLSource {
    /// Tags resolved: only null, the one tag the readers ask about (``YAMLReader/isNull(_:)``); the
    /// readers parse numbers and booleans from the text themselves, so resolving them (one regular
    /// expression each, for every scalar) would be work thrown away.
    static let resolver = Resolver.basic.appending(.null)

    /// The document tree of `text`, `nil` for an empty document.
    package static func compose(_ text: String, file: String, errorCode: IndicatorsError.Code) throws(IndicatorsError)
        -> Node?
    {
        do {
            return try Yams.compose(yaml: text, resolver)
        } catch {
            throw syntaxError(error, in: text, file: file, errorCode: errorCode)
        }
    }

    /// Turns a Yams error into an error at its line and column.
    package static func syntaxError(
        _ error: any Error, in text: String, file: String, errorCode: IndicatorsError.Code
    ) -> IndicatorsError {
        guard let error = error as? YamlError else {
            return IndicatorsError(errorCode, "invalid YAML: \(error)", file: file)
        }
        func located(_ message: String, line: Int, column: Int) -> IndicatorsError {
            IndicatorsError(errorCode, "invalid YAML: \(message)", file: file, line: line, column: column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return located(problem + detail, line: mark.line, column: mark.column)
        case .reader(let problem, let offset, _, _):
            guard let offset else { return located(problem, line: 0, column: 0) }
            let before = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            return located(problem, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let message = "key \(keys) appears more than once in the same mapping"
            return located(message, line: context.mark.line, column: context.mark.column)
        default:
            return IndicatorsError(errorCode, "invalid YAML: \(error)", file: file)
        }
    }
}
