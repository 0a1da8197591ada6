import CXlsxWriter
import SKMDomain

/// Ringkasan: the one page the head of office reads. A4 landscape, fitted to one page.
extension XLSXReportWriter {
    /// Column order of the summary table (docs/reports.md lists them).
    enum SummaryColumn: Int, CaseIterable {
        case service, respondents, minimumSample, adequate, ikmConverted, mutu, kinerja, ci
        case onTime, capaian, lowest, change, trend
    }

    func writeSummary(_ r: EvaluationReport, _ ws: Worksheet) throws {
        let l = labels
        try ws.text(0, 0, l.title, ReportStyles.title)
        try ws.text(1, 0, "\(l.agency): \(r.agency.name) — \(r.agency.region) (\(r.agency.timeZone))", ReportStyles.subtitle)
        try ws.text(2, 0, "\(l.period): \(periodLabel(r))", .plain)
        try ws.text(3, 0, methodLine(r), .plain)
        try ws.text(4, 0, decreeLine(r), .plain)

        let headerRow = 6
        let widths: [Double] = [40, 11, 10, 14, 10, 7, 13, 12, 10, 10, 30, 10, 20]
        try ws.rowHeight(headerRow, 30)  // two-line headings ("Sampel minimum")
        try ws.header(headerRow, [l.service, l.respondents, l.minimumSample, l.sampleAdequate, l.ikmConverted, l.mutu,
                                  l.kinerja, l.confidence, l.onTimeRate, l.capaian, l.lowestUnsur, l.change, l.trend],
                      ReportStyles.header)
        var row = headerRow + 1
        for s in r.services {
            try fitRow(ws, row, [(s.name, widths[0]), (lowestText(s.figures), widths[10])])
            try summaryRow(ws, row, name: s.name, s.figures, bold: false)
            row += 1
        }
        try fitRow(ws, row, [(l.allServices, widths[0]), (lowestText(r.overall), widths[10])])
        try summaryRow(ws, row, name: l.allServices, r.overall, bold: true)
        row += 2

        try ws.text(row, 0, l.notes, ReportStyles.label); row += 1
        var notes = [l.weightNote, l.sampleNote, l.onTimeNote, l.roundingNote]
        notes.append(r.overall.change == nil ? "\(l.change): \(l.noPrevious) (\(r.period.previousId))."
                                             : "\(l.change) \(l.comparedWith) \(r.period.previousId).")
        if let asOf = r.complianceAsOf { notes.append("\(l.judgedAsOf) \(asOf).") }
        notes += (r.overall.warnings + r.warnings).map(l.warning)
        for s in r.services { notes += s.figures.warnings.map { "\(s.name): \(l.warning($0))" } }
        for n in notes { try ws.text(row, 0, n, ReportStyles.note); row += 1 }
        try ws.text(row, 0, "\(l.generated): \(r.generatedBy)", ReportStyles.note)

        for (c, w) in widths.enumerated() { try ws.columnWidth(c, w) }
        ws.freeze(row: headerRow + 1)
        ws.printA4Landscape(fitWide: 1, tall: 1)
    }

    /// Makes the row tall enough for its longest wrapped cell.
    private func fitRow(_ ws: Worksheet, _ row: Int, _ cells: [(String, Double)]) throws {
        let lines = cells.map { Worksheet.lines($0.0, width: $0.1) }.max() ?? 1
        if lines > 1 { try ws.rowHeight(row, 15 * Double(lines)) }
    }

    private func summaryRow(_ ws: Worksheet, _ row: Int, name: String, _ g: GroupFigures, bold: Bool) throws {
        let l = labels
        func s(_ style: CellStyle) -> CellStyle { bold ? ReportStyles.bold(style) : style }
        typealias C = SummaryColumn
        try ws.text(row, C.service.rawValue, name, s(ReportStyles.wrapped))
        try ws.number(row, C.respondents.rawValue, g.respondents.map(Double.init), s(ReportStyles.integer), placeholder: Publication.fewerThanFive)
        try ws.number(row, C.minimumSample.rawValue, g.sample.map { Double($0.required) }, s(ReportStyles.integer), placeholder: "–")
        let adequate = g.sample.map { $0.isAdequate ? l.yes : "\(l.no) (\(l.shortBy) \($0.shortfall))" } ?? "–"
        try ws.text(row, C.adequate.rawValue, adequate, s(ReportStyles.centered))
        try ws.number(row, C.ikmConverted.rawValue, g.ikmConverted, s(ReportStyles.decimal2), placeholder: "–")
        try ws.text(row, C.mutu.rawValue, g.mutu ?? "–", ReportStyles.grade(g.mutu, bold: true))
        try ws.text(row, C.kinerja.rawValue, l.kinerja(g) ?? "–", s(ReportStyles.grade(g.mutu)))
        // ± 1.96 standard errors: the interval itself may be clipped at 100 and so look narrower.
        try ws.number(row, C.ci.rawValue, g.confidence95.map { ConfidenceInterval.z95 * $0.standardError },
                      s(ReportStyles.plusMinus), placeholder: "–")
        try ws.number(row, C.onTime.rawValue, g.compliance?.onTimeRate, s(ReportStyles.percent), placeholder: "–")
        if g.compliance?.onTimeRate != nil { try colourOnTime(ws, row: row, col: C.onTime.rawValue) }
        try ws.number(row, C.capaian.rawValue, g.compliance?.capaianMean, s(ReportStyles.percentNumber), placeholder: "–")
        try ws.text(row, C.lowest.rawValue, lowestText(g), s(ReportStyles.wrapped))
        try ws.number(row, C.change.rawValue, g.change?.delta, s(ReportStyles.signed), placeholder: "–")
        try ws.text(row, C.trend.rawValue, g.change.map(trendText) ?? "–", s(ReportStyles.centered))
    }
}
