/// The observation status attributes ClusterLens keeps with every value, and the flags they mean.
public enum StatusAttributes {
    /// The status attribute ids kept with each observation (compared upper-cased).
    public static let ids: Set<String> = ["OBS_FLAG", "OBS_STATUS", "CONF_STATUS", "CONF_STATUS_OBS", "OBS_CONF"]

    /// The status flags of an observation in the form the indicator engine propagates (lower-case
    /// letters, as Eurostat writes them).
    ///
    /// - `OBS_FLAG`: every letter of the code, lower-cased (`e`, `p`, `c`, `b`, `u`, `z`, `d`, `n`;
    ///   Eurostat's combined codes such as `ep` give `e` and `p`).
    /// - `OBS_STATUS`: the code lower-cased, except `A` (normal value), which is not a flag (`E` gives
    ///   `e`, `P` gives `p`, `M` gives `m`).
    /// - `CONF_STATUS`, `CONF_STATUS_OBS` and `OBS_CONF`: `c` for every code but `F` (free for publication).
    ///
    /// - Parameter status: Status attributes, ids upper-cased (see ``ids``).
    public static func flags(of status: [ComponentValue]) -> Set<String> {
        var flags: Set<String> = []
        for entry in status {
            let code = entry.value.filter { $0 != " " && $0 != "\t" && $0 != "\r" }
            guard !code.isEmpty else { continue }
            switch entry.id {
            case "OBS_FLAG":
                for letter in code.lowercased() where letter.isLetter { flags.insert(String(letter)) }
            case "OBS_STATUS":
                if code.uppercased() != "A" { flags.insert(code.lowercased()) }
            default:
                if code.uppercased() != "F" { flags.insert("c") }
            }
        }
        return flags
    }
}
