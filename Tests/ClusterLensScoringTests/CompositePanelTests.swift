import ClusterLensCore
import ClusterLensScoring
import Testing

/// Panel imputation by hand. Employment: A 2020 100, 2021 110; B 2020 200; C 2019 300, 2021 330;
/// D no annual series, headline 42. Energy: A 2018 5, B 2019 7, C none (headline `nil`), D 2017 1 —
/// its reference year is its own latest year, 2019.
@Suite("Composite panel imputation")
struct CompositePanelTests {
    typealias Point = CompositePanel.Point

    static let panel = CompositePanel(
        units: ["A", "B", "C", "D"],
        indicators: [
            CompositeIndicator(id: "employment", pillar: .economic),
            CompositeIndicator(id: "energy", direction: .lower, pillar: .environmental),
        ],
        series: [
            [
                .init(points: [Point(year: 2021, value: 110), Point(year: 2020, value: 100)], headline: 110),
                .init(points: [Point(year: 2018, value: 5)], headline: 5),
            ],
            [
                .init(points: [Point(year: 2020, value: 200)], headline: 200),
                .init(points: [Point(year: 2019, value: 7)]),
            ],
            [.init(points: [Point(year: 2019, value: 300), Point(year: 2021, value: 330)]), .init()],
            [.init(headline: 42), .init(points: [Point(year: 2017, value: 1)], headline: 1)],
        ])

    static func imputed(_ panel: CompositeSettings.PanelImputation, year: Int? = nil) throws
        -> CompositePanel.Imputation
    {
        var settings = CompositeSettings()
        settings.panel = panel
        settings.referenceYear = year
        return try CompositeEngine.imputePanel(Self.panel, settings: settings)
    }

    @Test(
        "latest: each indicator's own latest year (2021, 2019); older values carried forward, a unit without a series keeps its headline"
    )
    func latest() throws {
        let result = try Self.imputed(.latest)
        #expect(result.referenceYears == [2021, 2019])
        #expect(
            result.values.map { $0[0] } == [
                .init(value: 110, origin: .year(2021)), .init(value: 200, origin: .carriedForward(from: 2020)),
                .init(value: 330, origin: .year(2021)), .init(value: 42, origin: .headline),
            ])
        #expect(
            result.values.map { $0[1] } == [
                .init(value: 5, origin: .carriedForward(from: 2018)), .init(value: 7, origin: .year(2019)),
                .init(value: nil, origin: .headline), .init(value: 1, origin: .carriedForward(from: 2017)),
            ])
        #expect(result.input.values == [[110, 5], [200, 7], [330, nil], [42, 1]])
        #expect(result.input.units == Self.panel.units && result.input.indicators == Self.panel.indicators)
    }

    @Test("none: only the reference year's values; the rest is missing, headlines without a series stay")
    func none() throws {
        let result = try Self.imputed(.none)
        #expect(result.input.values == [[110, nil], [nil, 7], [330, nil], [42, nil]])
        #expect(result.values[1][0] == .init(value: nil, origin: .missing))
        #expect(result.values[3][0].origin == .headline)
    }

    /// At 2020: A and B have 2020; C is interpolated between 2019 (300) and 2021 (330): 300 + ½ × 30
    /// = 315. Energy: nobody has 2020 and nobody has a later value: A, B and D carried forward.
    @Test("linear at 2020: C interpolated to 315 between 2019 and 2021, energy carried forward")
    func linear() throws {
        let result = try Self.imputed(.linear, year: 2020)
        #expect(result.referenceYears == [2020, 2020])
        #expect(result.values[2][0] == .init(value: 315, origin: .interpolated(from: 2019, to: 2021)))
        #expect(result.values[0][0] == .init(value: 100, origin: .year(2020)))
        #expect(result.input.values == [[100, 5], [200, 7], [315, nil], [42, 1]])
        #expect(result.values[1][1].origin == .carriedForward(from: 2019))
    }

    /// At 2022 and with latest, nothing lies after: linear falls back to carrying forward.
    @Test("linear without a later value carries forward; a fixed year before every value leaves them missing")
    func fallbacks() throws {
        let late = try Self.imputed(.linear, year: 2022)
        #expect(late.values[2][0] == .init(value: 330, origin: .carriedForward(from: 2021)))
        #expect(late.values[1][0] == .init(value: 200, origin: .carriedForward(from: 2020)))
        let early = try Self.imputed(.latest, year: 2016)
        #expect(early.input.values == [[nil, nil], [nil, nil], [nil, nil], [42, nil]])
        #expect(early.values[0][0].origin == .missing && early.values[3][1].origin == .missing)
        let interpolatedEarly = try Self.imputed(.linear, year: 2016)
        #expect(interpolatedEarly.input.values == early.input.values)
    }

    @Test("A year given twice: the first point given is used")
    func duplicateYear() throws {
        let panel = CompositePanel(
            units: ["A", "B"], indicators: [CompositeIndicator(id: "x", pillar: .economic)],
            series: [
                [.init(points: [Point(year: 2021, value: 1), Point(year: 2021, value: 2)])],
                [.init(points: [Point(year: 2021, value: 3)])],
            ])
        let result = try CompositeEngine.imputePanel(panel, settings: CompositeSettings())
        #expect(result.input.values == [[1], [3]])
    }

    /// Run through the engine (latest): C lacks energy (1 of 2 indicators, below 66 %) and is
    /// screened out, so employment is min-max over A 110, B 200 (carried forward), D 42: A scores
    /// (110 − 42) / 158 × 100 and B 100; B's value records the carried-forward origin, and the methods
    /// start with the panel imputation. The uncertainty analysis of the panel is that of the imputed input.
    @Test(
        "The engine's panel run scores the imputed values, records origins and the method; the uncertainty analysis uses the same values"
    )
    func engineRun() throws {
        var settings = CompositeSettings()
        settings.outliers.enabled = false
        let result = try CompositeEngine.run(Self.panel, settings: settings)
        let b = try #require(result.unit("B"))
        #expect(b.values[0].raw == 200 && b.values[0].panelOrigin == .carriedForward(from: 2020))
        #expect(b.values[0].normalised == 100)
        #expect(result.unit("A")?.values[0].normalised == 68.0 / 158 * 100)
        #expect(result.unit("C")?.included == false)
        #expect(result.unit("C")?.values[1].panelOrigin == .headline)
        #expect(result.methods.first?.step == "panel imputation")
        #expect(
            result.methods.first?.description
                == "reference year: each indicator's latest year with data; latest: a cluster's latest earlier value "
                + "is carried forward (flagged carried_forward)")
        let imputed = try CompositeEngine.imputePanel(Self.panel, settings: settings)
        let plain = try CompositeEngine.run(imputed.input, settings: settings)
        #expect(plain.units.map(\.index) == result.units.map(\.index))
        #expect(plain.units[1].values[0].panelOrigin == nil)
        let analysis = UncertaintyAnalysis.Settings(weightNoise: 0.2, samples: 50, seed: 4)
        #expect(
            try UncertaintyAnalysis.run(Self.panel, nominal: settings, settings: analysis)
                == UncertaintyAnalysis.run(imputed.input, nominal: settings, settings: analysis))
    }

    @Test("Series that do not match units and indicators are an error")
    func shapes() {
        let short = CompositePanel(units: ["A", "B"], indicators: Self.panel.indicators, series: [[.init(), .init()]])
        #expect(throws: CompositeError(.invalidInput, "2 units but 1 rows of series")) {
            try CompositeEngine.imputePanel(short, settings: CompositeSettings())
        }
        let narrow = CompositePanel(units: ["A"], indicators: Self.panel.indicators, series: [[.init()]])
        #expect(throws: CompositeError(.invalidInput, "unit A has 1 series for 2 indicators")) {
            try CompositeEngine.imputePanel(narrow, settings: CompositeSettings())
        }
    }
}
