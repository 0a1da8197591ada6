/// The largest inputs skm accepts, in one place, so that the importer, the HTTP API and the
/// survey form refuse the same things and docs/input-limits.md can state every value.
///
/// Why limits at all: every accepted string reaches the store, the XLSX report (a cell holds
/// at most 32,767 characters) and a terminal; a file or request built to be huge must be
/// refused at the door with a reason naming where, not fail later in a report or fill a disk.
/// The values are far above anything an office writes (a Google Forms question is a few
/// hundred characters; a register id a few dozen), so no honest file is refused.
///
/// Lengths are in characters (Swift `Character`s, what a person counts); `fits` checks the
/// UTF-8 size first, so the common short field costs no scan.
public enum InputLimits {
    /// Any cell of an import file that is not a saran or a profile label.
    public static let fieldCharacters = 1_000
    /// One column name of an import file's header (Google Forms questions are sentences).
    public static let headerCharacters = 1_000
    /// Columns of an import file's header, and cells of any of its rows.
    public static let columns = 200
    /// Data rows of one CSV uploaded over HTTP (`skm import` of a local file has no such cap).
    public static let uploadRows = 250_000
    /// A saran (free-text suggestion), in a file, the API or the survey form.
    public static let saranCharacters = 2_000
    /// A free-text profile label (education, occupation; gender in a file).
    public static let profileLabelCharacters = 100
    /// A row id, a transaction id or a kiosk ticket over the API.
    public static let idCharacters = 64
    /// A transaction's variant or channel over the API.
    public static let shortTextCharacters = 64
    /// What a stored reject keeps of a column name: enough to recognise it, never a whole
    /// header again per row.
    public static let rejectColumnCharacters = 64
    /// What a stored reject keeps of the refused value.
    public static let rejectValueCharacters = 200

    /// True when `s` has at most `limit` characters.
    @inline(__always)
    public static func fits(_ s: String, _ limit: Int) -> Bool {
        s.utf8.count <= limit || s.count <= limit
    }

    /// `s` cut to `limit` characters, the last one an ellipsis when anything was cut.
    public static func cut(_ s: String, _ limit: Int) -> String {
        fits(s, limit) ? s : String(s.prefix(limit - 1)) + "…"
    }
}
