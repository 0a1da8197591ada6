/// Plain aligned columns for a terminal: the one table renderer of `skm` (score, compliance,
/// bench, catalog, query).
///
/// Columns are two spaces apart and as wide as their widest cell (counted in characters);
/// trailing spaces are trimmed so that a copied table carries no invisible tails.
public enum TextTable {
    public enum Alignment: Sendable { case left, right }

    /// `rows[0]` is the header, underlined with dashes unless `header` is false. Columns not
    /// named in `alignments` are left-aligned. Lines are joined by newlines, no final one.
    public static func render(_ rows: [[String]], alignments: [Alignment] = [], header: Bool = true) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            var s = r.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - r[c].count)
                return c < alignments.count && alignments[c] == .right ? pad + r[c] : r[c] + pad
            }.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        var out = rows.map(line)
        if header { out.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1) }
        return out.joined(separator: "\n")
    }
}
