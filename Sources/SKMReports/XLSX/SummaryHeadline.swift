import CXlsxWriter
import SKMDomain

/// Ringkasan's top half: what a head of office reads at a glance, before any table.
extension XLSXReportWriter {
    /// Three rows from `row`: labels, the figures in large type, a line under each. Every
    /// figure is a numeric cell with its format; a missing one shows "–".
    func writeHeadline(_ r: EvaluationReport, _ ws: Worksheet, row: Int) throws {
        let l = labels, g = r.overall
        let label = ReportStyles.note.with { $0.bold = true }
        let big = CellStyle(bold: true, fontSize: 22, align: .left)
        let small = ReportStyles.note
        try ws.text(row, 0, l.ikmConverted, label)
        try ws.text(row, 1, l.headRespondents, label)
        try ws.text(row, 4, l.headMutu, label)
        try ws.text(row, 7, l.headOnTime, label)
        try ws.text(row, 10, l.headChange(r.period.previousId), label)
        try ws.rowHeight(row + 1, 32)  // after the row above: constant-memory rows are written in order

        try ws.number(row + 1, 0, g.ikmConverted, big.with { $0.numberFormat = "0.00" }, placeholder: "–")
        try ws.mergedNumber(row + 1, 1, 3, g.respondents.map(Double.init), big.with { $0.numberFormat = "#,##0" },
                            placeholder: Publication.fewerThanFive)
        let grade = ReportStyles.grade(g.mutu, bold: true).with { $0.fontSize = 22; $0.border = false }
        try ws.text(row + 1, 4, g.mutu ?? "–", grade)
        try ws.merged(row + 1, 5, 6, l.kinerja(g) ?? "", CellStyle(bold: true, fontSize: 14, align: .left))
        try ws.mergedNumber(row + 1, 7, 9, g.compliance?.onTimeRate, big.with { $0.numberFormat = "0.0%" })
        try ws.mergedNumber(row + 1, 10, 12, g.change?.delta, big.with { $0.numberFormat = "+0.00;-0.00;0.00" })

        if let ci = g.confidence95 {
            try ws.number(row + 2, 0, ConfidenceInterval.z95 * ci.standardError, small.with { $0.numberFormat = "\"± \"0.00\" (95%)\"" })
        }
        if let sample = g.sample {
            try ws.number(row + 2, 1, Double(sample.required), small.with { $0.numberFormat = "\"min. \"#,##0" })
            try ws.text(row + 2, 2, sample.isAdequate ? l.sampleEnough : l.sampleShort(sample.shortfall), small)
        }
        if let capaian = g.compliance?.capaianMean {
            try ws.mergedNumber(row + 2, 7, 9, capaian, small.with { $0.numberFormat = "\"\(l.capaian) \"0.0\"%\"" })
        }
        if let c = g.change { try ws.text(row + 2, 10, "\(trendSymbol(c)) \(c.significant ? l.significant : l.withinNoise)", small) }
    }

    /// The two charts from row `top`, their data written to the right of the printed columns;
    /// returns the row under them. Both value axes run over the whole ×25 scale (25–100), so a
    /// small difference is not made to look large, and the grade boundaries show on both: as
    /// the coloured bands of each bar, and as dashed lines behind the office's line.
    func writeCharts(_ r: EvaluationReport, _ ws: Worksheet, workbook: Workbook, top: Int) throws -> Int {
        let l = labels
        let method = IKMMethod.named(r.method.id) ?? .permenPANRB14_2017
        let (a, b, c) = method.gradeLowerBounds
        let history = (r.history ?? []).filter { $0.ikmConverted != nil }
        let rows = max(14, r.services.count + 2)
        let data = Self.summaryLastColumn + 2  // first chart-data column, one blank column after the table
        let dataStyle = CellStyle(fontColor: 0x808080)

        // Chart data: per service the IKM split into grade bands (D below 65.00, C up to 76.61 …)
        // so that each stacked bar changes colour where a boundary lies; per period the office's IKM.
        try ws.text(top - 1, data, l.chartData, dataStyle.with { $0.bold = true })
        for i in 0..<max(r.services.count, history.count) {
            let row = top + i
            if i < r.services.count {
                let s = r.services[i]
                try ws.text(row, data, Self.chartLabel(s.name), dataStyle)
                if let v = s.figures.ikmConvertedRounded {
                    let bands = [min(v, c), min(max(v - c, 0), b - c), min(max(v - b, 0), a - b), max(v - a, 0)]
                    for (k, x) in bands.enumerated() { try ws.number(row, data + 1 + k, x, dataStyle) }
                }
            }
            if i < history.count {
                try ws.text(row, data + 6, history[i].period, dataStyle)
                try ws.number(row, data + 7, history[i].ikmConverted!, dataStyle)
                for (k, x) in [c, b, a].enumerated() { try ws.number(row, data + 8 + k, x, dataStyle) }
            }
        }

        if !r.services.isEmpty {
            let first = top, last = top + r.services.count - 1
            let chart = try workbook.addChart(LXW_CHART_BAR_STACKED)
            let bands: [(String, UInt32)] = [
                (l.gradeBand("D", from: nil, below: c), 0xE06666), (l.gradeBand("C", from: c, below: b), 0xF6B26B),
                (l.gradeBand("B", from: b, below: a), 0x93C47D), (l.gradeBand("A", from: a, below: nil), 0x38761D),
            ]
            for (k, band) in bands.enumerated() {
                chart.series(name: band.0, sheet: ws.name, categories: (first, last, data), values: (first, last, data + 1 + k))
                    .fill(band.1)
            }
            chart.setTitle(l.chartPerService)
            // A horizontal bar chart's value axis is libxlsxwriter's x axis, its categories the y axis.
            let value = chart.pointer.pointee.x_axis, category = chart.pointer.pointee.y_axis
            chart_axis_set_min(value, 25)
            chart_axis_set_max(value, 100)
            chart_axis_set_major_unit(value, 25)
            chart_axis_set_name(value, l.chartAxisIKM)
            chart_axis_set_reverse(category)  // services top to bottom, as in the table
            // Small enough that LibreOffice writes every service's label, not every other one.
            var font = lxw_chart_font()
            font.size = r.services.count > 6 ? 7 : 8
            chart_axis_set_num_font(category, &font)
            chart.legendAtBottom()
            try ws.insert(chart, row: top, col: 0, width: 760, height: Double(rows) * 20 - 4)
        }
        if !history.isEmpty {
            let first = top, last = top + history.count - 1
            let chart = try workbook.addChart(LXW_CHART_LINE)
            let office = chart.series(name: l.ikmConverted, sheet: ws.name, categories: (first, last, data + 6), values: (first, last, data + 7))
            office.line(0x1F4E79, width: 2.25)
            office.marker(LXW_CHART_MARKER_CIRCLE)
            office.labels(format: "0.00")
            for (k, (grade, colour)) in [("C", UInt32(0xF6B26B)), ("B", 0x93C47D), ("A", 0x38761D)].enumerated() {
                let bound = [c, b, a][k]
                chart.series(name: l.gradeBoundary(grade, bound), sheet: ws.name, categories: (first, last, data + 6),
                             values: (first, last, data + 8 + k)).line(colour, width: 1, dashed: true)
            }
            chart.setTitle(l.chartHistory)
            chart.setValueAxis(min: 25, max: 100, name: l.chartAxisIKM)
            chart.valueAxis(format: "0", majorUnit: 25)
            chart.legendAtBottom()
            try ws.insert(chart, row: top, col: 7, width: 505, height: Double(rows) * 20 - 4)
        }
        return top + rows + 1
    }

    /// A service's name as a chart axis label: a long name keeps its first and last words
    /// around "…" ("Surat Rekomendasi … Indonesia Pintar"): offices name services alike at the
    /// start and apart at the end. The table below has the names whole.
    static func chartLabel(_ name: String, max: Int = 36) -> String {
        guard name.count > max else { return name }
        let words = name.split(separator: " ").map(String.init)
        var head: [String] = [], tail: [String] = []
        var i = 0, j = words.count - 1
        func length(_ w: [String]) -> Int { w.joined(separator: " ").count }
        while i < j, length(head + [words[i]]) <= 17 { head.append(words[i]); i += 1 }
        while j >= i, length([words[j]] + tail) <= max - 3 - length(head) { tail.insert(words[j], at: 0); j -= 1 }
        if head.isEmpty && tail.isEmpty { return String(name.prefix(max - 1)) + "…" }
        return (head + ["…"] + tail).joined(separator: " ")
    }
}
