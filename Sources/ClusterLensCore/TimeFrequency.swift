/// How long a ``TimePeriod`` lasts, named by its SDMX frequency (`FREQ`) code.
///
/// The raw value is the code of SDMX's `CL_FREQ` codelist where there is one (`A`, `S`, `Q`, `M`, `W`,
/// `D`), the period indicator of the reporting form otherwise (`T` for trimesters), `I` for a point in
/// time and `R` for an explicit `start/duration` range. SDMX 2.0's half-year indicator `B`
/// (`2005-B1`) is a semester here; `B` is not a raw value because `CL_FREQ` uses it for business-daily
/// data.
public enum TimeFrequency: String, Sendable, Hashable, CaseIterable {
    /// A year: Gregorian `2021` (a calendar year) or reporting `2021-A1` (from the reporting-year start day).
    case annual = "A"
    /// Half a reporting year, six months: `2021-S1`, `2021-S2`, or SDMX 2.0's `2021-B1`, `2021-B2`.
    case semester = "S"
    /// A third of a reporting year, four months: `2021-T1` to `2021-T3`.
    case trimester = "T"
    /// A quarter of a reporting year, three months: `2021-Q1` to `2021-Q4`.
    case quarter = "Q"
    /// A month: Gregorian `2021-07` or reporting `2021-M07`.
    case month = "M"
    /// A reporting week, Monday to Sunday: `2021-W01` to `2021-W53` (SDMX 2.0 also writes `2021-W1`).
    case week = "W"
    /// A day: Gregorian `2021-07-14` or reporting `2021-D195`.
    case day = "D"
    /// A distinct point in time, `2021-07-14T10:00:00` (seconds, optionally with a fraction).
    case dateTime = "I"
    /// An explicit time range, a start and an ISO 8601 duration: `2021-01-01/P1M`. Not a `CL_FREQ` code.
    case range = "R"
}
