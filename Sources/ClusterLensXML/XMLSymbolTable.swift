import CLibXML2

/// Interns names in the dictionary of one parse, for pointer comparisons against parsed names.
public struct XMLSymbolTable {
    let dictionary: xmlDictPtr?

    /// The symbol for `name`, equal to the symbol the parser hands out for the same name.
    public func intern(_ name: String) -> XMLSymbol {
        guard let dictionary else { return .none }
        return name.withCString { bytes in
            bytes.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { xmlBytes in
                XMLSymbol(xmlDictLookup(dictionary, xmlBytes, -1))
            }
        }
    }
}
