import SKMReports

/// The "hasil SKM" infographic offices post on their website and notice board: period, IKM
/// and mutu, respondents, the nine unsur and the respondent profile on one 1080 × 1350 image
/// (a portrait post). A standalone SVG document; `skm report --format html` writes it beside
/// the page, and a PNG of it when a converter is installed.
///
/// Like the page, it lays out a report built for publication and computes nothing.
public struct ResultsInfographic: Sendable {
    public var results: PublicResults
    public var language: PageLanguage

    public init(results: PublicResults, language: PageLanguage) {
        self.results = results
        self.language = language
    }

    static let width = 1080, height = 1350
    static let blue = "#0b4f8a", ink = "#1b1b1b", muted = "#4a4a4a", tile = "#eef3f8"

    public func render() -> String {
        let r = results.report, l = language, g = r.overall
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)" \
            font-family="'Noto Sans','DejaVu Sans',system-ui,sans-serif" role="img" aria-labelledby="title">
            <title id="title">\(HTML.text(l.pick("Hasil Survei Kepuasan Masyarakat", "Public Satisfaction Survey Results") + " — " + r.agency.name + " — " + ResultsWording.period(r, l)))</title>
            <rect width="\(Self.width)" height="\(Self.height)" fill="#ffffff"/>
            <rect width="\(Self.width)" height="270" fill="\(Self.blue)"/>

            """
        s += text(540, 84, l.pick("HASIL SURVEI KEPUASAN MASYARAKAT", "PUBLIC SATISFACTION SURVEY RESULTS"), size: 46, weight: 800, fill: "#ffffff", anchor: "middle")
        // The agency's name on two lines, or three smaller ones: its last words are usually
        // the kabupaten, the part a reader looks for, so it is shrunk rather than cut.
        var name = TextWidth.wrap(r.agency.name, width: 1000, size: 32, bold: true, maxLines: 2)
        var (size, y, step) = (32, 142, 40)
        if name.joined(separator: " ") != r.agency.name {
            name = TextWidth.wrap(r.agency.name, width: 1000, size: 26, bold: true, maxLines: 3)
            (size, y, step) = (26, 130, 32)
        }
        for line in name {
            s += text(540, y, line, size: size, weight: 600, fill: "#ffffff", anchor: "middle")
            y += step
        }
        s += text(540, 238, ResultsWording.period(r, l), size: 32, weight: 400, fill: "#ffffff", anchor: "middle")

        // IKM and mutu.
        s += "<circle cx=\"270\" cy=\"460\" r=\"150\" fill=\"\(Self.tile)\" stroke=\"\(Self.blue)\" stroke-width=\"10\"/>\n"
        s += text(270, 400, "IKM", size: 34, weight: 700, fill: Self.blue, anchor: "middle")
        s += text(270, 490, ResultsWording.ikm(g, l), size: 84, weight: 800, fill: Self.ink, anchor: "middle")
        if let mutu = g.mutu {
            s += text(480, 410, l.pick("Mutu pelayanan", "Service grade"), size: 30, weight: 600, fill: Self.muted)
            s += text(480, 490, mutu, size: 80, weight: 800, fill: Self.blue)
            s += text(560, 490, ((l == .id ? g.kinerja : g.kinerjaEn) ?? ""), size: 40, weight: 700, fill: Self.ink)
        }
        s += text(480, 560, ResultsWording.respondents(g, l), size: 36, weight: 700, fill: Self.ink)
        if let sample = ResultsWording.sample(g, l) {
            for (i, line) in TextWidth.wrap(sample, width: 540, size: 24, bold: false, maxLines: 3).enumerated() {
                s += text(480, 600 + 30 * i, line, size: 24, weight: 400, fill: Self.muted)
            }
        }

        // The nine unsur.
        s += text(60, 700, l.pick("Nilai per unsur (NRR, skala 1–4)", "Score per unsur (NRR, scale 1–4)"), size: 30, weight: 700, fill: Self.ink)
        for (i, u) in g.unsur.prefix(9).enumerated() {
            let x = 60 + (i % 3) * 330, top = 725 + (i / 3) * 105
            s += "<rect x=\"\(x)\" y=\"\(top)\" width=\"310\" height=\"92\" rx=\"12\" fill=\"\(Self.tile)\"/>\n"
            // The name on up to two lines inside the card (278 px between its margins).
            let name = TextWidth.wrap("\(u.code) \(ResultsWording.unsurName(u, l))", width: 278, size: 17, bold: true, maxLines: 2)
            for (k, line) in name.enumerated() { s += text(x + 16, top + 25 + 20 * k, line, size: 17, weight: 600, fill: Self.ink) }
            s += text(x + 16, top + 82, u.nrr.map { NumberText.decimal($0, l) } ?? "–", size: 32, weight: 800, fill: Self.blue)
        }
        if g.unsur.isEmpty {
            s += text(60, 760, l.pick("Tidak ditampilkan (kurang dari 5 responden).", "Not shown (fewer than 5 respondents)."), size: 26, weight: 400, fill: Self.muted)
        }

        // The respondent profile, four columns.
        let p = r.respondentProfile
        s += text(60, 1070, l.pick("Profil responden", "Respondents"), size: 30, weight: 700, fill: Self.ink)
        for (c, table) in ResultsWording.profileTables(p).enumerated() {
            let x = 60 + c * 245
            s += text(x, 1105, ResultsWording.profileTitle(table.key, l), size: 22, weight: 700, fill: Self.blue)
            for (i, row) in table.rows.prefix(6).enumerated() {
                let count = row.suppressed || row.respondents == nil ? Publication.fewerThanFive : NumberText.integer(row.respondents!, l)
                let tail = ": " + count, room = 232 - TextWidth.of(tail, size: 20, bold: false)  // a column is 245 px
                s += text(x, 1136 + i * 25, TextWidth.clip(ResultsWording.profileCategory(table.key, row.category, l), width: room, size: 20, bold: false) + tail,
                          size: 20, weight: 400, fill: Self.ink)
            }
            if table.rows.count > 6 {
                s += text(x, 1136 + 6 * 25, l.pick("dan lainnya", "and more"), size: 18, weight: 400, fill: Self.muted)
            }
        }

        // Method, weight, order, period and date of calculation.
        for (i, line) in TextWidth.wrap(ResultsWording.methodLine(r, calculatedOn: results.calculatedOn, l), width: 960, size: 17, bold: false,
                                        maxLines: 2).enumerated() {
            s += text(60, 1314 + 24 * i, line, size: 17, weight: 400, fill: Self.muted)
        }
        return s + "</svg>\n"
    }

    private func text(_ x: Int, _ y: Int, _ t: String, size: Int, weight: Int, fill: String, anchor: String = "start") -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"\(fill)\" text-anchor=\"\(anchor)\">\(HTML.text(t))</text>\n"
    }
}
