import SKMStorage

/// The saran list of the JSON report written straight to bytes: each element exactly as
/// `JSONReportWriter.encoder` lays it out inside the report — pretty, keys sorted, two levels
/// deep — and strings escaped as Foundation's `JSONWriter` escapes them (`"`, `\`, control
/// characters; `/` and everything else verbatim, since slashes are not escaped).
///
/// Why not the encoder: it builds a value tree for every chunk before writing a byte, and for a
/// province's year of saran that was most of the JSON file's time. `JSONStreamingTests` holds
/// these bytes to the encoder's, control characters and non-ASCII text included.
enum SuggestionJSON {
    /// Appends one element as it follows `[` or `,` in the report's `"suggestions"` array.
    static func append(_ s: Suggestion, to out: inout [UInt8]) {
        out.append(contentsOf: "\n    {\n      \"date\" : ".utf8)
        appendString(s.date, to: &out)
        out.append(contentsOf: ",\n      \"service\" : ".utf8)
        appendString(s.service, to: &out)
        out.append(contentsOf: ",\n      \"text\" : ".utf8)
        appendString(s.text, to: &out)
        out.append(contentsOf: "\n    }".utf8)
    }

    /// A JSON string literal, quotes included, escaped as `JSONEncoder` escapes it.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Most saran need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: s.utf8)
            return
        }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, b])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, b])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00...0x1F: out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex(b >> 4), hex(b & 0xF)])
            default: out.append(b)
            }
        }
    }

    /// Lower-case hex digit, as the encoder writes `\u001f`.
    private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : UInt8(ascii: "a") + v - 10 }
}
