import Foundation
import SKMDomain

/// Which number comes first in a slashed date such as `3/4/2024`.
///
/// Indonesian offices write day first (`31/12/2024`), and so does a Google Forms export made
/// with the Indonesian locale. A Google Forms export made with the en-US locale writes
/// `3/4/2024 9:15:00` month first. A streaming import cannot look ahead to guess, and a
/// wrong guess is silent for every day ≤ 12, so the order is an option (`--date-order`),
/// day first by default; a day-first value whose "month" is over 12 but which is a valid
/// month-first date is rejected with a hint to use `mdy`, never reinterpreted.
public enum DateOrder: String, Sendable, CaseIterable {
    case dayFirst = "dmy"
    case monthFirst = "mdy"
}

/// A date and, when written, a time of day and a UTC offset.
public struct ParsedDateTime: Sendable, Equatable {
    public var date: LocalDate
    /// Seconds since local midnight; nil when only a date was written.
    public var secondOfDay: Int?
    /// Offset from UTC in seconds when the text names one (`Z`, `+07:00`, `WITA`); nil = the agency's zone.
    public var utcOffset: Int64?

    public init(date: LocalDate, secondOfDay: Int? = nil, utcOffset: Int64? = nil) {
        self.date = date
        self.secondOfDay = secondOfDay
        self.utcOffset = utcOffset
    }

    /// The UTC instant, taking a missing time as midnight and a missing zone as `zone`.
    public func instant(in zone: IndonesianTimeZone) -> Int64 {
        Int64(date.dayNumber) * 86400 + Int64(secondOfDay ?? 0) - (utcOffset ?? zone.utcOffsetSeconds)
    }

    /// The local calendar day in `zone` (a time written in another zone may fall on another day there).
    public func localDate(in zone: IndonesianTimeZone) -> LocalDate {
        guard utcOffset != nil else { return date }
        return zone.local(instant(in: zone)).date
    }
}

/// Hand-written date parser: ISO 8601 and the usual Indonesian forms, at millions per second.
///
/// Accepted: `2024-03-04`, `2024-03-04T09:15:00+07:00`, `2024-03-04 09:15`, `2024/03/04`,
/// `04/03/2024 09:15`, `4-3-2024`, `04.03.2024 09.15` (Indonesian time with a dot),
/// `4 Maret 2024 09:15`, `4 Mar 2024`, with an optional `Z`, `±HH[:MM]`, `UTC`, `WIB`, `WITA`
/// or `WIT`; from XLSX, an Excel serial number (days since 1899-12-30). Two-digit years are
/// refused: `04/03/24` could be 1924 or 2024 and a register spans decades.
public struct DateParser: Sendable {
    /// The words of a month-first date's rejection (the importer goes by `DateParseFailure.monthFirst`).
    static let monthFirstHint = "tampaknya bulan ditulis lebih dulu"

    public var order: DateOrder
    /// Accept a bare number as an Excel serial date (cells of an XLSX sheet).
    public var acceptsSerial: Bool

    public init(order: DateOrder = .dayFirst, acceptsSerial: Bool = false) {
        self.order = order
        self.acceptsSerial = acceptsSerial
    }

    /// The parsed value, or a plain reason (Bahasa Indonesia, as it lands in the rejects sheet).
    public func parse(_ text: String) -> Result<ParsedDateTime, DateParseFailure> {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0, original: text) }
    }

    /// A field still in the CSV buffer (RawRow.swift); as `parse(_:)` of the same text.
    func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<ParsedDateTime, DateParseFailure> {
        parse(bytes: bytes, original: acceptsSerial ? String(decoding: bytes, as: UTF8.self) : "")
    }

    private func parse(bytes: UnsafeBufferPointer<UInt8>, original: String) -> Result<ParsedDateTime, DateParseFailure> {
        var c = ByteCursor(bytes)
        c.skipSpaces()
        let fail = DateParseFailure("bukan tanggal yang dikenali (contoh: 2024-03-04 09:15 atau 04/03/2024 09:15)")
        if acceptsSerial, let serial = Self.serial(original) { return serial }
        let start = c.i
        guard let (n1, len1) = c.number() else { return .failure(fail) }
        var y = 0, m = 0, d = 0
        if len1 == 4, let sep = c.peek(), sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") {
            // Year first: the ISO reader every front end shares.
            switch ISODate.scan(bytes, from: start, slashes: true) {
            case let .date(date, end): c.i = end; return parseTime(&c, date: date, fail: fail)
            case let .noSuchMonth(month): return .failure(DateParseFailure("bulan \(month) tidak ada"))
            case let .noSuchDay(yy, mm, dd): return .failure(DateParseFailure("tanggal \(dd) tidak ada di bulan \(mm) tahun \(yy)"))
            case .malformed: return .failure(fail)
            }
        } else if len1 <= 2, let sep = c.peek(), sep == UInt8(ascii: "/") || sep == UInt8(ascii: "-") || sep == UInt8(ascii: ".") {
            c.advance()
            guard let (n2, _) = c.number(), c.eat(sep), let (yy, ylen) = c.number() else { return .failure(fail) }
            guard ylen == 4 else { return .failure(DateParseFailure("tahun harus ditulis 4 angka")) }
            (d, m, y) = order == .dayFirst ? (n1, n2, yy) : (n2, n1, yy)
            if order == .dayFirst, m > 12, n1 <= 12, LocalDate(year: y, month: n1, day: n2) != nil {
                return .failure(DateParseFailure("bulan \(m) tidak ada; \(Self.monthFirstHint) (ekspor en-US): pakai --date-order mdy",
                                                 monthFirst: true))
            }
        } else if len1 <= 2, c.peek() == UInt8(ascii: " ") {
            c.skipSpaces()
            guard let month = c.monthName() else { return .failure(fail) }
            c.skipSpaces()
            guard let (yy, ylen) = c.number(), ylen == 4 else { return .failure(DateParseFailure("tahun harus ditulis 4 angka")) }
            (d, m, y) = (n1, month, yy)
        } else {
            return .failure(fail)
        }
        guard (1...12).contains(m) else { return .failure(DateParseFailure("bulan \(m) tidak ada")) }
        guard let date = LocalDate(year: y, month: m, day: d) else {
            return .failure(DateParseFailure("tanggal \(d) tidak ada di bulan \(m) tahun \(y)"))
        }
        return parseTime(&c, date: date, fail: fail)
    }

    /// The rest after the date: an optional time of day and zone, then nothing.
    private func parseTime(_ c: inout ByteCursor, date: LocalDate, fail: DateParseFailure) -> Result<ParsedDateTime, DateParseFailure> {
        var result = ParsedDateTime(date: date, secondOfDay: nil, utcOffset: nil)
        // Separator between date and time: 'T', spaces, or a comma.
        let hadT = c.eat(UInt8(ascii: "T"))
        _ = c.eat(UInt8(ascii: ","))
        let spaced = c.skipSpaces()
        if hadT || spaced, let (h, _) = c.number() {
            guard let tsep = c.peek(), tsep == UInt8(ascii: ":") || tsep == UInt8(ascii: ".") else { return .failure(fail) }
            c.advance()
            guard let (mi, mlen) = c.number(), mlen == 2 else { return .failure(fail) }
            var s = 0
            if c.eat(tsep) {
                guard let (ss, slen) = c.number(), slen == 2 else { return .failure(fail) }
                s = ss
                if c.eat(UInt8(ascii: ".")) || c.eat(UInt8(ascii: ",")) { _ = c.number() }  // fraction of a second: dropped
            }
            guard h <= 23, mi <= 59, s <= 59 else {
                return .failure(DateParseFailure("jam \(h):\(mi < 10 ? "0" : "")\(mi) tidak ada"))
            }
            result.secondOfDay = h * 3600 + mi * 60 + s
            c.skipSpaces()
            switch c.zone() {
            case .none: break
            case let .offset(o): result.utcOffset = o
            case .invalid: return .failure(DateParseFailure("zona waktu tidak dikenali"))
            }
        } else if hadT {
            return .failure(fail)
        }
        c.skipSpaces()
        guard c.atEnd else { return .failure(fail) }
        return .success(result)
    }

    /// Excel serial: whole days since 1899-12-30 (the 1900 leap-year bug cancels out after
    /// 1 March 1900), fraction = time of day, rounded to the second.
    static func serial(_ text: String) -> Result<ParsedDateTime, DateParseFailure>? {
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
        guard v >= 61, v < 2_958_466 else { return .failure(DateParseFailure("angka \(text) bukan tanggal Excel")) }
        let total = Int((v * 86400).rounded())
        let days = total / 86400, sec = total % 86400
        return .success(ParsedDateTime(date: LocalDate(dayNumber: days - 25569), secondOfDay: sec == 0 && v == v.rounded() ? nil : sec,
                                       utcOffset: nil))
    }
}

public struct DateParseFailure: Error, Equatable, Sendable {
    public var reason: String
    /// The text is a date only month first (3/13/2024): the whole file may be en-US.
    public var monthFirst: Bool
    public init(_ reason: String, monthFirst: Bool = false) {
        self.reason = reason
        self.monthFirst = monthFirst
    }
}

/// A read position in UTF-8 bytes; every method consumes only what it recognises.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { i >= bytes.count }
    func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }
    mutating func advance() { i += 1 }

    mutating func eat(_ b: UInt8) -> Bool {
        guard peek() == b else { return false }
        i += 1
        return true
    }

    @discardableResult mutating func skipSpaces() -> Bool {
        let start = i
        while let b = peek(), b == 0x20 || b == 0x09 { i += 1 }
        return i > start
    }

    /// Up to 9 decimal digits: (value, digit count).
    mutating func number() -> (Int, Int)? {
        var v = 0, n = 0
        while let b = peek(), b >= 0x30, b <= 0x39, n < 9 { v = v * 10 + Int(b - 0x30); n += 1; i += 1 }
        return n == 0 ? nil : (v, n)
    }

    /// An Indonesian or English month name or its usual abbreviation.
    mutating func monthName() -> Int? {
        let start = i
        while let b = peek(), (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).lowercased()
        _ = eat(UInt8(ascii: "."))
        if let m = Self.months[word] { return m }
        i = start
        return nil
    }

    enum Zone { case none, offset(Int64), invalid }

    mutating func zone() -> Zone {
        guard let b = peek() else { return .none }
        if b == UInt8(ascii: "Z") { i += 1; return .offset(0) }
        if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
            i += 1
            let sign: Int64 = b == UInt8(ascii: "+") ? 1 : -1
            guard let (h, hl) = number() else { return .invalid }
            var hours = h, minutes = 0
            if hl == 4 { hours = h / 100; minutes = h % 100 } else if hl == 2 {
                if eat(UInt8(ascii: ":")) { guard let (mm, ml) = number(), ml == 2 else { return .invalid }; minutes = mm }
            } else { return .invalid }
            guard hours <= 14, minutes <= 59 else { return .invalid }
            return .offset(sign * Int64(hours * 3600 + minutes * 60))
        }
        let start = i
        while let c = peek(), (c | 0x20) >= 0x61, (c | 0x20) <= 0x7A { i += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).uppercased()
        if word == "UTC" || word == "GMT" {
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { return zone() }
            return .offset(0)
        }
        if let z = IndonesianTimeZone(rawValue: word) { return .offset(z.utcOffsetSeconds) }
        i = start
        return word.isEmpty ? .none : .invalid
    }

    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names = [
            ["januari", "january", "jan"], ["februari", "february", "feb", "pebruari"], ["maret", "march", "mar"],
            ["april", "apr"], ["mei", "may"], ["juni", "june", "jun"], ["juli", "july", "jul"],
            ["agustus", "august", "agu", "agt", "ags", "aug"], ["september", "sep", "sept"],
            ["oktober", "october", "okt", "oct"], ["november", "nopember", "nov", "nop"], ["desember", "december", "des", "dec"],
        ]
        for (i, list) in names.enumerated() { for n in list { m[n] = i + 1 } }
        return m
    }()
}
