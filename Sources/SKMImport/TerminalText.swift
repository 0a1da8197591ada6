/// Text from a file made safe to print on a terminal: control characters (C0, DEL, C1) and
/// bidirectional overrides are written as visible escapes (`\x1B`, `\u{202E}`), so a cell
/// holding an ANSI sequence cannot recolour, clear or rewrite what an officer reads, and a
/// right-to-left override cannot make a value look like another.
public enum TerminalText {
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for u in s.unicodeScalars {
            guard needsEscape(u) else { out.unicodeScalars.append(u); continue }
            switch u.value {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case ..<0x100: out += "\\x" + hex(u.value, digits: 2)
            default: out += "\\u{" + hex(u.value, digits: 4) + "}"
            }
        }
        return out
    }

    @inline(__always)
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}
