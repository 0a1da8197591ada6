/// A fault in a file's structure rather than in one row's values: the reader cannot tell
/// where the records after it start, so rows may have been swallowed. An import stops on it
/// (exit 1, nothing stored) unless `--keep-going`, which skips the lines named and says so.
public enum StructuralFault: Sendable, Equatable {
    /// A quote opened on `line` never closes: every line up to `through` (the end) became one field.
    case unterminatedQuote(line: Int, through: Int)
    /// A quoted field runs from `line` across lines to `through` and leaves a record that
    /// cannot be read (wrong field count, text after the closing quote): a stray quote.
    case strayQuote(line: Int, through: Int)

    /// The line where the fault starts.
    public var line: Int {
        switch self {
        case let .unterminatedQuote(l, _), let .strayQuote(l, _): l
        }
    }

    /// The last line the fault swallowed.
    public var through: Int {
        switch self {
        case let .unterminatedQuote(_, t), let .strayQuote(_, t): t
        }
    }

    /// For the terminal and the import summary.
    public var english: String {
        let span = through > line ? "lines \(line)–\(through)" : "line \(line)"
        switch self {
        case .unterminatedQuote:
            return "a quote opened on line \(line) never closes, so \(span) cannot be read as rows"
        case .strayQuote:
            return "a quote opened on line \(line) runs across lines and leaves \(span) unreadable (a stray quote?)"
        }
    }

    /// For the stored reject (the rejects sheet is in Bahasa Indonesia).
    public var indonesian: String {
        let span = through > line ? "baris \(line)–\(through)" : "baris \(line)"
        switch self {
        case .unterminatedQuote:
            return "tanda kutip yang dibuka di baris \(line) tidak pernah ditutup: \(span) dilewati"
        case .strayQuote:
            return "tanda kutip yang dibuka di baris \(line) melintasi baris: \(span) tidak terbaca dan dilewati"
        }
    }
}
