/// Indonesian number words (*bilangan*), as decrees write them beside or instead of digits:
/// "1 (satu) hari", "selama Tiga Hari", "18 ( Delapan Belas ) orang".
///
/// Covers 0–999 999, which is more than any completion time needs: *satu … sembilan*,
/// *sepuluh*, *sebelas*, *N belas*, *N puluh [M]*, *seratus*, *N ratus*, *seribu*, *N ribu*.
public enum IndonesianNumber {
    static let units: [String: Int] = [
        "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
        "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    ]
    /// Words that are whole numbers on their own (the *se-* forms).
    static let compounds: [String: Int] = ["sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000]
    static let multipliers: Set<String> = ["belas", "puluh", "ratus", "ribu"]

    /// True for any word that can be part of a number ("dua", "belas", "seratus", …).
    public static func isNumberWord(_ word: some StringProtocol) -> Bool {
        let w = word.lowercased()
        return units[w] != nil || compounds[w] != nil || multipliers.contains(w)
    }

    /// The value of a whole phrase such as "dua puluh empat"; nil unless every word is part of
    /// one well-formed number.
    public static func value(of phrase: String) -> Int? {
        let words = phrase.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard let (v, used) = read(words, from: 0), used == words.count else { return nil }
        return v
    }

    /// Reads the longest number starting at `words[start]` (lower-case words). Returns the value
    /// and how many words it used, or nil when `words[start]` does not begin a number.
    public static func read(_ words: [String], from start: Int) -> (value: Int, count: Int)? {
        var total = 0      // completed thousands
        var current = 0    // below one thousand
        var lastUnit = 0   // the unit word waiting for a multiplier (dua → dua puluh)
        var i = start
        var consumed = false
        while i < words.count {
            let w = words[i]
            if let u = units[w] {
                // "dua tiga" is two numbers, not one: a unit only follows nothing, puluh or ratus.
                if lastUnit != 0 || current % 10 != 0 { break }
                lastUnit = u
                current += u
            } else if let c = compounds[w] {
                if lastUnit != 0 || (c >= 100 ? current != 0 : current % 100 != 0) { break }
                if c == 1000 { total += 1000 } else { current += c }
                lastUnit = 0
            } else if w == "belas" {
                guard lastUnit != 0 else { break }
                current += 10
                lastUnit = 0
            } else if w == "puluh" {
                guard lastUnit != 0 else { break }
                current += lastUnit * 9
                lastUnit = 0
            } else if w == "ratus" {
                guard lastUnit != 0 else { break }
                current += lastUnit * 99
                lastUnit = 0
            } else if w == "ribu" {
                guard current > 0 else { break }
                total += current * 1000
                current = 0
                lastUnit = 0
            } else {
                break
            }
            consumed = true
            i += 1
        }
        guard consumed else { return nil }
        return (total + current, i - start)
    }
}
