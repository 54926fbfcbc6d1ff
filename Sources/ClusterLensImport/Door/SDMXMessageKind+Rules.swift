extension SDMXMessageKind {
    /// The rule every reader of data applies to an SDMX-ML message before reading it (`convert`,
    /// `inspect`'s exit status, the store through ``DataImporter``): a data message is read, an error
    /// message is read and then refused by ``DataMessageSummary/requireData()`` with the provider's
    /// text, and any other message (structure, metadata, query) is not data.
    ///
    /// - Parameter path: The file, for the error.
    /// - Throws: ``ImportError`` (`unsupportedMessage`) naming the message type and version.
    public func requireDataMessage(file path: String) throws(ImportError) {
        guard category != .data && category != .error else { return }
        let hint = category == .structure ? ": give structure files with --structure" : ""
        throw ImportError(
            .unsupportedMessage, "a \(messageType) message (SDMX-ML \(version.rawValue)), not data\(hint)", file: path)
    }
}
