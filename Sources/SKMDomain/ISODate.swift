/// The one reader of ISO 8601 calendar dates (`2024-03-04`): `LocalDate(iso:)`, the command
/// line, the HTTP layer and the importer's year-first path all come here, so that what one
/// accepts the others accept.
public enum ISODate {
    /// What `scan` found at a position.
    public enum Scan: Equatable, Sendable {
        /// A real day; `end` is the index just after it.
        case date(LocalDate, end: Int)
        /// A well-formed date whose month is not 1–12 (`2024-13-05`).
        case noSuchMonth(Int)
        /// A well-formed date whose day is not in its month (`2023-02-29`).
        case noSuchDay(year: Int, month: Int, day: Int)
        /// Not `YYYY-MM-DD` at all.
        case malformed
    }

    /// Reads four digits of year, a separator, one or two of month, the same separator, one or
    /// two of day, starting at `start` and stopping after the day. The separator is `-`; with
    /// `slashes`, `/` too (`2024/03/04`, as spreadsheets write it). Bytes so that an import
    /// reads millions of dates without making strings.
    @inlinable
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, slashes: Bool = false) -> Scan {
        var i = start
        @inline(__always) func digits(_ min: Int, _ max: Int) -> Int? {
            var v = 0, n = 0
            while i < bytes.count, n < max, bytes[i] >= 0x30, bytes[i] <= 0x39 { v = v * 10 + Int(bytes[i] - 0x30); n += 1; i += 1 }
            if i < bytes.count, n == max, bytes[i] >= 0x30, bytes[i] <= 0x39 { return nil }  // too many digits
            return n >= min ? v : nil
        }
        guard let y = digits(4, 4), i < bytes.count else { return .malformed }
        let sep = bytes[i]
        guard sep == 0x2D || (slashes && sep == 0x2F) else { return .malformed }
        i += 1
        guard let m = digits(1, 2), i < bytes.count, bytes[i] == sep else { return .malformed }
        i += 1
        guard let d = digits(1, 2) else { return .malformed }
        guard (1...12).contains(m) else { return .noSuchMonth(m) }
        guard let date = LocalDate(year: y, month: m, day: d) else { return .noSuchDay(year: y, month: m, day: d) }
        return .date(date, end: i)
    }

    /// Exactly `YYYY-MM-DD` and nothing else, a real day: the form of options, API fields,
    /// catalog files and the store.
    @inlinable
    public static func parse(_ text: some StringProtocol) -> LocalDate? {
        var s = String(text)
        return s.withUTF8 { b in
            guard b.count == 10, case .date(let d, let end) = scan(b, from: 0), end == 10 else { return nil }
            return d
        }
    }
}
