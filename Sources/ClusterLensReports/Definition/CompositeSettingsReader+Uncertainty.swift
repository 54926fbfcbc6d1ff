internal import ClusterLensCore
package import ClusterLensIndicators
package import ClusterLensScoring
package import Yams

extension CompositeSettingsReader {
    /// The uncertainty analysis of a report definition's `uncertainty:` mapping.
    ///
    /// ```yaml
    /// uncertainty:
    ///   samples: 500                 # N base samples (N runs; N(d + 2) with sensitivity)
    ///   seed: 42                     # the same seed gives the same result
    ///   weight_noise: 0.25           # each weight × a factor in [0.75, 1.25]
    ///   normalisations:              # alternatives drawn at random (each as under composite:)
    ///     - {method: minmax}
    ///     - {method: prank}
    ///   aggregations: [arithmetic, geometric]   # names, or {method: power, order: 0.5}
    ///   imputation: true             # also switch imputation on and off
    ///   sensitivity: true            # first-order and total indices of each varied assumption
    /// ```
    ///
    /// - Throws: ``IndicatorsError`` (`compositeSettings`) at the line and column of a bad value.
    package func uncertainty(from node: Node) throws(IndicatorsError) -> UncertaintyAnalysis.Settings {
        var settings = UncertaintyAnalysis.Settings(samples: 500)
        let fields = try keyedValues(
            of: try mapping(node, "uncertainty"),
            allowed: [
                "samples", "seed", "weight_noise", "normalisations", "aggregations", "imputation", "sensitivity",
            ],
            in: "in uncertainty")
        if let field = fields["samples"] {
            let value = try number(field)
            guard value >= 2, value <= 1_000_000, value == value.rounded() else {
                throw error("samples must be a whole number from 2 to 1,000,000, not \(value)", field.value)
            }
            settings.samples = Int(value)
        }
        if let field = fields["seed"] {
            let value = try text(field, expected: "a whole number")
            guard let seed = UInt64(value) else {
                throw error("seed must be a whole number ≥ 0, not \"\(value)\"", field.value)
            }
            settings.seed = seed
        }
        if let field = fields["weight_noise"] {
            let value = try number(field)
            guard value >= 0, value < 1 else {
                throw error("weight_noise must be from 0 to below 1, not \(value)", field.value)
            }
            settings.weightNoise = value
        }
        if let field = fields["normalisations"] {
            for item in try items(field, expected: "normalisations", example: "{method: minmax}, {method: prank}") {
                settings.normalisations.append(
                    try normalisation(YAMLField(name: "a normalisation", key: nil, value: item)))
            }
        }
        if let field = fields["aggregations"] {
            for item in try items(field, expected: "aggregations", example: "arithmetic, geometric") {
                settings.aggregations.append(try aggregation(YAMLField(name: "an aggregation", key: nil, value: item)))
            }
        }
        if let field = fields["imputation"] { settings.varyImputation = try flag(field) }
        if let field = fields["sensitivity"] { settings.sensitivity = try flag(field) }
        return settings
    }
}
