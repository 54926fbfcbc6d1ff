/// An error of a ClusterLens module that keeps the error that caused it.
///
/// Each module has one error type with a stable code; when a module wraps another module's error
/// (the store reading a truncated SDMX file, a report whose composite step fails), it keeps the
/// original as ``underlying``, so the command-line tool can give the exit status of the cause and a
/// library user can inspect it.
public protocol ChainedError: Error, CustomStringConvertible {
    /// The error that caused this one, if any.
    var underlying: (any Error)? { get }
}

extension Error {
    /// This error and every error under it, outermost first.
    public var causes: [any Error] {
        var chain: [any Error] = [self]
        var current: any Error = self
        while let chained = current as? any ChainedError, let next = chained.underlying, chain.count < 32 {
            chain.append(next)
            current = next
        }
        return chain
    }
}
