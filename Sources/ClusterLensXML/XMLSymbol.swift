/// A name interned in the parser's dictionary: an element or attribute local name or a namespace URI.
///
/// libxml2 hands out every name as a pointer into one dictionary per parse, so two equal names are
/// the same pointer. Comparing symbols is a pointer comparison; no `String` is built per element.
/// A symbol is valid only during the parse that produced it.
public struct XMLSymbol: Hashable {
    /// The interned, NUL-terminated UTF-8 bytes, or `nil` for "no name" (no namespace).
    public let pointer: UnsafePointer<UInt8>?

    /// Wraps an interned pointer.
    @inlinable public init(_ pointer: UnsafePointer<UInt8>?) {
        self.pointer = pointer
    }

    /// The symbol that stands for "no namespace".
    @inlinable public static var none: XMLSymbol { XMLSymbol(nil) }

    /// Whether this symbol is "no name".
    @inlinable public var isNone: Bool { pointer == nil }

    /// The name as a Swift string (allocates for names over 15 bytes: cache it).
    public var string: String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
