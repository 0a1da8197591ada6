import SKMDomain

/// Ketepatan Waktu: turnaround against the promise per service, coloured by on-time rate,
/// then the late cases. Before the turnaround engine has run, compliance is nil: "–" cells.
extension XLSXReportWriter {
    func writeTimeliness(_ r: EvaluationReport, _ ws: Worksheet, workbook: Workbook) throws {
        let l = labels
        var row = try titleBlock(ws, l.timelinessTitle, r) - 1
        // Columns serve both tables below; 3, 4 and 6 hold the cases' "2024-03-18 16.00 WIB" and statuses.
        let widths: [Double] = [40, 34, 12, 20, 20, 16, 33, 15, 13, 12, 12, 16, 16, 12, 12]
        // The note wraps inside the printed width: one long line ran off the page.
        let note = l.onTimeNote + (r.complianceAsOf.map { " \(l.judgedAsOf) \(readableInstant($0, zone: r.agency.timeZone))." } ?? "")
        try ws.rowHeight(row, 13 * Double(Worksheet.lines(note, width: widths.reduce(0, +))))
        try ws.merged(row, 0, widths.count - 1, note, ReportStyles.note.with { $0.wrap = true; $0.alignTop = true })
        row += 1
        let headerRow = row
        try ws.rowHeight(row, 30)  // two-line headings
        try ws.header(row, [l.service, l.promise, l.count, l.finished, l.onTime, l.late, l.open, l.openOverdue,
                            l.noPromise, l.onTimeRate, l.capaian, l.meanTime, l.medianTime, l.medianHours, l.p90Hours],
                      ReportStyles.header)
        row += 1
        for s in r.services {
            let reason = s.unmeasurable.map(l.unmeasurable) ?? s.noPromiseReason ?? s.promiseText
            let whole = s.promised.isEmpty ? s.promise ?? "\(l.noPromise): \(reason)" : l.promise(s.promised)
            // A decree's long variant text made a row a page tall: four lines on paper, the
            // whole text in the cell's note.
            let (promise, clipped) = Worksheet.clipped(whole, width: widths[1], maxLines: 4)
            let lines = max(Worksheet.lines(s.name, width: widths[0]), Worksheet.lines(promise, width: widths[1]))
            if lines > 1 { try ws.rowHeight(row, 15 * Double(lines)) }
            try complianceRow(ws, row, name: s.name, promise: promise, s.figures.compliance, bold: false)
            if clipped { try ws.comment(row, 1, whole) }
            row += 1
        }
        try complianceRow(ws, row, name: l.allServices, promise: "", r.overall.compliance, bold: true)
        row += 1
        if r.services.allSatisfy({ $0.figures.compliance == nil }) && r.overall.compliance == nil {
            try ws.text(row, 0, l.noTurnaround, ReportStyles.note)
        }
        row += 1
        row = try writeTimeVoice(r, ws, row: row)

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
            let text = try workbook.format(ReportStyles.text), wrapped = try workbook.format(ReportStyles.wrapped)
            let days = try workbook.format(ReportStyles.inUnit(l.isIndonesian ? "hari" : "days"))
            let hours = try workbook.format(ReportStyles.inUnit(l.isIndonesian ? "jam" : "hours"))
            for c in cases {
                let (sheet, i) = try table.next()
                let name = names[c.service] ?? c.service
                let promise = c.promised.map { l.duration($0) + (c.variant.map { " (\($0))" } ?? "") } ?? c.promise
                let lines = max(Worksheet.lines(name, width: widths[1]), Worksheet.lines(promise, width: widths[5]))
                if lines > 1 { try sheet.rowHeight(i, 15 * Double(min(lines, 4))) }
                try sheet.text(i, 0, c.transactionId, text)
                try sheet.text(i, 1, name, wrapped)  // whole, wrapped: a cut name left offices guessing
                try sheet.text(i, 2, c.receivedAt, text)
                try sheet.text(i, 3, c.finishedAt.map(readableStamp) ?? "–", text)
                try sheet.text(i, 4, readableStamp(c.deadline), text)
                try sheet.text(i, 5, promise, wrapped)
                try sheet.text(i, 6, l.status(c.status), text)
                // In days (calendar, one decimal) unless the promise is in minutes or hours: 362.5
                // hari reads, 8,701.0 h did not.
                let short = c.promised.map { $0.unit == .minutes || $0.unit == .hours } ?? false
                try sheet.number(i, 7, short ? c.lateHours : c.lateHours / 24, short ? hours : days)
            }
        } else {
            for (c, w) in widths.enumerated() { try ws.columnWidth(c, w) }
        }
        ws.freeze(row: headerRow + 1)
        ws.printA4Landscape(fitWide: 1, tall: 0)
    }

    /// U3 among respondents whose own file was late vs on time, per service and overall, when
    /// any response names a transaction; returns the next free row.
    private func writeTimeVoice(_ r: EvaluationReport, _ ws: Worksheet, row start: Int) throws -> Int {
        guard r.overall.u3ByTimeliness != nil else { return start }
        let l = labels
        var row = start
        try ws.text(row, 0, l.voiceTitle, ReportStyles.subtitle); row += 1
        try ws.merged(row, 0, 6, l.voiceNote, ReportStyles.note); row += 1
        try ws.rowHeight(row, 30)
        try ws.header(row, l.voiceHeader, ReportStyles.header); row += 1
        let groups = r.services.compactMap { s in s.figures.u3ByTimeliness.map { (s.name, $0, false) } }
            + [(l.allServices, r.overall.u3ByTimeliness!, true)]
        for (name, v, bold) in groups {
            func s(_ style: CellStyle) -> CellStyle { bold ? ReportStyles.bold(style) : style }
            try ws.text(row, 0, name, s(ReportStyles.wrapped))
            try ws.number(row, 1, Double(v.late), s(ReportStyles.integer))
            try ws.number(row, 2, v.lateNrr, s(ReportStyles.decimal3), placeholder: v.late < 5 && v.suppressed == true ? Publication.fewerThanFive : "–")
            try ws.number(row, 3, Double(v.onTime), s(ReportStyles.integer))
            try ws.number(row, 4, v.onTimeNrr, s(ReportStyles.decimal3), placeholder: v.onTime < 5 && v.suppressed == true ? Publication.fewerThanFive : "–")
            row += 1
        }
        return row + 1
    }

    /// "2024-02-07 16:00 WIB" as an Indonesian reader writes it, "2024-02-07 16.00 WIB"; the
    /// English workbook keeps the colon. The end of a day ("24:00", a deadline in calendar
    /// days) is written as that day, "2024-03-04 (akhir hari)", as a decree's "paling lambat
    /// tanggal …" reads. The JSON keeps the stamp as computed.
    func readableStamp(_ stamp: String) -> String {
        let parts = stamp.split(separator: " ")
        if parts.count == 3, parts[1] == "24:00" { return labels.endOfDay(parts[0]) }
        guard language == .id, let colon = stamp.firstIndex(of: ":") else { return stamp }
        var s = stamp
        s.replaceSubrange(colon...colon, with: ".")
        return s
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
