import SKMStorage

/// The id of a survey row whose file has no id column (a Google Forms export, a hand-made
/// sheet), taken from the row *as written* and its place among identical rows of the file.
///
/// - Key: the form's timestamp cell when the file has a timestamp column (`Timestamp`,
///   `Stempel waktu`, `Cap waktu`) and the cell holds a time of day; otherwise a hash of every
///   raw cell except the columns that identify a person.
/// - Id: the key and the row's occurrence among rows of this file with the same key
///   (`ts:04/03/2024 9:15:32#1`, `row:9c1e…#3`).
///
/// So distinct rows of a file never share an id, even when every cell is equal (#1, #2, #3);
/// the same file imported again gives the same ids (nothing new); a later export of the same
/// form, rows appended, gives the old rows their old ids and the new rows new ones; and since
/// nothing here depends on `--map`, importing again with another mapping finds the same ids
/// (a changed row is then a conflict, not a second respondent). A timestamp key also survives
/// a later export in which a column was added or a cell corrected.
///
/// Stores written before this scheme hold `h` + a hash of the *mapped* cells, one id for all
/// identical rows (`legacyIDs`): the first row of a file that hashes to such a stored id keeps
/// it, so re-importing an old file finds its rows and adds back only the respondents that the
/// old scheme had merged.
final class RowIdentity {
    private let timestampColumn: Int?
    private let hashedColumns: [Int]
    private let legacyColumns: [Int]
    private let legacyIDs: Set<String>
    private var claimed: Set<String> = []
    private var seenHashes: [UInt64: Int] = [:]
    private var seenTimestamps: [String: Int] = [:]

    /// Headers a form tool gives its submission time (normalised, see `normalizedHeader`).
    static let timestampHeaders: Set<String> = ["timestamp", "stempel_waktu", "cap_waktu", "tanda_waktu", "submitted_at"]

    /// `legacyIDs`: stored ids of the old scheme, as `agency` + U+001F + id.
    init(header: [String], plan: ColumnPlan, legacyIDs: Set<String>) {
        let normalized = header.map(normalizedHeader)
        timestampColumn = normalized.firstIndex { Self.timestampHeaders.contains($0) }
        hashedColumns = normalized.indices.filter { i in
            Set(normalized[i].split(separator: "_").map(String.init)).isDisjoint(with: ImportField.personalWords)
        }
        legacyColumns = plan.columns.values.sorted()
        self.legacyIDs = legacyIDs
    }

    /// The row's key and occurrence; call once for every data row, in file order, whether or
    /// not the row is later rejected, so that occurrences do not shift when a rejection does.
    func key(_ row: SourceRow) -> String {
        if let c = timestampColumn {
            let t = row.cells[c].trimmingSpaces
            if t.contains(":") {
                let n = (seenTimestamps[t] ?? 0) + 1
                seenTimestamps[t] = n
                return "ts:\(t)#\(n)"
            }
        }
        var fp = Fingerprint()
        for c in hashedColumns { fp.add(row.cells[c]) }
        let h = UInt64(bitPattern: fp.value)
        let n = (seenHashes[h] ?? 0) + 1
        seenHashes[h] = n
        return "row:\(String(h, radix: 16))#\(n)"
    }

    /// The id to store for an accepted row: its old-scheme id when the store has that one and
    /// no earlier row of this file took it, else `key`.
    func id(_ row: SourceRow, key: String, agency: String) -> String {
        guard !legacyIDs.isEmpty else { return key }
        var fp = Fingerprint()
        for c in legacyColumns { fp.add(row.cells[c]) }
        let legacy = "h" + String(UInt64(bitPattern: fp.value), radix: 16)
        let scoped = agency + "\u{1F}" + legacy
        guard legacyIDs.contains(scoped), claimed.insert(scoped).inserted else { return key }
        return legacy
    }
}
