import Foundation

/// Reads a decree's *jangka waktu* / *waktu penyelesaian* / *waktu pelayanan* text and
/// understands the completion time it promises.
///
/// The decrees are written by hand and exported from PDF, so the parser is tolerant of what
/// surrounds the promise and strict about the promise itself:
/// - numbers as digits or words, with the word form in brackets or not: `1 (satu) hari`,
///   `selama Tiga Hari`, `1 x 24 jam` (→ 24 jam);
/// - units `menit`, `jam`, `hari`, `hari kerja`, `bulan`; `minggu`/`pekan` become calendar days
///   (× 7) and `tahun` becomes months (× 12);
/// - ranges `10 s.d 30 menit`, `10 menit s/d 30 menit`, `10-30 menit`, `3 – 5 hari`, `3 s/ 5
///   hari` promise the upper bound; `s/d 6 hari`, `kurang lebih`, `selama` are read past;
/// - a maximum (`maksimal`, `max`, `paling lama`, `paling lambat`, `selambat-lambatnya`) is the
///   promise even after a usual time: `1 hari, maksimal 3 hari kerja` promises 3 hari kerja;
///   an extension (`dapat diperpanjang 7 hari kerja`) never is;
/// - when the clock starts (`sejak persyaratan dinyatakan lengkap`, `setelah …`) is kept as
///   the promise's `note`;
/// - variants by clause: *rutin* / *non rutin*, *DTKS* / *non DTKS* (a clause saying the data
///   is *belum* in DTKS), and tracks named before a clause's number (*reguler*, *kilat*,
///   *darurat*, *daring*/*online* …, `namedVariants`). An unlabelled duration beside labelled ones is the
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
        var unlabelled: [Found] = []
        for clause in clauses {
            guard let found = promised(in: clause) else { continue }
            if let label = variantLabel(clause, dtksContext: mentionsDTKS) {
                if !labelled.contains(where: { $0.0 == label }) { labelled.append((label, found.duration)) }
            } else {
                unlabelled.append(found)
            }
        }
        // "1 hari, maksimal 3 hari kerja": the maximum, wherever it stands, is the promise.
        let headline = (unlabelled.first { $0.isMaximum } ?? unlabelled.first)?.duration
        let note = clockStart(text)

        if labelled.isEmpty {
            if let headline { return Promise(text: text, variants: [.init(duration: headline)], note: note) }
            return .none(text, reason: noPromiseReason(wholeText))
        }
        var variants: [Promise.Variant] = []
        var defaultName = labelled[0].0
        if let headline {
            variants.append(.init(name: generalVariant, duration: headline))
            defaultName = generalVariant
        }
        variants += labelled.map { Promise.Variant(name: $0.0, duration: $0.1) }
        return Promise(text: text, variants: variants, defaultVariant: defaultName, note: note)
    }

    // MARK: - Maxima and the clock start

    /// A duration found in a clause, and whether a maximum marker stood before it.
    struct Found {
        var duration: PromisedDuration
        var isMaximum: Bool
    }

    /// Words that mark the next duration as the maximum (`paling lama` / `paling lambat` by their second word).
    static let maximumWords: Set<String> = ["maksimal", "maksimum", "maks", "max", "maximal", "maximum", "lambat", "selambat", "lambatnya", "lama"]
    /// Words after which a duration is an extension of the promise, not the promise.
    static let extensionWords: Set<String> = ["perpanjang", "diperpanjang", "memperpanjang", "perpanjangan"]

    /// The promise of one clause: the first duration after a maximum marker, else the first
    /// duration; nothing after an extension word counts. `lama` counts only after `paling`.
    static func promised(in clause: [PromiseToken]) -> Found? {
        var first: PromisedDuration?
        var i = 0
        var marked = false
        while i < clause.count {
            if let w = clause[i].word {
                if extensionWords.contains(w) { break }
                if maximumWords.contains(w), w != "lama" || (i > 0 && clause[i - 1].word == "paling") { marked = true }
            }
            if let (d, next) = duration(in: clause, at: i) {
                if marked { return Found(duration: d, isMaximum: true) }
                if first == nil { first = d }
                i = next
                continue
            }
            i += 1
        }
        return first.map { Found(duration: $0, isMaximum: false) }
    }

    /// Words that start a clock-start clause, and words one must contain to be one (so that
    /// `setelah informasi siap` in a procedure is not taken for it).
    static let clockStartWords = ["terhitung sejak", "sejak", "setelah", "terhitung"]
    static let clockStartTopics = ["lengkap", "diterima", "diterimanya", "dicatat", "register", "berkas", "persyaratan",
                                   "permohonan", "pembayaran", "pendaftaran", "verifikasi"]

    /// `sejak/setelah persyaratan dinyatakan lengkap`, as written, up to the end of its sentence.
    static func clockStart(_ text: String) -> String? {
        let lower = text.lowercased()
        for start in clockStartWords {
            var from = lower.startIndex
            while let r = lower.range(of: start, range: from..<lower.endIndex) {
                from = r.upperBound
                let before = r.lowerBound == lower.startIndex ? " " : lower[lower.index(before: r.lowerBound)]
                let after = r.upperBound == lower.endIndex ? " " : lower[r.upperBound]
                guard !before.isLetter, !after.isLetter else { continue }
                let end = lower[r.lowerBound...].firstIndex { ".;\n*".contains($0) } ?? lower.endIndex
                let clause = lower[r.lowerBound..<end]
                guard clockStartTopics.contains(where: { clause.contains($0) }) else { continue }
                // Same offsets in the original: lowercasing Indonesian text keeps its length.
                let o = text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
                let e = text.index(o, offsetBy: lower.distance(from: r.lowerBound, to: end))
                let note = text[o..<e].split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return note.trimmingCharacters(in: CharacterSet(charactersIn: ",: "))
            }
        }
        return nil
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
                // "10-30 menit", and "15 menit – 30 menit": a number after the dash, a number or its unit before.
                let afterUnit = i > 1 && unit(tokens, i - 1) != nil && tokens[i - 2].isNumber
                    || i > 2 && tokens[i - 2].word == "hari" && tokens[i - 1].word == "kerja" && tokens[i - 3].isNumber
                let between = i > 0 && (tokens[i - 1].isNumber || afterUnit) && i + 1 < tokens.count && tokens[i + 1].isNumber
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
        if hasPair("non", "rutin") || has("nonrutin") { return "non rutin" }
        if has("rutin") { return "rutin" }
        if hasPair("non", "dtks") || has("nondtks") || (dtksContext && has("belum")) { return "non dtks" }
        if has("dtks") { return "dtks" }
        // "Reguler 3 hari kerja, kilat 1 hari kerja", "darurat: 1 jam": a service-track word
        // before the clause's first number names the variant as the decree does.
        let lead = clause.prefix { !$0.isNumber }.compactMap(\.word)
        return lead.lazy.compactMap { namedVariants[$0] }.first
    }

    /// Service tracks other offices' decrees name, and the variant each becomes (one spelling
    /// per track, so a register's `variant` column matches however the decree spelt it).
    static let namedVariants: [String: String] = [
        "darurat": "darurat", "reguler": "reguler", "regular": "reguler", "biasa": "biasa",
        "kilat": "kilat", "cepat": "cepat", "percepatan": "percepatan", "prioritas": "prioritas",
        "online": "daring", "daring": "daring", "offline": "luring", "luring": "luring",
    ]

    static func noPromiseReason(_ words: String) -> UnmeasurablePromise {
        if words.contains("masal") || words.contains("massal") { return .massService }
        if words.contains("jam kerja") || words.contains("hari kerja") || words.contains("pukul") || words.contains("setiap hari") {
            return .serviceHoursOnly
        }
        return .noMeasurableTime
    }

    // MARK: - Durations

    /// The first `number [range number] unit [range number unit]` in a clause.
    static func firstDuration(in clause: [PromiseToken]) -> PromisedDuration? {
        var i = 0
        while i < clause.count {
            if let (d, _) = duration(in: clause, at: i) { return d }
            i += 1
        }
        return nil
    }

    /// A duration starting at `i`, and the index after it.
    static func duration(in clause: [PromiseToken], at i: Int) -> (PromisedDuration, Int)? {
        if let (first, afterFirst) = number(clause, i) {
            var lower: Int? = nil
            var amount = first
            var j = afterFirst
            // "10 s.d 30 menit", "10-30 menit"
            if j < clause.count, clause[j].isRangeMarker, let (second, afterSecond) = number(clause, j + 1) {
                lower = first; amount = second; j = afterSecond
            }
            // A count too large to scale ("7777…7 tahun", fuzzed) is no duration, not a trap.
            if let (unit, factor, afterUnit) = unit(clause, j), let scaled = scaled(amount, factor) {
                var result = PromisedDuration(amount: scaled, unit: unit, lowerBound: lower.flatMap { self.scaled($0, factor) })
                var next = afterUnit
                // "10 menit s.d 30 menit"
                if lower == nil, afterUnit < clause.count, clause[afterUnit].isRangeMarker,
                   let (second, afterSecond) = number(clause, afterUnit + 1),
                   let (unit2, factor2, afterUnit2) = self.unit(clause, afterSecond), unit2 == unit,
                   let upper = self.scaled(second, factor2) {
                    result = PromisedDuration(amount: upper, unit: unit, lowerBound: scaled)
                    next = afterUnit2
                }
                return (result, next)
            }
        }
        return nil
    }

    /// `n × factor`, or nil when it does not fit in an `Int`.
    static func scaled(_ n: Int, _ factor: Int) -> Int? {
        let (product, overflow) = n.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
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
