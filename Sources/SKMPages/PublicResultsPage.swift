import SKMDomain
import SKMReports

/// An office's published SKM results: the page `skm serve` answers at `/p/{agency}` and the
/// self-contained file `skm report --format html` writes for the office's website.
///
/// It lays out `PublicResults` (a report built for publication) and computes nothing: every
/// number is a field of the report, only formatted. Charts are inline SVG (`SVGChart`); the
/// page needs no script and fetches nothing.
public struct PublicResultsPage: Sendable {
    public var results: PublicResults
    public var language: PageLanguage
    /// The page's address (`/p/agency`) for the language switch and the period picker; nil
    /// for the static file, which has neither (it links nowhere).
    public var path: String?

    public init(results: PublicResults, language: PageLanguage, path: String?) {
        self.results = results
        self.language = language
        self.path = path
    }

    public func render() -> String {
        let r = results.report, l = language
        var b = "<main class=\"results\">\n"
        if let path {
            let other = l.other
            let link = path + HTML.query([("period", r.period.id)] + (other == .en ? [("lang", "en")] : []))
            b += "<div class=\"topbar\"><span class=\"muted\">SKM</span>"
            b += "<a class=\"lang\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\" href=\"\(HTML.attr(link))\">\(HTML.text(other.ownName))</a></div>\n"
        }
        b += "<p class=\"office\">\(HTML.text(r.agency.name))</p>\n"
        b += "<h1>\(HTML.text(l.pick("Hasil Survei Kepuasan Masyarakat", "Public Satisfaction Survey Results")))</h1>\n"
        b += "<p class=\"period\" id=\"period\">\(HTML.text(ResultsWording.period(r, l)))</p>\n"
        if path != nil { b += picker() }
        b += headline()
        b += services()
        b += unsurChart()
        b += trendChart()
        b += onTimeChart()
        b += profile()
        b += "<p class=\"method muted\" id=\"method\">\(HTML.text(ResultsWording.methodLine(r, calculatedOn: results.calculatedOn, l)))</p>\n"
        b += "<p class=\"muted note\">\(HTML.text(l.pick(Self.noteID, Self.noteEN)))</p>\n</main>\n"
        let title = l.pick("Hasil SKM", "SKM results") + " — " + r.agency.name + " — " + ResultsWording.period(r, l)
        return PageShell(language: l, title: title, style: Self.style).render(body: b)
    }

    static let noteID = "\u{201C}< 5\u{201D}: kurang dari 5 responden, atau disembunyikan agar jumlah kantor tidak mengungkapnya; untuk kelompok ini IKM dan jawaban tidak ditampilkan. Tidak dipublikasikan: saran, nomor transaksi, dan baris data yang ditolak, supaya tidak ada yang menunjuk pada seseorang."
    static let noteEN = "\u{201C}< 5\u{201D}: fewer than 5 respondents, or hidden so that the office's total does not reveal such a group; such a group's IKM and answers are not shown. Not published: suggestions, transaction numbers and rejected rows, so that nothing points to a person."

    /// A plain GET form: works without script; the page's language is kept.
    private func picker() -> String {
        let r = results.report, l = language
        var periods = results.periods
        if let shown = Period(parsing: r.period.id), !periods.contains(shown) { periods.insert(shown, at: 0) }
        guard periods.count > 1, let path else { return "" }
        var s = "<form class=\"picker\" method=\"get\" action=\"\(HTML.attr(path))\">\n"
        s += "<label for=\"period-pick\">\(HTML.text(l.pick("Periode", "Period")))</label>\n<div class=\"pick\"><select id=\"period-pick\" name=\"period\">\n"
        for p in periods {
            s += "<option value=\"\(HTML.attr(p.description))\"\(p.description == r.period.id ? " selected" : "")>\(HTML.text(ResultsWording.period(p, l)))</option>\n"
        }
        s += "</select>\n"
        if l == .en { s += "<input type=\"hidden\" name=\"lang\" value=\"en\">\n" }
        s += "<button type=\"submit\" class=\"button\">\(HTML.text(l.pick("Tampilkan", "Show")))</button></div>\n</form>\n"
        return s
    }

    private func headline() -> String {
        let g = results.report.overall, l = language
        var s = "<section class=\"headline\" aria-labelledby=\"ikm-label\">\n"
        s += "<p class=\"ikm-label\" id=\"ikm-label\">\(HTML.text(l.pick("Indeks Kepuasan Masyarakat (IKM)", "Public Satisfaction Index (IKM)")))</p>\n"
        guard g.suppressed == true || g.ikmConvertedRounded != nil else {
            return s + "<p class=\"ikm\" id=\"ikm-value\">–</p>\n<p>\(HTML.text(l.pick("Belum ada jawaban survei untuk periode ini.", "No survey answers for this period yet.")))</p>\n</section>\n"
        }
        s += "<p class=\"ikm\" id=\"ikm-value\">\(HTML.text(ResultsWording.ikm(g, l)))</p>\n"
        if let grade = ResultsWording.grade(g, l) { s += "<p class=\"grade\">\(HTML.text(grade))</p>\n" }
        s += "<p id=\"respondents\">\(HTML.text(ResultsWording.respondents(g, l)))"
        if let sample = ResultsWording.sample(g, l) { s += " · " + HTML.text(sample) }
        return s + "</p>\n</section>\n"
    }

    private func services() -> String {
        let l = language
        var s = "<section aria-labelledby=\"h-services\">\n<h2 id=\"h-services\">\(HTML.text(l.pick("Per layanan", "By service")))</h2>\n<ul class=\"services\">\n"
        for svc in results.report.services {
            let g = svc.figures
            s += "<li data-service=\"\(HTML.attr(svc.code))\"><h3>\(HTML.text(svc.name))</h3>\n"
            s += "<p><span class=\"svc-ikm\">IKM \(HTML.text(ResultsWording.ikm(g, l)))</span>"
            if let grade = ResultsWording.grade(g, l) { s += " · " + HTML.text(grade) }
            s += " · <span class=\"svc-n\">\(HTML.text(ResultsWording.respondents(g, l)))</span>"
            if let sample = ResultsWording.sample(g, l) { s += " · " + HTML.text(sample) }
            s += "</p></li>\n"
        }
        return s + "</ul>\n</section>\n"
    }

    private func unsurChart() -> String {
        let l = language, unsur = results.report.overall.unsur
        guard !unsur.isEmpty else { return "" }
        let title = l.pick("Nilai rata-rata per unsur (NRR, skala 1–4)", "Mean score per unsur (NRR, scale 1–4)")
        let bars = unsur.map { u in
            SVGChart.Bar(label: "\(u.code) \(ResultsWording.unsurName(u, l))", value: u.nrr,
                         text: u.nrr.map { NumberText.decimal($0, l) } ?? "–")
        }
        return figure("h-unsur", title, SVGChart.bars(bars, maximum: 4, id: "chart-unsur", title: title))
    }

    private func trendChart() -> String {
        let l = language, trend = results.trend
        guard trend.count > 1 else { return "" }
        let title = l.pick("IKM kantor per periode", "Office IKM by period")
        let values = trend.compactMap(\.ikm)
        let floor = max(25, (((values.min() ?? 60) - 5) / 5).rounded(.down) * 5)
        let points = trend.map { p in
            SVGChart.Point(label: ResultsWording.shortPeriod(p.period), value: p.ikm,
                           text: p.ikm.map { NumberText.decimal($0, l) } ?? (p.suppressed ? Publication.fewerThanFive : "–"))
        }
        return figure("h-trend", title, SVGChart.line(points, floor: floor, ceiling: 100, guides: ResultsWording.gradeGuides,
                                                      id: "chart-trend", title: title))
    }

    private func onTimeChart() -> String {
        let l = language, services = results.report.services
        guard services.contains(where: { $0.figures.compliance != nil }) else { return "" }
        let title = l.pick("Ketepatan waktu penyelesaian per layanan", "Completed on time, by service")
        let bars = services.map { svc in
            let t = ResultsWording.onTime(svc.figures.compliance, l)
            return SVGChart.Bar(label: svc.name, value: t.value, text: t.text)
        }
        return figure("h-ontime", title, SVGChart.bars(bars, maximum: 1, id: "chart-ontime", title: title))
    }

    private func profile() -> String {
        let l = language, p = results.report.respondentProfile
        guard p.total > 0 else { return "" }
        var s = "<section aria-labelledby=\"h-profile\">\n<h2 id=\"h-profile\">\(HTML.text(l.pick("Profil responden", "Respondents")))</h2>\n<div class=\"profile\">\n"
        for (key, rows) in ResultsWording.profileTables(p) where !rows.isEmpty {
            s += "<table><caption>\(HTML.text(ResultsWording.profileTitle(key, l)))</caption>\n"
            for row in rows {
                s += "<tr><th scope=\"row\">\(HTML.text(ResultsWording.profileCategory(key, row.category, l)))</th><td>\(HTML.text(ResultsWording.profileCount(row, l)))</td></tr>\n"
            }
            s += "</table>\n"
        }
        return s + "</div>\n</section>\n"
    }

    private func figure(_ id: String, _ title: String, _ svg: String) -> String {
        "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTML.text(title))</h2>\n<figure>\n\(svg)</figure>\n</section>\n"
    }

    static let style = """
        .office{font-weight:600;margin-top:.5rem}
        .period{font-size:1.125rem;margin:.25rem 0 1rem}
        .picker label{display:block;font-weight:600;margin-bottom:.25rem}
        .pick{display:flex;gap:.5rem;flex-wrap:wrap}
        .pick select{flex:1 1 8rem;min-width:0;min-height:48px;padding:.5rem .75rem;font:inherit;color:#1b1b1b;background:#fff;\
        border:1px solid #6b7280;border-radius:.375rem}
        .pick .button{width:auto;flex:0 0 auto}
        .headline{margin:1.25rem 0;padding:1rem;border-radius:.75rem;background:#0b4f8a;color:#fff;text-align:center}
        .headline p{margin:.25rem 0}
        .ikm-label{font-weight:600}
        .ikm{font-size:clamp(2rem,15vw,3.5rem);line-height:1.1;font-weight:800;letter-spacing:-.02em}
        .grade{font-size:1.25rem;font-weight:700}
        .services{list-style:none;margin:0;padding:0}
        .services li{border:1px solid #c4c9cf;border-radius:.5rem;padding:.5rem .75rem;margin:0 0 .75rem}
        .services h3{font-size:1rem;margin:0 0 .25rem}
        .services p{margin:0}
        .svc-ikm{font-weight:700;font-size:1.125rem}
        figure{margin:0}
        svg.chart{display:block;width:100%;height:auto;max-width:36rem}
        .profile{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(14rem,100%),1fr));gap:.75rem}
        .profile table{border-collapse:collapse;width:100%}
        .profile caption{text-align:left;font-weight:700;padding:.25rem 0}
        .profile th,.profile td{text-align:left;padding:.25rem .5rem .25rem 0;border-bottom:1px solid #e1e4e8;font-weight:400}
        .profile td{text-align:right;white-space:nowrap}
        .method{font-size:.9375rem;margin-top:1.5rem}
        .note{font-size:.9375rem}
        @media print{body{background:#fff}main{max-width:none;min-height:0}.topbar,.picker{display:none}\
        .headline{background:#fff;color:#1b1b1b;border:2px solid #0b4f8a}section{break-inside:avoid}}
        """
}
