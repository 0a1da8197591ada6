import CXlsxWriter

/// Unsur: NRR and NRR tertimbang per unsur with the distribution of answers, a bar chart of
/// the NRR, and the NRR of every service side by side.
extension XLSXReportWriter {
    func writeUnsur(_ r: EvaluationReport, _ ws: Worksheet, workbook: Workbook) throws {
        let l = labels
        var row = try titleBlock(ws, "\(l.unsurTitle) — \(l.allServices)", r) - 1
        try ws.text(row, 0, methodLine(r), .plain)
        row += 1
        try ws.text(row, 3, l.answerDistribution, ReportStyles.note)
        row += 1
        let headerRow = row
        try ws.header(row, [l.code, l.unsur, l.answered, "1", "2", "3", "4", l.nrr, l.nrrWeighted], ReportStyles.header)
        row += 1
        let first = row
        let g = r.overall
        let lowest = Set(g.lowestUnsur)
        for u in g.unsur {
            let mark = lowest.contains(u.code)
            func s(_ st: CellStyle) -> CellStyle { mark ? st.with { $0.fill = 0xFFC7CE } : st }
            try ws.text(row, 0, u.code, s(ReportStyles.centered))
            try ws.text(row, 1, language == .id ? u.name : u.nameEn, s(ReportStyles.text))
            try ws.number(row, 2, Double(u.answered), s(ReportStyles.integer))
            for (i, n) in u.distribution.enumerated() { try ws.number(row, 3 + i, Double(n), s(ReportStyles.integer)) }
            try ws.number(row, 7, u.nrr, s(ReportStyles.decimal3), placeholder: "–")
            try ws.number(row, 8, u.nrrWeighted, s(ReportStyles.decimal4), placeholder: "–")
            row += 1
        }
        let last = row - 1
        try ws.text(row, 1, l.total, ReportStyles.bold(ReportStyles.text))
        try ws.number(row, 8, g.ikm, ReportStyles.bold(ReportStyles.decimal4), placeholder: "–")
        row += 1
        try ws.text(row, 1, l.ikmConverted, ReportStyles.bold(ReportStyles.text))
        try ws.number(row, 8, g.ikmConverted, ReportStyles.bold(ReportStyles.decimal2), placeholder: "–")
        try ws.text(row, 9, g.mutu ?? "–", ReportStyles.grade(g.mutu, bold: true))
        row += 2

        if !g.unsur.isEmpty {
            let chart = try workbook.addChart(LXW_CHART_COLUMN)
            chart.addSeries(name: l.nrr, sheet: ws.name, categories: (first, last, 0), values: (first, last, 7))
            chart.setTitle("\(l.chartTitle) — \(r.period.id)")  // the agency is in the sheet title; a long name squeezed the plot
            chart.setValueAxis(min: 1, max: 4, name: l.chartAxis)
            chart.hideLegend()
            try ws.insert(chart, row: headerRow, col: 11)
        }

        // NRR per unsur per service.
        try ws.text(row, 0, l.nrrPerService, ReportStyles.subtitle)
        row += 1
        // Service names head 14-character columns: give the heading the lines the longest needs.
        let headingLines = r.services.map { Worksheet.lines($0.name, width: 14) }.max() ?? 1
        if headingLines > 1 { try ws.rowHeight(row, 15 * Double(headingLines)) }
        try ws.header(row, [l.code, l.unsur] + r.services.map(\.name), ReportStyles.header)
        row += 1
        for (i, u) in g.unsur.enumerated() {
            try ws.text(row, 0, u.code, ReportStyles.centered)
            try ws.text(row, 1, language == .id ? u.name : u.nameEn, ReportStyles.text)
            for (j, s) in r.services.enumerated() {
                let su = s.figures.unsur.indices.contains(i) ? s.figures.unsur[i] : nil
                try ws.number(row, 2 + j, su?.nrr, ReportStyles.decimal3, placeholder: "–")
            }
            row += 1
        }
        try ws.text(row, 1, l.respondents, ReportStyles.bold(ReportStyles.text))
        for (j, s) in r.services.enumerated() {
            try ws.number(row, 2 + j, s.figures.respondents.map(Double.init), ReportStyles.bold(ReportStyles.integer),
                          placeholder: Publication.fewerThanFive)
        }
        row += 1
        try ws.text(row, 1, l.ikmConverted, ReportStyles.bold(ReportStyles.text))
        for (j, s) in r.services.enumerated() {
            try ws.number(row, 2 + j, s.figures.ikmConverted, ReportStyles.bold(ReportStyles.decimal2), placeholder: "–")
        }
        row += 1
        try ws.text(row, 1, l.mutu, ReportStyles.bold(ReportStyles.text))
        for (j, s) in r.services.enumerated() { try ws.text(row, 2 + j, s.figures.mutu ?? "–", ReportStyles.grade(s.figures.mutu, bold: true)) }

        try ws.columnWidth(0, 7)
        try ws.columnWidth(1, 42)
        try ws.columnWidth(2...(2 + max(6, r.services.count)), 14)
        ws.freeze(row: headerRow + 1, col: 2)
        ws.printA4Landscape(fitWide: 1, tall: 0)
    }
}
