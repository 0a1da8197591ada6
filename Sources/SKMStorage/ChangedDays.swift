import Foundation

/// The days an import batch touched, per agency, gathered from the rows' own bytes as they go
/// in for the change log (DataChange.swift); a `String` per row would cost the import its speed.
public struct ChangedDays: Sendable {
    /// Every day: a row overwritten in place may have moved from a day this batch never saw.
    public static let firstDay = "0000-01-01", lastDay = "9999-12-31"

    private var agencies = AgencySlots()
    /// Per slot: the first and last day met (ISO text bytes); nil once a row was overwritten.
    private var days: [(first: [UInt8], last: [UInt8])?] = []

    public init() {}

    /// The value index (0-based, in `EncodedRows` order) of the day a row is filed under: a
    /// response's date, a transaction's local day of receipt.
    static func dayValue(_ kind: ImportWriter.Kind) -> Int { kind == .responses ? 3 : 5 }

    /// A row of `agency` stored or overwritten on `day` (ISO text bytes).
    public mutating func note(agency a: UnsafeRawBufferPointer, day d: UnsafeRawBufferPointer) {
        guard let slot = agencies.slot(of: a) else {
            _ = agencies.add(a)
            days.append((Array(d), Array(d)))
            return
        }
        guard let span = days[slot] else { return }  // every day already
        if d.lexicographicallyPrecedes(span.first) {
            days[slot]!.first = Array(d)
        } else if span.last.lexicographicallyPrecedes(d) {
            days[slot]!.last = Array(d)
        }
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
        if let slot = agencies.slot(of: a) {
            days[slot] = nil
        } else {
            _ = agencies.add(a)
            days.append(nil)
        }
    }

    /// Agency, first day, last day; sorted by agency.
    public func spansByAgency() -> [(agency: String, first: String, last: String)] {
        days.indices.map { slot in
            (agencies.code(slot), days[slot].map { String(decoding: $0.first, as: UTF8.self) } ?? Self.firstDay,
             days[slot].map { String(decoding: $0.last, as: UTF8.self) } ?? Self.lastDay)
        }.sorted { $0.agency < $1.agency }
    }
}
