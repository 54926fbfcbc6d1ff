/// A flag on a value: a status flag carried from the data (Eurostat's `e` estimated, `p` provisional,
/// `c` confidential, `b` break in series, `u` low reliability, …) or one a method adds (`modelled`,
/// `incomplete`, `division_by_zero`, `imputed`, `winsorised`, `carried_forward`, …).
///
/// Flags order by their text, so a value's flags print the same way in every format.
public struct ValueFlag: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The flag as written (`e`, `modelled`).
    public var rawValue: String

    /// Creates a flag.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a flag from a literal.
    public init(stringLiteral value: String) {
        rawValue = value
    }

    /// Eurostat's estimated value.
    public static let estimated: ValueFlag = "e"
    /// Eurostat's provisional value.
    public static let provisional: ValueFlag = "p"
    /// A confidential cell.
    public static let confidential: ValueFlag = "c"
    /// A break in the series (also set when an input switches dataflow between periods).
    public static let seriesBreak: ValueFlag = "b"
    /// Downscaled from national data: it carries no regional information.
    public static let modelled: ValueFlag = "modelled"
    /// Some inputs (a sector, a confidential division) were left out.
    public static let incomplete: ValueFlag = "incomplete"
    /// A denominator was zero.
    public static let divisionByZero: ValueFlag = "division_by_zero"
    /// The composite imputed the value.
    public static let imputed: ValueFlag = "imputed"
    /// The composite winsorised the value.
    public static let winsorised: ValueFlag = "winsorised"
    /// The composite log-transformed the indicator.
    public static let logTransformed: ValueFlag = "log_transformed"
    /// The composite scored an older year of the cluster than the reference year.
    public static let carriedForward: ValueFlag = "carried_forward"
    /// The composite scored a value interpolated between years.
    public static let interpolated: ValueFlag = "interpolated"

    /// By text.
    public static func < (left: ValueFlag, right: ValueFlag) -> Bool { left.rawValue < right.rawValue }

    /// The flag as written.
    public var description: String { rawValue }

    /// Encodes as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Decodes from its text.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
}
