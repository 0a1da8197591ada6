/// Reads a decree's *jangka waktu* / *waktu penyelesaian* / *waktu pelayanan* text and
/// understands the completion time it promises.
///
/// The decrees are written by hand and exported from PDF, so the parser is tolerant of what
/// surrounds the promise and strict about the promise itself:
/// - numbers as digits or words, with the word form in brackets or not: `1 (satu) hari`,
///   `selama Tiga Hari`, `1 x 24 jam` (→ 24 jam);
/// - units `menit`, `jam`, `hari`, `hari kerja`, `bulan`; `minggu`/`pekan` become calendar days
///   (× 7) and `tahun` becomes months (× 12);
/// - ranges `10 s.d 30 menit`, `10 menit s/d 30 menit`, `10-30 menit` promise the upper bound;
///   `s/d 6 hari`, `max`, `paling lama`, `kurang lebih`, `selama` are read past;
/// - variants by clause: *rutin* / *non rutin* (or *darurat*), *DTKS* / *non DTKS* (a clause
///   saying the data is *belum* in DTKS). An unlabelled duration beside labelled ones is the
///   headline promise: it becomes the variant `umum` and the default; otherwise the first
///   labelled variant is the default;
/// - clock times (`Pukul 07.30 s.d. 12.00 WIB`) are office hours, never a promise.
/// A text with no duration gives `Promise.none` with the reason, never a guess.
public enum PromiseParser {
    /// Name of the headline variant when a text has both a general and labelled durations.
    public static let generalVariant = "umum"

    public static func parse(_ text: String) -> Promise {
        let tokens = PromiseTokenizer.tokens(of: text)
        let clauses = split(tokens)
        let wholeText = tokens.compactMap(\.word).joined(separator: " ")
        let mentionsDTKS = tokens.contains { $0.word == "dtks" }

        var labelled: [(String, PromisedDuration)] = []
        var unlabelled: [PromisedDuration] = []
        for clause in clauses {
            guard let duration = firstDuration(in: clause) else { continue }
            if let label = variantLabel(clause, dtksContext: mentionsDTKS) {
                if !labelled.contains(where: { $0.0 == label }) { labelled.append((label, duration)) }
            } else {
                unlabelled.append(duration)
            }
        }

        if labelled.isEmpty {
            if let first = unlabelled.first { return .single(text, first) }
            return .none(text, reason: noPromiseReason(wholeText))
        }
        var variants: [Promise.Variant] = []
        var defaultName = labelled[0].0
        if let headline = unlabelled.first {
            variants.append(.init(name: generalVariant, duration: headline))
            defaultName = generalVariant
        }
        variants += labelled.map { Promise.Variant(name: $0.0, duration: $0.1) }
        return Promise(text: text, variants: variants, defaultVariant: defaultName)
    }

    // MARK: - Clauses

    /// Clauses end at `,`, `;`, a list marker (`1.`, `2)`) or a dash that is not a numeric range.
    static func split(_ tokens: [PromiseToken]) -> [[PromiseToken]] {
        var clauses: [[PromiseToken]] = [[]]
        for (i, t) in tokens.enumerated() {
            switch t {
            case .comma, .listMarker:
                clauses.append([])
            case .dash:
                let between = i > 0 && tokens[i - 1].isNumber && i + 1 < tokens.count && tokens[i + 1].isNumber
                if between { clauses[clauses.count - 1].append(t) } else { clauses.append([]) }
            default:
                clauses[clauses.count - 1].append(t)
            }
        }
        return clauses.filter { !$0.isEmpty }
    }

    static func variantLabel(_ clause: [PromiseToken], dtksContext: Bool) -> String? {
        let words = clause.compactMap(\.word)
        func has(_ w: String) -> Bool { words.contains(w) }
        func hasPair(_ a: String, _ b: String) -> Bool {
            zip(words, words.dropFirst()).contains { $0 == a && $1 == b }
        }
        if hasPair("non", "rutin") || has("nonrutin") || has("darurat") { return "non rutin" }
        if has("rutin") { return "rutin" }
        if hasPair("non", "dtks") || has("nondtks") || (dtksContext && has("belum")) { return "non dtks" }
        if has("dtks") { return "dtks" }
        return nil
    }

    static func noPromiseReason(_ words: String) -> String {
        if words.contains("masal") || words.contains("massal") {
            return "tidak menyebut waktu penyelesaian (pelayanan dilakukan secara massal)"
        }
        if words.contains("jam kerja") || words.contains("hari kerja") || words.contains("pukul") || words.contains("setiap hari") {
            return "hanya menyebut hari/jam pelayanan, bukan waktu penyelesaian"
        }
        return "tidak menyebut waktu penyelesaian yang terukur"
    }

    // MARK: - Durations

    /// The first `number [range number] unit [range number unit]` in a clause.
    static func firstDuration(in clause: [PromiseToken]) -> PromisedDuration? {
        var i = 0
        while i < clause.count {
            if let (first, afterFirst) = number(clause, i) {
                var lower: Int? = nil
                var amount = first
                var j = afterFirst
                // "10 s.d 30 menit", "10-30 menit"
                if j < clause.count, clause[j].isRangeMarker, let (second, afterSecond) = number(clause, j + 1) {
                    lower = first; amount = second; j = afterSecond
                }
                if let (unit, factor, afterUnit) = unit(clause, j) {
                    var result = PromisedDuration(amount: amount * factor, unit: unit, lowerBound: lower.map { $0 * factor })
                    // "10 menit s.d 30 menit"
                    if lower == nil, afterUnit < clause.count, clause[afterUnit].isRangeMarker,
                       let (second, afterSecond) = number(clause, afterUnit + 1),
                       let (unit2, factor2, _) = self.unit(clause, afterSecond), unit2 == unit {
                        result = PromisedDuration(amount: second * factor2, unit: unit, lowerBound: amount * factor)
                    }
                    return result
                }
                i = afterFirst
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A number at `i`: digits or number words, `A x B` multiplied (`1 x 24 jam`).
    static func number(_ t: [PromiseToken], _ i: Int) -> (Int, Int)? {
        guard i < t.count else { return nil }
        var value: Int
        var next: Int
        if case .number(let n) = t[i] {
            value = n; next = i + 1
        } else if t[i].word != nil {
            var words: [String] = []
            var k = i
            while k < t.count, let w = t[k].word, IndonesianNumber.isNumberWord(w) { words.append(w); k += 1 }
            guard let (v, used) = IndonesianNumber.read(words, from: 0), used > 0 else { return nil }
            value = v; next = i + used
        } else {
            return nil
        }
        if next + 1 < t.count, t[next].word == "x", case .number(let m) = t[next + 1] {
            let (product, overflow) = value.multipliedReportingOverflow(by: m)  // "8888 x 88888888…" (fuzzed)
            guard !overflow else { return nil }
            value = product; next += 2
        }
        return (value, next)
    }

    /// A unit at `i`: the unit, the factor its amount is multiplied by, and the next index.
    static func unit(_ t: [PromiseToken], _ i: Int) -> (PromiseUnit, Int, Int)? {
        guard i < t.count, let w = t[i].word else { return nil }
        switch w {
        case "menit": return (.minutes, 1, i + 1)
        case "jam": return (.hours, 1, i + 1)
        case "hari":
            if i + 1 < t.count, t[i + 1].word == "kerja" { return (.workingDays, 1, i + 2) }
            return (.calendarDays, 1, i + 1)
        case "minggu", "pekan": return (.calendarDays, 7, i + 1)
        case "bulan": return (.months, 1, i + 1)
        case "tahun": return (.months, 12, i + 1)
        default: return nil
        }
    }
}
