internal import ClusterLensIndicators

extension ReportDefinitionReader {
    /// `decimals:` — how many decimals CSV and HTML round numbers to for reading: a whole number from 0
    /// to 10, or `auto` for the automatic rule (``ReadableNumber``).
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`reportDefinition`) at the value's line and
    ///   column for anything else.
    func decimals(_ field: YAMLField) throws(IndicatorsError) -> Int? {
        let value = try text(field, expected: "a whole number of decimals from 0 to 10, or auto")
        if value == "auto" { return nil }
        guard let decimals = Int(value), (0...10).contains(decimals) else {
            throw error(
                "decimals must be a whole number from 0 to 10 (or auto), not \"\(value)\"; JSON and XML keep full "
                    + "precision whatever it says", field.value)
        }
        return decimals
    }
}
