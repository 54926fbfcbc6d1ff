import ClusterLensXML

/// Finding the message root: wrappers (SOAP, 2.0 `RegistryInterface`), and refusing documents that are
/// not structure messages (HTML, data messages, SDMX error messages, queries).
extension StructureMessageHandler {
    /// Whether `frame` lies outside the message root (a SOAP or registry wrapper).
    func isPrologue(_ frame: StructureFrame) -> Bool {
        if case .wrapper = frame { return true }
        return false
    }

    /// Finds the message root through wrappers, or refuses the document.
    func startOutsideMessage(_ localName: XMLSymbol, element: StructureElement?, namespace: XMLSymbol) throws {
        let isDocumentRoot = stack.isEmpty
        let kind = namespaceKind(namespace)
        if case .sdmx(let messageVersion, let role) = kind {
            switch (role, element) {
            case (.message, .structure?):
                try beginMessage(messageVersion)
                return
            case (.message, .registryInterface?):
                stack.append(.wrapper)
                return
            case (.message, .error?):
                stack.append(.errorMessage)
                return
            case (.message, .header?) where !isDocumentRoot:
                skip(element)
                return
            // The 2.0 XSD puts QueryStructureResponse in the message namespace; accept the registry one too.
            case (.message, .queryStructureResponse?), (.other("registry"), .queryStructureResponse?):
                try beginMessage(messageVersion)
                return
            default:
                break
            }
            let rootName = localName.string
            if role == .message && Self.dataMessageRoots.contains(rootName) {
                throw ImportError(
                    .structure, "the document is a data message (\(rootName)), not a structure message", file: name,
                    line: line)
            }
            throw ImportError(
                .unsupportedMessage,
                "the document is an SDMX-ML \(messageVersion.rawValue) \(rootName) message, not a structure message",
                file: name, line: line)
        }
        if namespace == attributeNames.soap11 || namespace == attributeNames.soap12 {
            if element == .envelope || element == .body {
                insideSOAP = true
                stack.append(.wrapper)
            } else {
                skip(counted: false)  // soap:Header, soap:Fault
            }
            return
        }
        if !isDocumentRoot && insideSOAP {
            stack.append(.wrapper)  // the operation elements of a SOAP response
            return
        }
        if isDocumentRoot {
            var message = "the document is not an SDMX-ML message: its root element is <\(localName.string)>"
            if !namespace.isNone { message += " in namespace \(namespace.string)" }
            throw ImportError(.notSDMX, message, file: name, line: line)
        }
        skip(counted: false)
    }

    /// Enters the message root.
    func beginMessage(_ messageVersion: SDMXVersion) throws {
        guard messageVersion >= .v2_0 else {
            throw ImportError(
                .unsupportedMessage, "SDMX-ML \(messageVersion.rawValue) structure messages are not supported",
                file: name, line: line)
        }
        version = messageVersion
        stack.append(.root)
    }

    /// Collects the texts and codes of an SDMX error message.
    func startInErrorMessage(_ element: StructureElement?, attributes: XMLAttributes) {
        if element == .text {
            stack.append(beginText(.errorText))
            return
        }
        if let index = attributes.index(ofUnqualified: attributeNames.code) {
            errorCodes.append(attributes.string(at: index))
        }
        stack.append(.errorMessage)
    }

    /// Reports the SDMX error message whose root just closed.
    func throwErrorMessage() throws {
        var message = "the provider returned an SDMX error message"
        if !errorCodes.isEmpty { message += " (code \(errorCodes.joined(separator: ", ")))" }
        if !errorTexts.isEmpty { message += ": " + errorTexts.joined(separator: "; ") }
        throw ImportError(.sdmxErrorMessage, message, file: name, line: line)
    }
}
