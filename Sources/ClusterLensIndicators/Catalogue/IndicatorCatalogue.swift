internal import ClusterLensSupport
import Foundation

/// The indicators available to a run: the compiled ones, then every `*.yaml` file of the given
/// folders (the bundled `Indicators/` first, then folders given with `--indicators`).
///
/// Ids are unique: a file whose id is already taken is an error naming both places.
public struct IndicatorCatalogue: Sendable {
    /// The indicators, in load order.
    public private(set) var indicators: [any Indicator] = []

    /// An empty catalogue.
    public init() {}

    /// Loads compiled indicators and the YAML files of `folders`, in that order.
    /// - Throws: ``IndicatorsError`` for an unreadable folder or file, a malformed file or a duplicate id.
    public init(builtIns: [any Indicator] = [], folders: [String]) throws(IndicatorsError) {
        for indicator in builtIns { try add(indicator) }
        for folder in folders { try load(folder: folder) }
    }

    /// The indicator with this id.
    public func indicator(_ id: String) -> (any Indicator)? {
        indicators.first { $0.definition.id == id }
    }

    /// Adds an indicator.
    public mutating func add(_ indicator: any Indicator) throws(IndicatorsError) {
        if let existing = self.indicator(indicator.definition.id) {
            let place = existing.definition.file ?? "a compiled indicator"
            throw IndicatorsError(
                .indicatorDefinition, "indicator id \"\(indicator.definition.id)\" is already defined by \(place)",
                file: indicator.definition.file ?? "")
        }
        indicators.append(indicator)
    }

    /// Adds every `*.yaml` / `*.yml` file of `folder`, in name order.
    public mutating func load(folder: String) throws(IndicatorsError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw IndicatorsError(.unreadable, "cannot read the indicator folder", file: folder)
        }
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            try add(DeclarativeIndicator(try Self.definition(file: folder + "/" + name)))
        }
    }

    /// Reads one indicator file.
    public static func definition(file path: String) throws(IndicatorsError) -> IndicatorDefinition {
        try definition(yaml: DefinitionText.read(path), file: path)
    }

    /// Reads one indicator from YAML text; `file` names it in errors.
    public static func definition(yaml text: String, file: String) throws(IndicatorsError) -> IndicatorDefinition {
        let root = try YAMLSource.compose(text, file: file, errorCode: .indicatorDefinition)
        return try IndicatorFileReader(file: file).definition(in: root)
    }
}

extension IndicatorCatalogue {
    /// The catalogue every command and report starts from: the compiled indicators, the bundled
    /// `Indicators/` folder (`$CLUSTERLENS_INDICATORS`, else `./Indicators`, else the package's own),
    /// then `folders`, in that order; a folder given twice is read once.
    ///
    /// - Throws: ``IndicatorsError`` for an unreadable folder or file, a malformed file or a duplicate id.
    public static func standard(adding folders: [String] = []) throws(IndicatorsError) -> IndicatorCatalogue {
        var seen: Set<String> = []
        let all = ([BundledFolder.indicators].compactMap { $0 } + folders).filter { seen.insert($0).inserted }
        return try IndicatorCatalogue(builtIns: BuiltinIndicators.all, folders: all)
    }

    /// The bundled indicator folder, `nil` when none is found.
    public static var bundledFolder: String? { BundledFolder.indicators }
}
