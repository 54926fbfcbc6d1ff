import ClusterLensCore
import ClusterLensXML

/// Observations: the buffer they are read into, their time period, group attributes that apply
/// to them, and handing them to the sink (raw bytes or an `Observation`).
extension SDMXDataHandler {
    func startObservation() {
        summary.observations += 1
        obsLine = line
        obs.reset()
        obsComplexAttributes.removeAll(keepingCapacity: true)
    }

    /// Hands the observation being read to the sink: as raw bytes to a raw sink (the CSV writer's
    /// fast path), else as an ``Observation``.
    func emitObservation() throws {
        let series: Unmanaged<Series>
        if inSeries {
            if currentSeries == nil { try materializeSeries() }
            series = currentSeriesReference
        } else {
            try beginDatasetIfNeeded()
            series = Unmanaged.passUnretained(flatSeries)
        }
        // A guaranteed reference: the series is kept alive by `currentSeries`/`flatSeries`, so no
        // reference counting per observation.
        try series._withUnsafeGuaranteedRef { series in try emitObservation(of: series) }
    }

    private func emitObservation(of series: Series) throws {
        if inSeries ? seriesNeedsObservationGroups : !groups.isEmpty { addGroupAttributesToObservation(series) }
        if let rawSink {
            let period = try period(series: series, returning: rawSink.wantsPeriods)
            for attribute in obsComplexAttributes {
                let index = componentSlots.index(forID: attribute.id, role: .attribute)
                obs.append(slot: index, string: attribute.values.joined(separator: ";"))
            }
            while announcedSlots < componentSlots.entries.count {
                try rawSink.defineSlot(announcedSlots, slot: componentSlots[announcedSlots])
                announcedSlots += 1
            }
            try rawSink.rawObservation(obs, series: series, period: period)
        } else {
            try sink.observation(makeObservation(series: series, period: try period(series: series)))
        }
    }

    /// Builds the model's observation from the buffer.
    func makeObservation(series: Series, period: TimePeriod?) -> Observation {
        var dimensions: [ComponentValue] = []
        var measures: [ComponentValue] = []
        var attributes: [AttributeValue] = []
        var value: String?
        for index in 0..<obs.count {
            let slot = componentSlots[Int(obs[index].slot)]
            let text = obs.string(at: index)
            switch slot.role {
            case .dimension: dimensions.append(ComponentValue(id: slot.id, value: text))
            case .attribute: attributes.append(AttributeValue(id: slot.id, value: text, level: .observation))
            case .measure:
                if index == obs.valueIndex {
                    value = text
                } else {
                    measures.append(ComponentValue(id: slot.id, value: text))
                }
            }
        }
        attributes += obsComplexAttributes
        return Observation(
            series: series, dimensions: dimensions, value: ObservationValue(lexical: value),
            otherMeasures: measures, attributes: attributes, period: period)
    }

    /// Flat data, or groups keyed on observation-level dimensions: group attributes apply to the
    /// observations whose full key (series key and observation dimensions) matches.
    func addGroupAttributesToObservation(_ series: Series) {
        var key = series.key.values
        for index in 0..<obs.count where componentSlots.isDimension(Int(obs[index].slot)) {
            key.append(ComponentValue(id: componentSlots[Int(obs[index].slot)].id, value: obs.string(at: index)))
        }
        for attribute in groups.attributes(matching: SeriesKey(key))
        where !hasObservationAttribute(attribute.id) && !series.attributes.contains(where: { $0.id == attribute.id }) {
            var copy = attribute
            copy.level = .group
            obsComplexAttributes.append(copy)
        }
    }

    func hasObservationAttribute(_ id: String) -> Bool {
        if obsComplexAttributes.contains(where: { $0.id == id }) { return true }
        return obs.all.contains { componentSlots[Int($0.slot)].id == id }
    }

    /// Parses the observation's time period; a malformed one is an error naming the line.
    /// With `returning` false the period is only validated (no copy of it is made): the raw path.
    func period(series: Series, returning: Bool = true) throws -> TimePeriod? {
        var timeIndex = -1
        var startDayIndex = -1
        for index in 0..<obs.count {
            let slot = Int(obs[index].slot)
            if componentSlots.isTime(slot) {
                timeIndex = index
            } else if componentSlots.isReportingYearStart(slot) {
                startDayIndex = index
            }
        }
        var startDay = MonthDay.januaryFirst
        if let startText = startDayIndex >= 0 ? obs.string(at: startDayIndex) : reportingYearStartDay(series: series) {
            if startText != lastStartDayText {
                do {
                    lastStartDay = try MonthDay(parsing: startText)
                    lastStartDayText = startText
                } catch {
                    throw self.error(.invalidValue, "REPORTING_YEAR_START_DAY: \(error.message)", line: obsLine)
                }
            }
            startDay = lastStartDay
        }
        do {
            if timeIndex >= 0 {
                let component = obs[timeIndex]
                let bytes = obs.bytes.slice(Int(component.start), Int(component.count))
                return try periods.period(bytes, startDay: startDay, returning: returning)
            }
            for dimension in series.key.values where classifier.isTimeDimension(dimension.id) {
                var text = dimension.value
                return try text.withUTF8 { bytes throws(CoreError) in
                    try periods.period(bytes, startDay: startDay, returning: returning)
                }
            }
            return nil
        } catch let error as CoreError {
            throw self.error(.invalidValue, error.message, line: obsLine)
        }
    }

    /// The reporting-year start day from observation-level `<Comp>` values or the series' attributes.
    func reportingYearStartDay(series: Series) -> String? {
        if !obsComplexAttributes.isEmpty,
            let value = obsComplexAttributes.first(where: { Self.isReportingYearStart($0.id) })?.value
        {
            return value
        }
        if series !== lastStartDaySeries {
            lastStartDaySeries = series
            lastSeriesStartDay = series.attributes.first { Self.isReportingYearStart($0.id) }?.value
        }
        return lastSeriesStartDay
    }

    static func isReportingYearStart(_ id: String) -> Bool {
        id == "REPORTING_YEAR_START_DAY" || id == "REPYEARSTART"
    }

    /// Adds a component value to the observation being read.
    @inline(__always)
    func addObservationComponent(index: Int, raw: UnsafeBufferPointer<UInt8>) {
        if componentSlots.isPrimaryMeasure(index) && obs.valueIndex < 0 { obs.valueIndex = obs.count }
        obs.append(slot: index, raw: raw)
    }

    /// Adds a component value given as a string.
    func addObservationComponent(index: Int, string: String) {
        if componentSlots.isPrimaryMeasure(index) && obs.valueIndex < 0 { obs.valueIndex = obs.count }
        obs.append(slot: index, string: string)
    }
}
