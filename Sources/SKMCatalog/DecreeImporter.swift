import Foundation
import SKMDomain

/// Reads a decree in the seeds' layout — text exported from PDF, with each service's standard
/// as a `No / Komponen / Uraian` table — into a draft catalog file for a person to review,
/// and lists what it could not place.
///
/// How the layout is read:
/// - a table row is a line with tabs: number, heading, text (`5. Produk Layanan<TAB>…` with
///   number and heading in one cell also occurs); a row with no number continues the previous
///   one (its heading cell, if any, continues the heading);
/// - lines without tabs between rows are the previous row's text running on; label lines
///   ("A. Komponen … (Service Point)", "PENGELOLAAN PELAYANAN (MANUFACTURING)") are skipped;
/// - a table header (`No<TAB>Komponen<TAB>Uraian`) starts a new service unless its first row
///   continues the current one (the *manufacturing* half, starting at *Dasar Hukum*); the
///   service's name is the last paragraph before it; `Satuan Kerja :`, `Jenis Pelayanan :`,
///   `Dasar Hukum :` lines there become components.
public enum DecreeImporter {
    public struct Unplaced: Hashable, Sendable, CustomStringConvertible {
        /// 1-based line in the decree text; 0 when it concerns the whole decree.
        public var line: Int
        public var text: String
        public var reason: String
        public var description: String { (line > 0 ? "line \(line): " : "") + reason + (text.isEmpty ? "" : ": \(text)") }
    }

    public struct Draft: Sendable {
        public var agency: AgencyFile
        public var unplaced: [Unplaced]
    }

    struct Row {
        var line: Int
        var heading: String
        var body: [String]
    }

    struct ServiceDraft {
        var line: Int
        var title: String
        var rows: [Row] = []
        func has(_ key: String) -> Bool {
            var jangka = false
            for r in rows {
                let k = ComponentKey.key(for: r.heading, hasJangkaWaktu: jangka)
                if k == key { return true }
                if k == "jangka_waktu" { jangka = true }
            }
            return false
        }
    }

    /// - Parameter code: the agency code to use; derived from the region when nil.
    public static func importDecree(_ text: String, code: String? = nil) -> Draft {
        var unplaced: [Unplaced] = []
        var services: [ServiceDraft] = []
        var pending: [(Int, String)] = []   // lines without tabs since the last row
        var awaitingFirstRow = false
        var beforeHeader: [(Int, String)] = []

        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        for (index, raw) in lines.enumerated() {
            let lineNo = index + 1
            guard raw.contains("\t") else {
                pending.append((lineNo, raw.trimmingCharacters(in: .whitespaces)))
                continue
            }
            let cells = raw.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            let joined = cells.filter { !$0.isEmpty }.joined(separator: " ")
            if joined.isEmpty || joined.allSatisfy({ $0 == "-" || $0 == " " }) { continue }
            if isLabel(joined) { continue }
            if cells.count >= 3, ["no", "no."].contains(cells[0].lowercased()), cells[1].lowercased() == "komponen" {
                awaitingFirstRow = true
                beforeHeader = pending
                pending = []
                continue
            }
            // (number, heading, body)
            var number = "", heading = "", body = ""
            if cells.count >= 3 {
                number = cells[0]; heading = cells[1]; body = cells[2...].filter { !$0.isEmpty }.joined(separator: " ")
                if !number.isEmpty, !isRowNumber(number), let (n, h) = splitNumbered(number) {
                    number = n; body = ([heading, body].filter { !$0.isEmpty }).joined(separator: " "); heading = h
                }
            } else if let (n, h) = splitNumbered(cells[0]) {
                number = n; heading = h; body = cells[1]
            } else if isRowNumber(cells[0]) {
                number = cells[0]; body = cells[1]
            } else {
                body = cells.filter { !$0.isEmpty }.joined(separator: " ")
            }

            if awaitingFirstRow {
                awaitingFirstRow = false
                let key = ComponentKey.key(for: heading, hasJangkaWaktu: false)
                let fields = headerFields(beforeHeader)
                let startsService = services.isEmpty || !fields.isEmpty || key == "persyaratan" || key == "jenis_pelayanan"
                    || (key.map { services[services.count - 1].has($0) } ?? false)
                if startsService {
                    let (title, leftover) = titleAndLeftover(beforeHeader)
                    if !services.isEmpty { appendProse(leftover, to: &services[services.count - 1]) }
                    var s = ServiceDraft(line: beforeHeader.last(where: { !$0.1.isEmpty })?.0 ?? lineNo, title: title)
                    s.rows = fields
                    if title.isEmpty { unplaced.append(.init(line: lineNo, text: "", reason: "service without a name before its table")) }
                    services.append(s)
                } else {
                    pending = beforeHeader + pending
                }
                beforeHeader = []
            }
            guard !services.isEmpty else {
                unplaced.append(.init(line: lineNo, text: joined, reason: "table row before any service"))
                pending = []
                continue
            }
            appendProse(pending, to: &services[services.count - 1])
            pending = []
            if !number.isEmpty && !heading.isEmpty {
                services[services.count - 1].rows.append(Row(line: lineNo, heading: heading, body: body.isEmpty ? [] : [body]))
            } else if var last = services[services.count - 1].rows.popLast() {
                if !heading.isEmpty { last.heading += " " + heading }
                if !body.isEmpty { last.body.append(body) }
                services[services.count - 1].rows.append(last)
            } else {
                unplaced.append(.init(line: lineNo, text: joined, reason: "text before the first row of a table"))
            }
        }
        // Whatever follows the last table is the signature block.

        let meta = DecreeMetadata(text: text)
        var notes: [String] = []
        var out: [ServiceFile] = []
        var codes: Set<String> = []
        for s in services {
            var components: [ComponentFile] = []
            for row in s.rows {
                let heading = row.heading.split(separator: " ").joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " :"))
                let hasJangka = components.contains { $0.key == "jangka_waktu" }
                var key = ComponentKey.key(for: heading, hasJangkaWaktu: hasJangka)
                if key == nil {
                    key = ComponentKey.slug(heading)
                    unplaced.append(.init(line: row.line, text: heading, reason: "component heading not recognised; kept under key \"\(key!)\""))
                }
                components.append(ComponentFile(key: key!, heading: heading, text: DecreeText.clean(row.body.joined(separator: " "))))
            }
            var code = ComponentKey.slug(s.title, separator: "-")
            while codes.contains(code) { code += "-2" }
            codes.insert(code)
            var promise: PromiseFile? = nil
            if let jw = components.first(where: { $0.key == "jangka_waktu" }) {
                let p = PromiseParser.parse(jw.text)
                promise = PromiseFile(p)
                if !p.isMeasurable { notes.append("\(code): no measurable promise (\(p.noPromiseReason ?? ""))") }
            } else {
                unplaced.append(.init(line: s.line, text: s.title, reason: "service has no jangka waktu / waktu penyelesaian component"))
            }
            out.append(ServiceFile(code: code, name: s.title, components: components, promise: promise))
        }

        if meta.number == nil { unplaced.append(.init(line: 0, text: "", reason: "decree number (NOMOR) not found")) }
        if meta.date == nil {
            unplaced.append(.init(line: 0, text: meta.dateText ?? "", reason: meta.dateText == nil ? "decree date not found" : "decree date has no day"))
        }
        if meta.title == nil { unplaced.append(.init(line: 0, text: "", reason: "decree title (TENTANG …) not found")) }
        if !meta.timeZoneStated { notes.append("time zone not stated in the text; \(meta.timeZone.rawValue) assumed") }
        let region = meta.region ?? ""
        if region.isEmpty { unplaced.append(.init(line: 0, text: "", reason: "region (Kabupaten/Kota …) not found")) }
        let agencyCode = code ?? ComponentKey.slug(region.split(separator: " ").dropFirst().joined(separator: " "), separator: "-")
        let agency = AgencyFile(
            code: agencyCode, name: meta.agencyName ?? "", region: region, timeZone: meta.timeZone.rawValue,
            decree: DecreeFile(number: meta.number ?? "", date: meta.date?.description ?? "", title: meta.title ?? ""),
            notes: notes.isEmpty ? nil : notes, services: out)
        return Draft(agency: agency, unplaced: unplaced)
    }

    // MARK: - Pieces

    static func isLabel(_ s: String) -> Bool {
        let l = s.lowercased()
        return l.contains("service delivery") || l.contains("service point") || l.contains("manufacturing")
            || l.hasPrefix("proses penyampaian") || l.hasPrefix("pengelolaan pelayanan")
            || (l.contains("komponen") && l.contains("standar pelayanan yang terkait"))
    }

    static func isRowNumber(_ s: String) -> Bool {
        let t = s.hasSuffix(".") ? String(s.dropLast()) : s
        return !t.isEmpty && (t.allSatisfy(\.isNumber) || t.allSatisfy { "IVX".contains($0) })
    }

    /// "5. Produk Layanan" → ("5.", "Produk Layanan")
    static func splitNumbered(_ s: String) -> (String, String)? {
        guard let space = s.firstIndex(of: " ") else { return nil }
        let n = String(s[..<space]), rest = s[space...].trimmingCharacters(in: .whitespaces)
        guard n.hasSuffix("."), isRowNumber(n), !rest.isEmpty else { return nil }
        return (n, rest)
    }

    static func paragraphs(_ lines: [(Int, String)]) -> [[(Int, String)]] {
        var out: [[(Int, String)]] = [[]]
        for l in lines {
            if l.1.isEmpty { if !out[out.count - 1].isEmpty { out.append([]) } } else { out[out.count - 1].append(l) }
        }
        return out.filter { !$0.isEmpty }
    }

    static let fieldNames: [(String, String)] = [("satuan kerja", "Satuan Kerja"), ("jenis pelayanan", "Jenis Pelayanan"), ("dasar hukum", "Dasar Hukum")]

    static func fieldStart(_ line: String) -> (String, String)? {
        let s = line.hasPrefix("- ") ? String(line.dropFirst(2)) : line
        for (lower, heading) in fieldNames where s.lowercased().hasPrefix(lower) {
            let rest = s.dropFirst(lower.count).trimmingCharacters(in: .whitespaces)
            guard rest.hasPrefix(":") else { continue }
            return (heading, rest.dropFirst().trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// `Satuan Kerja : …` / `Jenis Pelayanan : …` / `Dasar Hukum : …` lines (and the `- …` lines
    /// continuing the last one) before a table, as rows.
    static func headerFields(_ lines: [(Int, String)]) -> [Row] {
        var rows: [Row] = []
        var open = false
        for (n, l) in lines {
            if let (h, body) = fieldStart(l) {
                rows.append(Row(line: n, heading: h, body: [body])); open = true
            } else if open, l.hasPrefix("-") {
                rows[rows.count - 1].body.append("\n" + l)
            } else if l.isEmpty {
                continue
            } else {
                open = false
            }
        }
        return rows
    }

    /// The service name (the last paragraph that is neither a label nor header fields) and the
    /// paragraphs before it (the previous service's text running on).
    static func titleAndLeftover(_ lines: [(Int, String)]) -> (String, [(Int, String)]) {
        let paras = paragraphs(lines).filter { p in
            !p.allSatisfy { isLabel($0.1) } && fieldStart(p[0].1) == nil
        }
        guard let last = paras.last else { return ("", []) }
        var title = last.map(\.1).joined(separator: " ")
            .replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "#", with: "")
            .trimmingCharacters(in: .whitespaces)
        if let (_, rest) = splitNumbered(title) { title = rest }
        if title.lowercased().hasPrefix("standar pelayanan ") { title = String(title.dropFirst("standar pelayanan ".count)) }
        title = title.split(separator: " ").joined(separator: " ")
        let leftover = paras.dropLast().flatMap { $0 + [(0, "")] }
        return (title, leftover)
    }

    static func appendProse(_ lines: [(Int, String)], to service: inout ServiceDraft) {
        let text = paragraphs(lines).filter { !$0.allSatisfy { isLabel($0.1) } }.flatMap { $0.map(\.1) }
        guard !text.isEmpty, !service.rows.isEmpty else { return }
        service.rows[service.rows.count - 1].body.append(text.joined(separator: " "))
    }
}
