internal import Foundation

/// COINr's default outlier treatment of one indicator (see ``CompositeSettings/OutlierTreatment``).
public enum OutlierTreater {
    /// The outcome for one indicator.
    public struct Outcome: Sendable, Equatable {
        /// The treated values, missing where the input is missing.
        public var values: [Double?]
        /// What was done to each value (`nil`: untouched).
        public var kinds: [OutlierTreatmentRecord.Kind?]
    }

    /// Whether values pass COINr's test: |skew| < threshold or kurtosis < threshold (fewer than 4
    /// values, or constant values, always pass).
    static func passes(_ values: [Double], _ settings: CompositeSettings.OutlierTreatment) -> Bool {
        guard let skew = CompositeStatistics.skewness(values), let kurtosis = CompositeStatistics.kurtosis(values)
        else { return true }
        return abs(skew) < settings.skewThreshold || kurtosis < settings.kurtosisThreshold
    }

    /// Treats one indicator's values.
    /// - Parameters:
    ///   - values: the values of the indicator for each unit, `nil` for missing.
    ///   - settings: thresholds and winsorisation limit; when disabled the values are returned as is.
    public static func treat(_ values: [Double?], settings: CompositeSettings.OutlierTreatment) -> Outcome {
        let untouched = Outcome(values: values, kinds: Array(repeating: nil, count: values.count))
        guard settings.enabled else { return untouched }
        let present = values.compactMap { $0 }
        guard !passes(present, settings) else { return untouched }

        var treated = values
        var kinds = [OutlierTreatmentRecord.Kind?](repeating: nil, count: values.count)
        var winsorised = 0
        while winsorised < settings.winsorisationLimit {
            let current = treated.compactMap { $0 }
            guard let skew = CompositeStatistics.skewness(current) else { break }
            let high = skew >= 0
            guard let extreme = high ? current.max() : current.min() else { break }
            let others = current.filter { $0 != extreme }
            guard let next = high ? others.max() : others.min() else { break }
            for index in treated.indices where treated[index] == extreme {
                treated[index] = next
                if kinds[index] == nil { winsorised += 1 }
                kinds[index] = high ? .winsorisedHigh : .winsorisedLow
            }
            if passes(treated.compactMap { $0 }, settings) { return Outcome(values: treated, kinds: kinds) }
        }

        // Winsorisation did not help: undo it and log-transform the original values.
        guard let logged = logTransform(values, present, settings.transform) else { return untouched }
        return Outcome(values: logged, kinds: values.map { $0 == nil ? nil : .log })
    }

    /// COINr's `log_CT` or `log_CT_plus` of the original values (`present`: the non-missing ones);
    /// `nil` when there are none.
    static func logTransform(
        _ values: [Double?], _ present: [Double], _ transform: CompositeSettings.OutlierTreatment.Transform
    ) -> [Double?]? {
        guard let low = present.min(), let high = present.max() else { return nil }
        let offset = 0.01 * (high - low)
        // log_CT_plus mirrors unless the skew is strictly positive (COINr: `if (skew(x) > 0)`).
        let mirrored = transform == .logCTPlus && (CompositeStatistics.skewness(present) ?? 0) <= 0
        return values.map { value in
            value.map { mirrored ? -log(high - $0 + offset) : log($0 - low + offset) }
        }
    }
}
