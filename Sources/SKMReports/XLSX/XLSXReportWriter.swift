import CXlsxWriter
import Foundation
import SKMDomain

/// Lays an `EvaluationReport` out as the workbook the head of office reads: Ringkasan (one A4
/// landscape page), Unsur, Ketepatan Waktu, Responden, Saran and Ditolak — or their English names.
///
/// The writer computes nothing: every figure comes from the report, so the workbook and the
/// JSON document cannot disagree. Numbers are numeric cells with formats; free text is always
/// written as a string, so a saran that starts with "=" is never a formula.
public struct XLSXReportWriter {
    public var language: ReportLanguage
    /// Rows per sheet, header included, before a detail table continues on "Ditolak (2)" etc.
    /// Excel's limit by default; tests use a small one.
    public var maxRowsPerSheet: Int

    public init(language: ReportLanguage = .id, maxRowsPerSheet: Int = Workbook.maxRows) {
        precondition(maxRowsPerSheet >= 2 && maxRowsPerSheet <= Workbook.maxRows)
        self.language = language
        self.maxRowsPerSheet = maxRowsPerSheet
    }

    /// Writes the workbook atomically (temporary file, then rename) to `url`. `details` supplies the saran and rejected rows when the report does not hold them.
    public func write(_ report: EvaluationReport, to url: URL, details: ReportDetails? = nil) throws {
        try AtomicFile.write(to: url) { tmp in try build(report, path: tmp.path, details: details) }
    }

    /// Builds the whole workbook at `path` (not atomically; see `write`).
    public func build(_ report: EvaluationReport, path: String, details: ReportDetails? = nil) throws {
        let details = details ?? .held(report)
        let wb = try Workbook(path: path, constantMemory: true)
        let l = language.labels
        try wb.setProperties(title: "\(l.title) — \(report.agency.name) — \(periodLabel(report))",
                             subject: "IKM \(report.period.id)", author: report.generatedBy,
                             created: Int64((LocalDate(iso: report.period.end)?.dayNumber ?? 0) + 1) * 86400)
        try writeSummary(report, wb.addSheet(l.sheetSummary), workbook: wb)
        try writeUnsur(report, wb.addSheet(l.sheetUnsur), workbook: wb)
        try writeTimeliness(report, wb.addSheet(l.sheetTimeliness), workbook: wb)
        try writeRespondents(report, wb.addSheet(l.sheetRespondents))
        try writeSuggestions(report, details, wb.addSheet(l.sheetSuggestions), workbook: wb)
        try writeRejects(report, details, wb.addSheet(l.sheetRejects), workbook: wb)
        try setUpPrinting(wb, report)
        try wb.close()
    }

    var labels: ReportLabels { language.labels }

    /// Every sheet prints on A4 landscape, never wider than the page (one page wide, as many
    /// tall as needed, unless the sheet set its own), with a footer naming the agency, period,
    /// sheet and page: a stack of printed pages can be put back in order. Without it the
    /// Responden, Saran and Ditolak sheets printed their titles cut across extra pages.
    func setUpPrinting(_ wb: Workbook, _ r: EvaluationReport) throws {
        for ws in wb.orderedSheets {
            if !ws.hasPageSetup { ws.printA4Landscape(fitWide: 1, tall: 0) }
            try ws.footer("&L\(r.agency.code) \(r.period.id) — &A&R&P / &N")
        }
    }

    func periodLabel(_ r: EvaluationReport) -> String {
        (language == .id ? r.period.labelId : r.period.labelEn) + " (\(r.period.start) – \(r.period.end))"
    }

    /// "Metode: … · Bobot per unsur: 1/9 · Urutan kuesioner: …", in the workbook's language.
    /// The weight is shown as written ("1/9", "0.111"); its convention id (`exact`) is for the
    /// JSON, not for the head of office.
    func methodLine(_ r: EvaluationReport) -> String {
        "\(labels.method): \(r.method.title) · \(labels.weight): \(r.method.weightText) · \(labels.layout): \(labels.layoutTitle(r.method.questionnaireLayout))"
    }

    /// "Keputusan standar pelayanan: 31 Tahun 2023 (2023-12-01)"; a decree without a number
    /// (Karangasem, Tasikmalaya) says so instead of leaving a blank.
    func decreeLine(_ r: EvaluationReport) -> String {
        let number = r.agency.decreeNumber.trimmingCharacters(in: .whitespaces)
        return "\(labels.decree): \(number.isEmpty ? labels.noDecreeNumber : number) (\(r.agency.decreeDate))"
    }

    /// The title block every sheet starts with: sheet title, agency, period. Returns the next free row.
    func titleBlock(_ ws: Worksheet, _ title: String, _ r: EvaluationReport) throws -> Int {
        try ws.text(0, 0, title, ReportStyles.title)
        try ws.text(1, 0, "\(r.agency.name) — \(r.agency.region)", ReportStyles.subtitle)
        try ws.text(2, 0, "\(labels.period): \(periodLabel(r))", .plain)
        return 4
    }

    /// Green / yellow / red for an on-time rate cell that holds a number (a text "–" would
    /// compare as larger than any number in Excel, so only numeric cells get the rules).
    func colourOnTime(_ ws: Worksheet, row: Int, col: Int) throws {
        try ws.conditionalFormat(rows: row...row, cols: col...col, criteria: LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
                                 value: ReportStyles.onTimeGood, style: ReportStyles.good)
        try ws.conditionalFormat(rows: row...row, cols: col...col, criteria: LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
                                 value: ReportStyles.onTimeFair, style: ReportStyles.fair)
        try ws.conditionalFormat(rows: row...row, cols: col...col, criteria: LXW_CONDITIONAL_CRITERIA_LESS_THAN,
                                 value: ReportStyles.onTimeFair, style: ReportStyles.bad)
    }

    /// "▲ (signifikan)", "▼ (dalam batas acak)", "►" for no change at two decimals.
    func trendText(_ c: ChangeFigures) -> String {
        let d = roundHalfUp(c.delta, places: 2)
        let arrow = d > 0 ? "▲" : d < 0 ? "▼" : "►"
        return "\(arrow) \(c.significant ? labels.significant : labels.withinNoise)"
    }

    /// "U3 Waktu Penyelesaian, U8 …" in the report's language.
    /// "–" when nobody answered; a note instead of nine names when every unsur ties.
    func lowestText(_ g: GroupFigures) -> String {
        if g.lowestUnsur.isEmpty { return "–" }
        if g.lowestUnsur.count > 1 && g.lowestUnsur.count == g.unsur.filter({ !$0.absent }).count { return labels.allEqual }
        return g.lowestUnsur.map { code in
            let u = g.unsur.first { $0.code == code }
            return "\(code) \((language == .id ? u?.name : u?.nameEn) ?? "")"
        }.joined(separator: ", ")
    }
}

