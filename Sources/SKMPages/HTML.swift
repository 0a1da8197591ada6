/// Escaping for text placed into HTML. Pages are built as Swift strings rather than
/// templates: every value that did not come from this module passes through `HTML.text` or
/// `HTML.attr`, and that is the whole safety story.
public enum HTML {
    /// Text content: `<`, `>`, `&` escaped (quotes too, so the same call is safe in attributes).
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An attribute value (always written in double quotes by this module).
    public static func attr(_ s: String) -> String { text(s) }

    /// A query string from pairs, percent-encoded; "" when there are none.
    public static func query(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { "\(percent($0.0))=\(percent($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters.
    public static func percent(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(b >> 4)])
                out.unicodeScalars.append(hex[Int(b & 15)])
            }
        }
        return out
    }
}
