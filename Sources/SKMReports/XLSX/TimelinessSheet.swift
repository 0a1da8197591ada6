import SKMDomain

/// Ketepatan Waktu: turnaround against the promise per service, coloured by on-time rate,
/// then the late cases. Before the turnaround engine has run, compliance is nil: "–" cells.
extension XLSXReportWriter {
    func writeTimeliness(_ r: EvaluationReport, _ ws: Worksheet, workbook: Workbook) throws {
        let l = labels
        var row = try titleBlock(ws, l.timelinessTitle, r) - 1
        try ws.text(row, 0, l.onTimeNote + (r.complianceAsOf.map { " \(l.judgedAsOf) \($0)." } ?? ""), ReportStyles.note)
        row += 1
        let headerRow = row
        // Columns serve both tables below; 3, 4 and 6 hold the cases' "2024-03-18 16:00 WIB" and statuses.
        let widths: [Double] = [40, 22, 12, 20, 20, 16, 33, 15, 13, 12, 12, 16, 16, 12, 12]
        try ws.rowHeight(row, 30)  // two-line headings
        try ws.header(row, [l.service, l.promise, l.count, l.finished, l.onTime, l.late, l.open, l.openOverdue,
                            l.noPromise, l.onTimeRate, l.capaian, l.meanTime, l.medianTime, l.medianHours, l.p90Hours],
                      ReportStyles.header)
        row += 1
        for s in r.services {
            let reason = s.unmeasurable.map(l.unmeasurable) ?? s.noPromiseReason ?? s.promiseText
            let promise = s.promised.isEmpty ? s.promise ?? "\(l.noPromise): \(reason)" : l.promise(s.promised)
            let lines = max(Worksheet.lines(s.name, width: widths[0]), Worksheet.lines(promise, width: widths[1]))
            if lines > 1 { try ws.rowHeight(row, 15 * Double(lines)) }
            try complianceRow(ws, row, name: s.name, promise: promise, s.figures.compliance, bold: false)
            row += 1
        }
        try complianceRow(ws, row, name: l.allServices, promise: "", r.overall.compliance, bold: true)
        row += 1
        if r.services.allSatisfy({ $0.figures.compliance == nil }) && r.overall.compliance == nil {
            try ws.text(row, 0, l.noTurnaround, ReportStyles.note)
        }
        row += 1

        let cases = lateCases(r)
        try ws.text(row, 0, "\(l.lateCases) (\(cases.count))", ReportStyles.subtitle)
        let pages = PagedTable.pages(count: cases.count, startRow: row + 1, maxRows: maxRowsPerSheet)
        if pages > 1 { try ws.text(row, 2, "→ \(ws.name) (2) … (\(pages))", ReportStyles.note) }
        if cases.isEmpty { try ws.text(row, 2, l.noLateCases, ReportStyles.note) }
        row += 1
        if !cases.isEmpty {
            var table = try PagedTable(workbook: workbook, sheet: ws, startRow: row,
                                       header: [l.transactionId, l.service, l.receivedAt, l.finishedAt, l.deadline,
                                                l.promise, l.status, l.lateHours], widths: widths, maxRows: maxRowsPerSheet)
            let names = Dictionary(r.services.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            let text = try workbook.format(ReportStyles.text), num = try workbook.format(ReportStyles.hours)
            for c in cases {
                let (sheet, i) = try table.next()
                try sheet.text(i, 0, c.transactionId, text)
                try sheet.text(i, 1, names[c.service] ?? c.service, text)
                try sheet.text(i, 2, c.receivedAt, text)
                try sheet.text(i, 3, c.finishedAt ?? "–", text)
                try sheet.text(i, 4, c.deadline, text)
                try sheet.text(i, 5, c.promised.map { l.duration($0) + (c.variant.map { " (\($0))" } ?? "") } ?? c.promise, text)
                try sheet.text(i, 6, l.status(c.status), text)
                try sheet.number(i, 7, c.lateHours, num)
            }
        } else {
            for (c, w) in widths.enumerated() { try ws.columnWidth(c, w) }
        }
        ws.freeze(row: headerRow + 1)
        ws.printA4Landscape(fitWide: 1, tall: 0)
    }

    /// The late cases of every service, then any of the agency's own list not already shown,
    /// most late first. Each transaction appears once.
    func lateCases(_ r: EvaluationReport) -> [LateCase] {
        var seen = Set<String>(), out: [LateCase] = []
        for c in r.services.flatMap({ $0.figures.compliance?.latestCases ?? [] }) + (r.overall.compliance?.latestCases ?? [])
        where seen.insert(c.service + "\u{1F}" + c.transactionId).inserted {
            out.append(c)
        }
        return out.enumerated().sorted { a, b in
            a.element.lateHours != b.element.lateHours ? a.element.lateHours > b.element.lateHours : a.offset < b.offset
        }.map(\.element)
    }

    private func complianceRow(_ ws: Worksheet, _ row: Int, name: String, promise: String, _ c: TimelinessFigures?, bold: Bool) throws {
        func s(_ style: CellStyle) -> CellStyle { bold ? ReportStyles.bold(style) : style }
        try ws.text(row, 0, name, s(ReportStyles.wrapped))
        try ws.text(row, 1, promise, s(ReportStyles.wrapped))
        let counts: [Int?] = [c?.count, c?.finished, c?.onTime, c?.late, c?.open, c?.openOverdue, c?.noPromise]
        for (i, n) in counts.enumerated() {
            try ws.number(row, 2 + i, n.map(Double.init), s(ReportStyles.integer), placeholder: "–")
        }
        try ws.number(row, 9, c?.onTimeRate, s(ReportStyles.percent), placeholder: "–")
        if c?.onTimeRate != nil { try colourOnTime(ws, row: row, col: 9) }
        try ws.number(row, 10, c?.capaianMean, s(ReportStyles.percentNumber), placeholder: "–")
        // Realisasi and the median beside capaian, in the promise's unit ("2.5 hari kerja"), as numbers.
        let inUnit = ReportStyles.inUnit(c?.unit.map(labels.unit) ?? "")
        try ws.number(row, 11, c?.realisasi, s(inUnit), placeholder: "–")
        try ws.number(row, 12, c?.medianElapsedInUnit, s(inUnit), placeholder: "–")
        try ws.number(row, 13, c?.medianElapsedHours, s(ReportStyles.hours), placeholder: "–")
        try ws.number(row, 14, c?.p90ElapsedHours, s(ReportStyles.hours), placeholder: "–")
    }
}
