import Foundation
import SKMDomain

/// Reads one answer cell: a number 1–4, or the questionnaire's label for that unsur
/// (*Sangat sesuai* = 4 for Persyaratan, *Gratis* = 4 for Biaya/Tarif), so a Google Forms
/// export, whose cells hold the chosen label, loads as it is.
///
/// Labels are matched case-insensitively with spaces collapsed and a trailing dot dropped.
/// A leading option marker (`a.`, `4)`) is allowed; a numeric one must agree with the label.
/// Besides each unsur's own labels, the generic scales many offices use for every question
/// (*Tidak baik … Sangat baik*, *Tidak puas … Sangat puas*) are accepted.
public struct AnswerParser: Sendable {
    public let method: IKMMethod
    private let labels: [[String: Int]]

    public init(method: IKMMethod = .permenPANRB14_2017) {
        self.method = method
        let generic: [[String]] = [
            ["tidak baik", "kurang baik", "baik", "sangat baik"],
            ["tidak puas", "kurang puas", "puas", "sangat puas"],
        ]
        labels = method.unsur.map { u in
            var d: [String: Int] = [:]
            for list in generic { for (i, l) in list.enumerated() { d[l] = i + 1 } }
            for (i, l) in u.labels.enumerated() { d[Self.normalize(l)] = i + 1 }  // the unsur's own labels win
            return d
        }
    }

    /// nil for an empty cell (unanswered); a reason in Bahasa Indonesia when the cell cannot be read.
    public func parse(_ cell: String, unsur u: Int) -> Result<Int?, AnswerFailure> {
        let utf8 = cell.utf8
        if utf8.count == 1, let b = utf8.first, b >= 0x30, b <= 0x39 {  // fast path: one digit
            let v = Int(b - 0x30)
            return (1...4).contains(v) ? .success(v) : .failure(outOfRange("\(v)"))
        }
        let text = Self.normalize(cell)
        if text.isEmpty { return .success(nil) }
        if let (n, exact) = Self.plainNumber(text) {  // "4.0", "4,0" from a spreadsheet
            guard exact, (1...4).contains(n) else { return .failure(outOfRange(text)) }
            return .success(n)
        }
        if Self.looksNumeric(text) {
            // 0x4, +4, 1e0: numbers no questionnaire writes, refused rather than read as 4, 4, 1.
            return .failure(AnswerFailure("jawaban '\(text)' bukan angka 1–4 yang ditulis biasa (tanpa tanda, pangkat atau heksadesimal)"))
        }
        if let v = labels[u][text] { return .success(v) }
        // "a. Sangat sesuai", "4) Sangat sesuai"
        let chars = Array(text)
        if chars.count > 3, chars[1] == "." || chars[1] == ")" {
            let rest = String(chars.dropFirst(2)).trimmingSpaces
            if let v = labels[u][rest] {
                if let n = chars[0].wholeNumberValue, n != v {
                    return .failure(AnswerFailure("nomor \(n) tidak cocok dengan label '\(rest)' (= \(v))"))
                }
                return .success(v)
            }
        }
        let unsur = method.unsur[u]
        let known = unsur.labels.isEmpty ? "" : " atau label \(unsur.code) (\(unsur.labels.joined(separator: " / ")))"
        return .failure(AnswerFailure("jawaban '\(cell.trimmingSpaces)' bukan angka 1–4\(known)"))
    }

    /// Plain decimal digits, optionally with a `.` or `,` fraction: (the whole part, whether the
    /// fraction is all zeros). Nothing else — no sign, exponent or hex, which `Double(_:)` takes.
    static func plainNumber(_ text: String) -> (Int, exact: Bool)? {
        var n = 0, digits = 0, exact = true, afterPoint = false
        for b in text.utf8 {
            if b >= 0x30, b <= 0x39 {
                if afterPoint { if b != 0x30 { exact = false } } else {
                    guard digits < 9 else { return nil }
                    n = n * 10 + Int(b - 0x30); digits += 1
                }
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ","), digits > 0, !afterPoint {
                afterPoint = true
            } else {
                return nil
            }
        }
        return digits > 0 ? (n, exact) : nil
    }

    /// A digit, and nothing but what numbers are written with (sign, point, exponent, hex).
    static func looksNumeric(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            && text.utf8.allSatisfy { b in (b >= 0x30 && b <= 0x39) || "+-.,xXeEabcdefABCDEF".utf8.contains(b) }
    }

    private func outOfRange(_ v: String) -> AnswerFailure { AnswerFailure("jawaban \(v) di luar rentang 1–4") }

    static func normalize(_ s: String) -> String {
        var out = s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" })
            .joined(separator: " ")
        while out.hasSuffix(".") { out.removeLast() }
        return out
    }
}

public struct AnswerFailure: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

extension String {
    /// Without leading and trailing spaces, tabs, line breaks and non-breaking spaces.
    var trimmingSpaces: String {
        // Fast path over the bytes (the UTF8View's first/last cost more than the whole check).
        let clean = utf8.withContiguousStorageIfAvailable { b in
            guard let f = b.first, let l = b.last else { return true }
            return f > 0x20 && f < 0x80 && l > 0x20 && l < 0x80
        }
        if clean == true { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
