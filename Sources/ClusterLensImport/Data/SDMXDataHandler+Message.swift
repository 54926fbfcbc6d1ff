import ClusterLensCore
import ClusterLensXML

/// The message envelope: root and wrappers, header, footer and error messages.
extension SDMXDataHandler {
    static let soapNamespaces: Set<String> = [
        "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope",
    ]
    static let dataMessageTypes: Set<String> = [
        "GenericData", "GenericTimeSeriesData", "StructureSpecificData", "StructureSpecificTimeSeriesData",
        "CompactData", "UtilityData", "CrossSectionalData", "MessageGroup",
    ]
    static let knownHeaderElements: Set<String> = [
        "Test", "Truncated", "Name", "Receiver", "DataSetAgency", "DataSetID", "DataSetAction", "Extracted",
        "ReportingBegin", "ReportingEnd", "EmbargoDate", "Source", "KeyFamilyAgency", "DataProvider",
        "DataflowID", "DataflowAgencyID",
    ]

    /// An element before the message element: the message root itself, or a SOAP / registry wrapper.
    func startRoot(_ localName: XMLSymbol, namespace: XMLSymbol, symbols: SDMXSymbols) throws {
        let name = localName.string
        if let (version, role) = namespaces.classify(namespace) {
            if role == .message && name == "RegistryInterface" {
                summary.wrappers.append(name)
                stack.append(.wrapper)
                return
            }
            if role == .message {
                try startMessage(name, version: version)
                return
            }
            if !stack.isEmpty {  // e.g. 2.0 registry QueryStructureResponse inside RegistryInterface
                stack.append(.wrapper)
                return
            }
        }
        let uri = namespace.string
        if Self.soapNamespaces.contains(uri) {
            if name == "Envelope" { summary.wrappers.append("SOAP") }
            stack.append(.wrapper)
            return
        }
        if !stack.isEmpty && stack.count < 12 {  // a web service's response elements inside the SOAP Body
            stack.append(.wrapper)
            return
        }
        if name.lowercased() == "html" || uri == "http://www.w3.org/1999/xhtml" {
            throw error(.notSDMX, "this is an HTML page, not an SDMX-ML message (a web service error page?)")
        }
        let where_ = uri.isEmpty ? "no namespace" : "namespace \(uri)"
        throw error(
            .notSDMX,
            "root element <\(name)> (\(where_)) is not an SDMX-ML message; expected e.g. GenericData or "
                + "StructureSpecificData in an SDMX-ML 1.0–3.1 message namespace")
    }

    func startMessage(_ name: String, version: SDMXVersion) throws {
        summary.version = version
        summary.messageType = name
        foundMessage = true
        if name == "Error" {
            isErrorMessage = true
        } else if !Self.dataMessageTypes.contains(name) {
            let kind = name == "Structure" ? "a structure message" : "an SDMX-ML \(version.rawValue) \(name) message"
            throw error(
                .unsupportedMessage, "\(kind), not a data message: ClusterLens reads data from it only as --structure")
        }
        stack.append(.message)
    }

    func startInMessage(
        _ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, _ symbols: SDMXSymbols
    ) throws {
        if localName == symbols.header {
            stack.append(.header)
        } else if localName == symbols.dataSet {
            try startDataset(namespace: namespace, attributes: attributes, symbols)
        } else if localName == symbols.footer {
            stack.append(.footer)
        } else if localName == symbols.errorMessage && isErrorMessage {
            startNote(attributes: attributes, symbols)
        } else {
            skip()
        }
    }

    func startInHeader(_ localName: XMLSymbol, attributes: XMLAttributes, in context: Context, _ symbols: SDMXSymbols) {
        switch context {
        case .header:
            if localName == symbols.structure {
                pendingHeaderEntry = (
                    attribute(symbols.structureID, in: attributes) ?? "",
                    attribute(symbols.dimensionAtObservation, in: attributes) ?? "TIME_PERIOD",
                    nil
                )
                stack.append(.headerStructure)
            } else if localName == symbols.id || localName == symbols.prepared || localName == symbols.keyFamilyRef {
                headerTextTarget = localName
                beginCapture()
                stack.append(.headerText)
            } else if localName == symbols.sender {
                summary.sender = attribute(symbols.idAttribute, in: attributes)
                skip(count: false)
            } else {
                skip(count: !Self.knownHeaderElements.contains(localName.string))
            }
        case .headerStructure:
            if localName == symbols.structure || localName == symbols.structureUsage
                || localName == symbols.provisionAgrement || localName == symbols.provisionAgreement
            {
                beginCapture()
                stack.append(.headerStructureRef)
            } else {
                skip()
            }
        case .headerStructureRef:
            if localName == symbols.ref {
                let reference = StructureReference(
                    agencyID: attribute(symbols.agencyID, in: attributes) ?? "",
                    id: attribute(symbols.idAttribute, in: attributes) ?? "",
                    version: attribute(symbols.version, in: attributes) ?? "",
                    artefactClass: attribute(symbols.classAttribute, in: attributes) ?? "")
                pendingHeaderEntry?.reference = reference
                stack.append(.headerRef)
            } else if localName == symbols.urn {
                stack.append(.headerRef)  // its text joins the capture of the enclosing reference
            } else {
                skip()
            }
        default:
            skip()
        }
    }

    func finishHeaderText() {
        let text = endCapture()
        guard let symbols else { return }
        if headerTextTarget == symbols.id {
            summary.messageID = text
        } else if headerTextTarget == symbols.prepared {
            summary.prepared = text
        } else if headerTextTarget == symbols.keyFamilyRef {
            keyFamilyRef = text
            if !text.isEmpty {
                summary.headerStructures.append(StructureReference(id: text, artefactClass: "KeyFamily"))
            }
        }
    }

    func finishHeaderStructureRef() {
        let text = endCapture()
        if pendingHeaderEntry?.reference == nil, let reference = StructureReference(urn: text) {
            pendingHeaderEntry?.reference = reference
        }
        if let reference = pendingHeaderEntry?.reference { summary.headerStructures.append(reference) }
    }

    // MARK: Footer and error messages

    func startNote(attributes: XMLAttributes, _ symbols: SDMXSymbols) {
        let note = SDMXMessageNote(
            code: attribute(symbols.code, in: attributes) ?? "",
            severity: attribute(symbols.severity, in: attributes) ?? "")
        if isErrorMessage { summary.errors.append(note) } else { summary.footer.append(note) }
        stack.append(.note)
    }

    func startInNote(
        _ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, in context: Context,
        _ symbols: SDMXSymbols
    ) {
        if context == .footer && localName == symbols.message {
            startNote(attributes: attributes, symbols)
        } else if context == .note && localName == symbols.text {
            textLanguage = language(of: attributes, symbols)
            beginCapture()
            stack.append(.noteText)
        } else {
            skip()
        }
    }

    func finishNote(_ context: Context) {
        guard context == .noteText else { return }
        let text = LocalizedText(language: textLanguage, text: endCapture())
        if isErrorMessage {
            if !summary.errors.isEmpty { summary.errors[summary.errors.count - 1].texts.append(text) }
        } else if !summary.footer.isEmpty {
            summary.footer[summary.footer.count - 1].texts.append(text)
        }
    }
}
