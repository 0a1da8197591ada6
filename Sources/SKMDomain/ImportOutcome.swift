// The vocabulary of an import, shared by everything that touches one: the importer makes
// rejects and counts, both stores (SKMStorage, SKMPostgres) write them and say what became of a
// row, the reports and the API list them. The domain is the one module below all five, and
// these are plain values with no I/O, so they live here rather than in one store (issue 13's
// "what imports and reports own lives with them, not in storage"). The reason texts are
// written by the importer at the edge; nothing here builds a sentence.

/// What happened to one incoming row.
public enum RowOutcome: Sendable, Equatable {
    case inserted
    /// The same id with the same content is already stored: nothing to do (re-import).
    case unchanged
    /// The same id with different content, overwritten because the caller asked to replace.
    case updated
    /// The same id with different content, left as stored: the caller reports it.
    case conflict
}

/// One rejected input row, with enough context for an officer to find and fix it.
///
/// Bounded by construction: the column name is cut to `InputLimits.rejectColumnCharacters`
/// and the value to `InputLimits.rejectValueCharacters` (with a trailing "…"), and `position`
/// says which column it was, so a file with a huge header and many bad rows stores a few
/// hundred bytes per reject, never the whole header again per row.
public struct RejectRecord: Sendable, Equatable, Codable {
    /// A refused row, or a note on a stored row (an optional field left empty).
    public enum Kind: String, Sendable, Codable { case reject, warning }

    public var file: String
    public var line: Int
    public var column: String?
    public var value: String?
    public var reason: String
    public var agency: String?
    /// The column's 1-based position in the file, when the reject is about one column.
    public var position: Int?
    /// Not encoded: the API lists only rejects, and warnings carry their own reason prefix.
    public var kind: Kind = .reject

    enum CodingKeys: String, CodingKey { case file, line, column, value, reason, agency, position }

    public init(file: String, line: Int, column: String? = nil, value: String? = nil, reason: String, agency: String? = nil,
                position: Int? = nil, kind: Kind = .reject) {
        self.file = file
        self.line = line
        self.column = column.map { InputLimits.cut($0, InputLimits.rejectColumnCharacters) }
        self.value = value.map { InputLimits.cut($0, InputLimits.rejectValueCharacters) }
        self.reason = reason
        self.agency = agency
        self.position = position
        self.kind = kind
    }
}

/// Totals of one import batch.
public struct ImportCounts: Sendable, Equatable, Codable {
    public var read = 0, inserted = 0, unchanged = 0, updated = 0, rejected = 0
    public init() {}
}
