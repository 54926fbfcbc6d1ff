public import ClusterLensCore

extension DataMessageSummary {
    /// The rule every reader of data applies (`convert`, the store, the feed fetcher): a message that
    /// carries an answer instead of data is an error, not an empty data set.
    ///
    /// - Throws: ``ImportError`` (`sdmxErrorMessage`) for an SDMX error message, and for a message with
    ///   a footer and no data set (Eurostat's 413 "the file will be posted at URL"), with the
    ///   provider's text.
    public func requireData() throws(ImportError) {
        if !errors.isEmpty {
            let text = errors.map(\.description).joined(separator: "; ")
            throw ImportError(.sdmxErrorMessage, "the provider sent an SDMX error message: \(text)", file: file)
        }
        if datasets == 0 && !footer.isEmpty {
            let text = footer.map(\.description).joined(separator: "; ")
            throw ImportError(.sdmxErrorMessage, "no data, only a footer message: \(text)", file: file)
        }
    }

    /// What the reader noticed, as diagnostics: the reader's warnings and the footer notes.
    public var diagnostics: [Diagnostic] {
        let location = InputLocation(file: file)
        return warnings.map { Diagnostic.warning(.import, code: "sdmx-reader", $0, location: location) }
            + footer.map { Diagnostic.note(.import, code: "sdmx-footer", "footer \($0)", location: location) }
    }
}
