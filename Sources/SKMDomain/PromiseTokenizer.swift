/// One token of a completion-time text, after the noise a PDF export leaves is removed.
enum PromiseToken: Equatable {
    case number(Int)
    case word(String)
    /// `s.d`, `s/d`, `sd`, `sampai (dengan)`, `hingga`.
    case range
    case dash
    /// `,` or `;`.
    case comma
    /// A list marker such as `1.` or `2)`.
    case listMarker

    var word: String? { if case .word(let w) = self { w } else { nil } }
    var isNumber: Bool {
        if case .number = self { return true }
        if let w = word { return IndonesianNumber.isNumberWord(w) }
        return false
    }
    var isRangeMarker: Bool { self == .range || self == .dash }
}

/// Splits a completion-time text into `PromiseToken`s (ranges: `s.d`, `s/d`, `s/`, `-`, `–`): HTML tags dropped, lower-cased, clock
/// times (`07.30`, `12:00`) dropped because they are office hours, a bracketed number in words
/// after its digits (`1 (satu)`) dropped because it repeats the number, the *se-* forms
/// (`sehari`, `seminggu`) expanded to `1 hari`, `1 minggu`, and a hyphen inside a word
/// (`non-rutin`) read as a space.
enum PromiseTokenizer {
    static let seForms: [String: String] = ["sehari": "hari", "sejam": "jam", "seminggu": "minggu", "sebulan": "bulan", "setahun": "tahun"]

    static func tokens(of text: String) -> [PromiseToken] {
        let chars = Array(stripTags(text).lowercased()
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .replacingOccurrences(of: "×", with: " x "))
        var out: [PromiseToken] = []
        var parenStart: [Int] = []  // indices in `out` where a "(" group began
        var i = 0
        func isLetter(_ c: Character) -> Bool { c.isLetter }
        while i < chars.count {
            let c = chars[i]
            if c.isNumber, c.isASCII {
                var j = i
                while j < chars.count, chars[j].isNumber, chars[j].isASCII { j += 1 }
                let value = Int(String(chars[i..<j])) ?? 0
                // Clock time: digits, "." or ":", two digits.
                if j + 2 < chars.count, chars[j] == "." || chars[j] == ":",
                   chars[j + 1].isNumber, chars[j + 2].isNumber,
                   j + 3 == chars.count || !chars[j + 3].isNumber {
                    i = j + 3
                    continue
                }
                // List marker: "1." or "2)" followed by a space or the end — not "(3)".
                if j < chars.count, chars[j] == "." || (chars[j] == ")" && parenStart.isEmpty),
                   j + 1 == chars.count || chars[j + 1].isWhitespace {
                    out.append(.listMarker)
                    i = j + 1
                    continue
                }
                out.append(.number(value))
                i = j
                continue
            }
            if isLetter(c) {
                // s.d / s/d (and s.d.)
                if c == "s", i + 2 < chars.count, chars[i + 1] == "." || chars[i + 1] == "/", chars[i + 2] == "d",
                   i + 3 == chars.count || !isLetter(chars[i + 3]) {
                    out.append(.range)
                    i += 3
                    if i < chars.count, chars[i] == "." { i += 1 }
                    continue
                }
                // "3 s/ 5 hari": s/ with the d left out, not followed by a letter
                if c == "s", i + 1 < chars.count, chars[i + 1] == "/", i == 0 || !isLetter(chars[i - 1]),
                   i + 2 == chars.count || !isLetter(chars[i + 2]) {
                    out.append(.range)
                    i += 2
                    continue
                }
                var j = i
                while j < chars.count, isLetter(chars[j]) { j += 1 }
                let w = String(chars[i..<j])
                i = j
                switch w {
                case "sd", "hingga": out.append(.range)
                case "sampai": out.append(.range)
                case "dengan" where out.last == .range: break
                default:
                    if let unit = seForms[w] { out.append(.number(1)); out.append(.word(unit)) } else { out.append(.word(w)) }
                }
                continue
            }
            switch c {
            case ",", ";": out.append(.comma)
            case "-":
                // A hyphen inside a word ("non-rutin", "selambat-lambatnya") only joins it.
                let inWord = i > 0 && chars[i - 1].isLetter && i + 1 < chars.count && chars[i + 1].isLetter
                if !inWord { out.append(.dash) }
            case "(":
                parenStart.append(out.count)
            case ")":
                // Drop "(satu)", "( Delapan Belas )": words repeating the number before them.
                if let start = parenStart.popLast() {
                    let inner = out[start...]
                    if !inner.isEmpty, inner.allSatisfy({ $0.word.map(IndonesianNumber.isNumberWord) ?? false }),
                       start > 0, case .number = out[start - 1] {
                        out.removeSubrange(start...)
                    }
                }
            default: break
            }
            i += 1
        }
        return out
    }

    /// Removes `<…>` tags, leaving a space so that words on either side stay apart.
    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; out.append(" "); continue }
            if c == ">", inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return out
    }
}
