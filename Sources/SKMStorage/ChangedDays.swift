import Foundation

/// The days an import batch touched, per agency, gathered from the rows' own bytes as they go
/// in for the change log (DataChange.swift); a `String` per row would cost the import its speed.
public struct ChangedDays: Sendable {
    /// Every day: a row overwritten in place may have moved from a day this batch never saw.
    public static let firstDay = "0000-01-01", lastDay = "9999-12-31"

    private var agency: [UInt8] = [], first: [UInt8] = [], last: [UInt8] = []
    private var spans: [String: (String, String)] = [:]

    public init() {}

    /// The value index (0-based, in `EncodedRows` order) of the day a row is filed under: a
    /// response's date, a transaction's local day of receipt.
    static func dayValue(_ kind: ImportWriter.Kind) -> Int { kind == .responses ? 3 : 5 }

    /// A row of `agency` stored or overwritten on `day` (ISO text bytes).
    public mutating func note(agency a: UnsafeRawBufferPointer, day d: UnsafeRawBufferPointer) {
        if !a.elementsEqual(agency) {
            flush()
            agency = Array(a); first = Array(d); last = first
            return
        }
        if d.lexicographicallyPrecedes(first) { first = Array(d) } else if last.lexicographicallyPrecedes(d) { last = Array(d) }
    }

    /// Row `i` of `rows` (of `kind`) stored, or `overwritten`: its agency and day read from the
    /// encoded values.
    public mutating func note(_ rows: EncodedRows, row i: Int, kind: ImportWriter.Kind, overwritten: Bool = false) {
        let dayValue = Self.dayValue(kind)
        rows.withRow(i) { raw in
            var c = EncodedValueCursor(raw), n = 0
            var agency = UnsafeRawBufferPointer(start: nil, count: 0), day = agency
            while !c.atEnd, n <= dayValue {
                if case let .text(p) = c.next() { if n == 0 { agency = p } else if n == dayValue { day = p } }
                n += 1
            }
            if overwritten { noteEveryDay(agency: agency) } else { note(agency: agency, day: day) }
        }
    }

    /// A row of `agency` overwritten: its earlier day is unknown here, so every day counts.
    public mutating func noteEveryDay(agency a: UnsafeRawBufferPointer) {
        flush()
        agency = []
        spans[String(decoding: a, as: UTF8.self)] = (Self.firstDay, Self.lastDay)
    }

    private mutating func flush() {
        guard !agency.isEmpty else { return }
        let a = String(decoding: agency, as: UTF8.self), f = String(decoding: first, as: UTF8.self), l = String(decoding: last, as: UTF8.self)
        if let (f0, l0) = spans[a] { spans[a] = (min(f0, f), max(l0, l)) } else { spans[a] = (f, l) }
    }

    /// Agency, first day, last day; sorted by agency.
    public mutating func spansByAgency() -> [(agency: String, first: String, last: String)] {
        flush()
        agency = []
        return spans.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) }
    }
}
