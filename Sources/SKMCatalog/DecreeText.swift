import Foundation

/// Cleans a cell of a decree's table, as PDF-to-text export leaves it, into readable lines:
/// HTML list and paragraph tags (`<ol>`, `<li>`, `<p>`) become line breaks, other tags go,
/// and an inline enumeration ("1. … 2. …", "a. … b. …", "• …", " - …") is put one item per
/// line. The words themselves are kept exactly as written.
public enum DecreeText {
    public static func clean(_ raw: String) -> String {
        var s = ""
        var tag = ""
        var inTag = false
        for c in raw {
            if c == "<" { inTag = true; tag = ""; continue }
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
                    s += ["ol", "ul", "li", "p", "br", "div"].contains(name) ? "\n" : ""
                } else { tag.append(c) }
                continue
            }
            s.append(c)
        }
        if inTag { s += "<" + tag }  // a lone "<" was text
        s = splitEnumerations(s)
        return s.split(separator: "\n")
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// Inserts a line break before each item marker that follows a space.
    static func splitEnumerations(_ s: String) -> String {
        let c = Array(s)
        var out = ""
        var i = 0
        func isMarkerStart(_ i: Int) -> Bool {
            // After a space, or glued to the ";" ending the previous item ("…alokon;2. Surat").
            guard i > 0, c[i - 1] == " " || c[i - 1] == "\u{00A0}" || c[i - 1] == ";" else { return false }
            // Not the very first thing on a line already.
            var k = i - 1
            while k >= 0, c[k] == " " { k -= 1 }
            if c[i - 1] == ";" { k = i - 1 }
            if k < 0 || c[k] == "\n" { return false }
            // "1." "12)" followed by a space
            var j = i
            while j < c.count, c[j].isASCII, c[j].isNumber { j += 1 }
            if j > i, j - i <= 2, j + 1 < c.count, c[j] == "." || c[j] == ")", c[j + 1] == " " {
                return true
            }
            // "a." "B)" followed by a space and a letter
            if c[i].isLetter, c[i].isASCII, "abcdefghABCDEFGH".contains(c[i]), i + 2 < c.count,
               c[i + 1] == "." || c[i + 1] == ")", c[i + 2] == " ", i + 3 < c.count, c[i + 3].isLetter {
                return true
            }
            if c[i] == "•" { return true }
            // " - Word", but not "2 - Tahun"
            if c[i] == "-", i + 2 < c.count, c[i + 1] == " ", c[i + 2].isLetter, !c[k].isNumber { return true }
            return false
        }
        while i < c.count {
            if isMarkerStart(i) { out.append("\n") }
            out.append(c[i])
            i += 1
        }
        return out
    }
}
