import Foundation
import SKMDomain

/// What a decree's opening and closing say about itself: number (*NOMOR*), date (*Ditetapkan
/// … pada tanggal*), title (*TENTANG*), the agency (*KEPUTUSAN KEPALA …*), its region
/// (*Kabupaten/Kota …*) and time zone (a *WITA*/*WIT* mention; WIB otherwise).
struct DecreeMetadata {
    var number: String?
    var date: LocalDate?
    var dateText: String?
    var title: String?
    var agencyName: String?
    var region: String?
    var timeZone: IndonesianTimeZone
    var timeZoneStated: Bool

    static let months = ["januari", "februari", "maret", "april", "mei", "juni", "juli",
                         "agustus", "september", "oktober", "november", "desember"]

    init(text: String) {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let stripped = lines.map { $0.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "-# ")) }

        number = stripped.lazy.compactMap { line -> String? in
            let l = line.lowercased()
            guard l.hasPrefix("nomor") else { return nil }
            let rest = line.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            return rest.isEmpty ? nil : rest
        }.first

        // "Pada Tanggal : 15 Mei 2024", "pada tanggal 5 April 2022"
        for line in stripped {
            let words = line.lowercased().replacingOccurrences(of: ":", with: " ").split(separator: " ").map(String.init)
            guard let t = words.firstIndex(of: "tanggal") else { continue }
            let rest = Array(words[(t + 1)...])
            if rest.count >= 3, let d = Int(rest[0]), let m = Self.months.firstIndex(of: rest[1]), let y = Int(rest[2]) {
                date = LocalDate(year: y, month: m + 1, day: d)
                dateText = rest[0...2].joined(separator: " ")
                break
            }
            if dateText == nil, rest.count >= 2, Self.months.contains(rest[0]), Int(rest[1]) != nil {
                dateText = rest[0...1].joined(separator: " ")  // a date without its day
            }
        }

        // Title: the block after a line "TENTANG", up to the next blank line.
        if let t = stripped.firstIndex(where: { $0.uppercased() == "TENTANG" }) {
            var block: [String] = []
            var i = t + 1
            while i < stripped.count, stripped[i].isEmpty { i += 1 }
            while i < stripped.count, !stripped[i].isEmpty { block.append(stripped[i]); i += 1 }
            if !block.isEmpty { title = block.joined(separator: " ") }
        }

        // Agency: "KEPUTUSAN KEPALA <agency>" up to the line "NOMOR".
        if let k = stripped.firstIndex(where: { $0.uppercased().hasPrefix("KEPUTUSAN KEPALA ") }) {
            var block = [String(stripped[k].dropFirst("KEPUTUSAN KEPALA ".count))]
            var i = k + 1
            while i < stripped.count, !stripped[i].isEmpty, !stripped[i].lowercased().hasPrefix("nomor") { block.append(stripped[i]); i += 1 }
            agencyName = block.joined(separator: " ")
        } else if let k = stripped.firstIndex(where: { $0.lowercased().hasPrefix("kepala dinas ") && $0.count > 40 }) {
            // No heading (a Lampiran on its own): the signature's "Kepala Dinas …" line names the office.
            agencyName = String(stripped[k].dropFirst("kepala ".count))
        }

        region = Self.region(in: text)
        let upper = text.uppercased()
        if upper.range(of: "WITA") != nil { timeZone = .wita; timeZoneStated = true }
        else if upper.range(of: " WIT ") != nil || upper.range(of: " WIT\n") != nil { timeZone = .wit; timeZoneStated = true }
        else { timeZone = .wib; timeZoneStated = upper.range(of: "WIB") != nil }
    }

    /// The most-mentioned "Kabupaten X" / "Kota X", with its second word when it always has one
    /// ("Kabupaten Bengkulu Selatan").
    static func region(in text: String) -> String? {
        let words = text.replacingOccurrences(of: "\n", with: " ").split(whereSeparator: { !$0.isLetter }).map(String.init)
        var one: [String: Int] = [:], two: [String: Int] = [:], kind: [String: String] = [:]
        for (i, w) in words.enumerated() where ["kabupaten", "kota"].contains(w.lowercased()) && i + 1 < words.count {
            let a = words[i + 1].lowercased()
            guard words[i + 1].first?.isUppercase == true, a.count >= 3, !["dan", "di", "yang", "besar", "kecil", "ketjil", "kota", "kabupaten"].contains(a) else { continue }
            one[a, default: 0] += 1
            kind[a] = w.lowercased() == "kota" ? "Kota" : "Kabupaten"
            if i + 2 < words.count { two["\(a) \(words[i + 2].lowercased())", default: 0] += 1 }
        }
        guard let (best, n) = one.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        var name = best
        if let (pair, m) = two.filter({ $0.key.hasPrefix(best + " ") }).max(by: { $0.value < $1.value }), m == n, n > 1,
           !["kabupaten", "kota", "nomor", "tahun", "atau", "dan", "cq", "sebagaimana", "tentang"].contains(String(pair.split(separator: " ")[1])) {
            name = pair
        }
        return "\(kind[best]!) " + name.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
