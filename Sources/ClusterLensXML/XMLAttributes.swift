/// The attributes of one start tag, viewed in place in libxml2's buffers.
///
/// Valid only inside the `startElement` callback that received it. Values are raw UTF-8 bytes;
/// use ``string(at:)`` to get a decoded `String`.
public struct XMLAttributes {
    @usableFromInline let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    /// The number of attributes.
    public let count: Int

    @inlinable init(base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.base = base
        self.count = base == nil ? 0 : count
    }

    /// The local name of attribute `index` (without prefix).
    @inlinable public func localName(at index: Int) -> XMLSymbol {
        XMLSymbol(base?[index * 5])
    }

    /// The namespace URI of attribute `index`, ``XMLSymbol/none`` for unqualified attributes.
    @inlinable public func namespace(at index: Int) -> XMLSymbol {
        XMLSymbol(base?[index * 5 + 2])
    }

    /// The raw value bytes of attribute `index`.
    ///
    /// An ampersand in the document (`&amp;` or `&#38;`) arrives as the five bytes `&#38;`, as
    /// libxml2 keeps it when entity substitution is off; ``string(at:)`` decodes it.
    @inlinable public func rawValue(at index: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base, let start = base[index * 5 + 3], let end = base[index * 5 + 4] else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: start, count: end - start)
    }

    /// The decoded value of attribute `index`.
    public func string(at index: Int) -> String {
        XMLText.decodeAttributeValue(rawValue(at: index))
    }

    /// The index of the first attribute with this local name in no namespace, if any.
    @inlinable public func index(ofUnqualified name: XMLSymbol) -> Int? {
        var index = 0
        while index < count {
            if localName(at: index) == name && namespace(at: index).isNone { return index }
            index += 1
        }
        return nil
    }

    /// The index of the first attribute with this local name, in any namespace.
    @inlinable public func index(ofLocalName name: XMLSymbol) -> Int? {
        var index = 0
        while index < count {
            if localName(at: index) == name { return index }
            index += 1
        }
        return nil
    }
}
