import CXlsxWriter
import SKMDomain

/// Ringkasan: the one page the head of office reads, A4 landscape, fitted to one page (checked
/// by scripts/print-test). From the top: the headline figures (`writeHeadline`), a bar chart of
/// IKM per service coloured by grade band and a line chart of the office's IKM over up to six
/// periods (`writeCharts`), the per-service table, then the notes, each wrapped inside the
/// printed width.
extension XLSXReportWriter {
    /// Column order of the summary table (docs/reports.md lists them).
    enum SummaryColumn: Int, CaseIterable {
        case service, respondents, minimumSample, adequate, ikmConverted, mutu, kinerja, ci
        case onTime, capaian, lowest, change, trend
    }

    /// Widths of the table's columns; the headline and charts are laid over the same columns.
    static let summaryWidths: [Double] = [40, 13, 10, 12, 10, 7, 13, 10, 10, 12, 18, 10, 8]  // 13, 12: "Respondents", "Time achievement" unclipped
    /// The last printed column: chart data is written to the right of it, off the paper.
    static var summaryLastColumn: Int { summaryWidths.count - 1 }

    func writeSummary(_ r: EvaluationReport, _ ws: Worksheet, workbook: Workbook) throws {
        let l = labels
        let last = Self.summaryLastColumn
        try ws.text(0, 0, l.title, ReportStyles.title)
        try ws.merged(1, 0, last, "\(l.agency): \(r.agency.name) — \(r.agency.region) (\(r.agency.timeZone))", ReportStyles.subtitle)
        try ws.text(2, 0, "\(l.period): \(periodLabel(r))", .plain)
        try ws.text(3, 0, methodLine(r), .plain)
        try ws.text(4, 0, decreeLine(r), .plain)
        try writeHeadline(r, ws, row: 6)
        let tableRow = try writeCharts(r, ws, workbook: workbook, top: 10)

        let headerRow = tableRow
        try ws.rowHeight(headerRow, 30)  // two-line headings ("Sampel minimum")
        try ws.header(headerRow, [l.service, l.respondents, l.minimumSample, l.sampleAdequate, l.ikmConverted, l.mutu,
                                  l.kinerja, l.confidence, l.onTimeRate, l.capaian, l.lowestUnsur, l.change, l.trend],
                      ReportStyles.header)
        let widths = Self.summaryWidths
        var row = headerRow + 1
        for s in r.services {
            try fitRow(ws, row, [(s.name, widths[0]), (shortLowest(s.figures), widths[10])])
            try summaryRow(ws, row, name: s.name, s.figures, bold: false)
            row += 1
        }
        try fitRow(ws, row, [(l.allServices, widths[0]), (shortLowest(r.overall), widths[10])])
        try summaryRow(ws, row, name: l.allServices, r.overall, bold: true)
        row += 2

        try ws.text(row, 0, l.notes, ReportStyles.label); row += 1
        var notes = [l.weightNote, l.sampleNote]
        if everyServiceShortButOffice(r) { notes.append(l.sampleEveryServiceShort) }
        notes += [l.onTimeNote, l.trendLegend, l.roundingNote]
        notes.append(r.overall.change == nil ? "\(l.change): \(l.noPrevious) (\(r.period.previousId))."
                                             : "\(l.change) \(l.comparedWith) \(r.period.previousId).")
        if let asOf = r.complianceAsOf { notes.append("\(l.judgedAsOf) \(readableInstant(asOf, zone: r.agency.timeZone)).") }
        notes += (r.overall.warnings + r.warnings).map(l.warning)
        for s in r.services { notes += s.figures.warnings.map { "\(s.name): \(l.warning($0))" } }
        notes.append("\(l.generated): \(r.generatedBy)")
        let printedWidth = widths.reduce(0, +)
        for n in notes {
            let lines = Worksheet.lines(n, width: printedWidth)
            if lines > 1 { try ws.rowHeight(row, 13 * Double(lines)) }
            try ws.merged(row, 0, last, n, ReportStyles.note.with { $0.wrap = true; $0.alignTop = true })
            row += 1
        }

        for (c, w) in widths.enumerated() { try ws.columnWidth(c, w) }
        try ws.printArea(rows: 0...(row - 1), cols: 0...last)
        ws.printA4Landscape(fitWide: 1, tall: 1)
    }

    /// "2025-12-31T23:59:59+08:00" as a reader writes it: "2025-12-31 23.59 WITA" (English: "23:59").
    func readableInstant(_ iso: String, zone: String) -> String {
        let parts = iso.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return iso }
        return readableStamp("\(parts[0]) \(parts[1].prefix(5)) \(zone)")
    }

    /// Every service short of its own minimum while the office as a whole has enough.
    private func everyServiceShortButOffice(_ r: EvaluationReport) -> Bool {
        let samples = r.services.compactMap(\.figures.sample)
        return samples.count > 1 && samples.allSatisfy { !$0.isAdequate } && r.overall.sample?.isAdequate == true
    }

    /// Makes the row tall enough for its longest wrapped cell.
    private func fitRow(_ ws: Worksheet, _ row: Int, _ cells: [(String, Double)]) throws {
        let lines = cells.map { Worksheet.lines($0.0, width: $0.1) }.max() ?? 1
        if lines > 1 { try ws.rowHeight(row, 15 * Double(lines)) }
    }

    /// "U3 Waktu, U8 Pengaduan": the lowest unsur by code and short name (the Unsur sheet has the full names).
    func shortLowest(_ g: GroupFigures) -> String {
        if g.lowestUnsur.isEmpty { return "–" }
        if g.lowestUnsur.count > 1 && g.lowestUnsur.count == g.unsur.filter({ !$0.absent }).count { return labels.allEqual }
        return g.lowestUnsur.map { code in
            let u = g.unsur.first { $0.code == code }
            return labels.unsurShort(code, name: u?.name ?? "", nameEn: u?.nameEn ?? "")
        }.joined(separator: ", ")
    }

    /// "▲*" significant rise, "▼" fall within the noise, "►" unchanged at two decimals (legend in the notes).
    func trendSymbol(_ c: ChangeFigures) -> String {
        let d = roundHalfUp(c.delta, places: 2)
        return (d > 0 ? "▲" : d < 0 ? "▼" : "►") + (c.significant ? "*" : "")
    }

    private func summaryRow(_ ws: Worksheet, _ row: Int, name: String, _ g: GroupFigures, bold: Bool) throws {
        let l = labels
        func s(_ style: CellStyle) -> CellStyle { bold ? ReportStyles.bold(style) : style }
        typealias C = SummaryColumn
        try ws.text(row, C.service.rawValue, name, s(ReportStyles.wrapped))
        try ws.number(row, C.respondents.rawValue, g.respondents.map(Double.init), s(ReportStyles.integer), placeholder: Publication.fewerThanFive)
        try ws.number(row, C.minimumSample.rawValue, g.sample.flatMap { $0.isPopulationKnown ? Double($0.required) : nil }, s(ReportStyles.integer), placeholder: "–")
        let adequate = g.sample.map {
            !$0.isPopulationKnown ? l.populationUnknown : $0.isAdequate ? l.yes : l.sampleShort($0.shortfall)
        } ?? "–"
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
        try ws.text(row, C.lowest.rawValue, shortLowest(g), s(ReportStyles.wrapped))
        try ws.number(row, C.change.rawValue, g.change?.delta, s(ReportStyles.signed), placeholder: "–")
        try ws.text(row, C.trend.rawValue, g.change.map(trendSymbol) ?? "–", s(ReportStyles.centered))
    }
}
