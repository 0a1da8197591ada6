import SKMDomain
import SKMReports

/// The sentences of the published results (page and infographic) in both languages, built
/// from a report's fields: what one figure is called and how it is written, said once.
enum ResultsWording {
    static func ikm(_ g: GroupFigures, _ l: PageLanguage) -> String {
        if g.suppressed == true { return Publication.fewerThanFive }
        return g.ikmConvertedRounded.map { NumberText.decimal($0, l) } ?? "–"
    }

    static func respondents(_ g: GroupFigures, _ l: PageLanguage) -> String {
        let n = g.respondents.map { NumberText.integer($0, l) } ?? Publication.fewerThanFive
        return n + " " + l.pick("responden", g.respondents == 1 ? "respondent" : "respondents")
    }

    static func grade(_ g: GroupFigures, _ l: PageLanguage) -> String? {
        guard let mutu = g.mutu else { return nil }
        let kinerja = (l == .id ? g.kinerja : g.kinerjaEn) ?? ""
        return l.pick("Mutu \(mutu) (\(kinerja))", "Grade \(mutu) (\(kinerja))")
    }

    /// Whether the sample is large enough (Krejcie–Morgan) for the period's transactions.
    static func sample(_ g: GroupFigures, _ l: PageLanguage) -> String? {
        guard let s = g.sample, s.population > 0 else { return nil }
        let required = NumberText.integer(s.required, l), population = NumberText.integer(s.population, l)
        return s.isAdequate
            ? l.pick("sampel cukup (minimal \(required) responden untuk \(population) layanan)",
                     "sample large enough (at least \(required) respondents for \(population) services delivered)")
            : l.pick("sampel belum cukup (minimal \(required) responden untuk \(population) layanan)",
                     "sample too small (at least \(required) respondents needed for \(population) services delivered)")
    }

    static func unsurName(_ u: UnsurFigures, _ l: PageLanguage) -> String { l == .id ? u.name : u.nameEn }

    static func period(_ r: EvaluationReport, _ l: PageLanguage) -> String { l == .id ? r.period.labelId : r.period.labelEn }

    static func period(_ p: Period, _ l: PageLanguage) -> String { l == .id ? p.indonesianLabel : p.englishLabel }

    /// Short period labels for a chart's axis: "S1 2025", "Q3 2024", "2024-03".
    static func shortPeriod(_ p: Period) -> String {
        switch p.kind {
        case .semester, .quarter: let d = p.description; return "\(d.suffix(2)) \(d.prefix(4))"
        default: return p.description
        }
    }

    /// Method, weight, questionnaire order, period and calculation day, in one line.
    static func methodLine(_ r: EvaluationReport, calculatedOn: LocalDate, _ l: PageLanguage) -> String {
        l.pick("Metode \(r.method.title) · bobot per unsur \(r.method.weightText) · \(r.method.questionnaireLayout) · periode \(r.period.start) s.d. \(r.period.end) · dihitung \(calculatedOn)",
               "Method \(r.method.title) · weight per unsur \(r.method.weightText) · \(ReportLabels.english.layoutTitle(r.method.questionnaireLayout)) · period \(r.period.start) to \(r.period.end) · calculated \(calculatedOn)")
    }

    static func onTime(_ t: TimelinessFigures?, _ l: PageLanguage) -> (value: Double?, text: String) {
        guard let t else { return (nil, l.pick("tidak ada data", "no data")) }
        guard let rate = t.onTimeRate else { return (nil, l.pick("tanpa janji waktu", "no promised time")) }
        return (rate, NumberText.percent(rate, l))
    }

    static func profileTitle(_ key: String, _ l: PageLanguage) -> String {
        switch key {
        case "gender": l.pick("Jenis kelamin", "Gender")
        case "age": l.pick("Umur", "Age")
        case "education": l.pick("Pendidikan", "Education")
        default: l.pick("Pekerjaan", "Occupation")
        }
    }

    static func profileCategory(_ key: String, _ c: String, _ l: PageLanguage) -> String {
        guard l == .en else { return c == "L" ? "Laki-laki" : c == "P" ? "Perempuan" : c }
        switch c {
        case "L": return "Male"
        case "P": return "Female"
        case "Tidak diisi": return "Not answered"
        default: return key == "education" ? ProfileChoices.educationEnglish[c] ?? c : ProfileChoices.occupation.first { $0.value == c }?.en ?? c
        }
    }

    static func profileCount(_ row: ProfileTables.Row, _ l: PageLanguage) -> String {
        guard let n = row.respondents, !row.suppressed else { return Publication.fewerThanFive }
        return NumberText.integer(n, l) + (row.share.map { " (" + NumberText.percent($0, l) + ")" } ?? "")
    }

    static func profileTables(_ p: ProfileTables) -> [(key: String, rows: [ProfileTables.Row])] {
        [("gender", p.gender), ("age", p.age), ("education", p.education), ("occupation", p.occupation)]
    }

    /// Grade boundaries of PermenPANRB 14/2017 on the ×25 scale, for the trend's guide lines.
    static let gradeGuides: [(value: Double, name: String)] = [(88.31, "A"), (76.61, "B"), (65.0, "C")]
}
