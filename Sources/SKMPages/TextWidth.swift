/// How wide a line of SVG text will be drawn, estimated: SVG text neither wraps nor clips
/// itself, and the infographic (ResultsInfographic.swift) must keep each label inside its card.
///
/// Counting characters was not enough: "U8 Penanganan Pengaduan…" and "Pelajar/Mahasiswa" are
/// about as long, but capitals and `m` are three times as wide as `i`. The widths are DejaVu
/// Sans's (Book and Bold), the wider of the infographic's two fonts (it asks for Noto Sans
/// first), so a line that fits by this estimate fits in either.
enum TextWidth {
    /// Advance widths in em for ASCII 32…126, DejaVu Sans Book.
    private static let book: [Double] = [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
        1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
        0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ]
    /// The same for DejaVu Sans Bold (the infographic's weights 600 and up).
    private static let bold: [Double] = [
        0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.380, 0.415, 0.380, 0.365,
        0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.580,
        1.000, 0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837, 0.850,
        0.733, 0.850, 0.770, 0.720, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.500,
        0.500, 0.675, 0.716, 0.593, 0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
        0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838,
    ]

    /// The width of `s` in pixels at `size`; "…" is one em, other characters outside ASCII
    /// count as a capital M.
    static func of(_ s: some StringProtocol, size: Int, bold isBold: Bool) -> Double {
        let table = isBold ? bold : book
        let m = table[Int(UInt8(ascii: "M")) - 32]
        var em = 0.0
        for u in s.unicodeScalars {
            let v = Int(u.value)
            em += (32...126).contains(v) ? table[v - 32] : (u == "…" ? 1.0 : m)
        }
        return em * Double(size)
    }

    /// Words into at most `maxLines` lines, each at most `width` pixels; the last line ends
    /// in "…" when words were left over or a word alone is too wide.
    static func wrap(_ s: String, width: Double, size: Int, bold: Bool, maxLines: Int) -> [String] {
        var lines: [String] = [], line = ""
        let words = s.split(separator: " ")
        for (i, word) in words.enumerated() {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if of(candidate, size: size, bold: bold) <= width { line = candidate; continue }
            if line.isEmpty || lines.count == maxLines - 1 {
                // The last line (or a word too wide for any): cut it to fit, with "…".
                lines.append(clip(candidate + (i + 1 < words.count ? " " + words[(i + 1)...].joined(separator: " ") : ""),
                                  width: width, size: size, bold: bold))
                return lines
            }
            lines.append(line)
            line = String(word)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `s` whole when it fits in `width` pixels, else its longest prefix that fits with "…".
    static func clip(_ s: String, width: Double, size: Int, bold: Bool) -> String {
        if of(s, size: size, bold: bold) <= width { return s }
        var cut = Substring(s)
        while !cut.isEmpty, of(cut, size: size, bold: bold) + of("…", size: size, bold: bold) > width { cut = cut.dropLast() }
        while cut.last == " " || cut.last == "," { cut = cut.dropLast() }  // no "Pengaduan,…"
        return cut + "…"
    }
}
