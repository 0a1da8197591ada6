import Foundation

/// Numbers as a visitor of a public page reads them: a decimal comma and a dot between
/// thousands in Bahasa Indonesia (79,35; 1.234), the English way otherwise (79.35; 1,234).
public enum NumberText {
    public static func decimal(_ x: Double, digits: Int = 2, _ l: PageLanguage) -> String {
        let s = String(format: "%.\(digits)f", x)
        return l == .id ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    public static func integer(_ n: Int, _ l: PageLanguage) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(l == .id ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A share 0–1 as a percentage with one decimal: 81,6 %.
    public static func percent(_ share: Double, _ l: PageLanguage) -> String {
        decimal(share * 100, digits: 1, l) + " %"
    }
}
