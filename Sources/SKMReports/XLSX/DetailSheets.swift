import SKMDomain

/// Responden, Saran and Ditolak: the profile tables and the two free-text detail lists.
extension XLSXReportWriter {
    func writeRespondents(_ r: EvaluationReport, _ ws: Worksheet) throws {
        let l = labels
        var row = try titleBlock(ws, l.respondentsTitle, r) - 1
        if r.forPublication { try ws.text(row, 0, l.suppressedNote, ReportStyles.note) }
        row += 1
        let p = r.respondentProfile
        for (title, rows) in [(l.gender, p.gender), (l.age, p.age), (l.education, p.education), (l.occupation, p.occupation)] {
            try ws.text(row, 0, title, ReportStyles.subtitle)
            row += 1
            try ws.header(row, [l.category, l.respondents, l.share], ReportStyles.header)
            row += 1
            for x in rows {
                try ws.text(row, 0, x.category, ReportStyles.text)
                if x.suppressed {
                    try ws.text(row, 1, "< 5", ReportStyles.centered)
                    try ws.text(row, 2, "–", ReportStyles.centered)
                } else {
                    try ws.number(row, 1, Double(x.respondents ?? 0), ReportStyles.integer)
                    try ws.number(row, 2, x.share ?? 0, ReportStyles.percent)
                }
                row += 1
            }
            try ws.text(row, 0, l.sum, ReportStyles.bold(ReportStyles.text))
            try ws.number(row, 1, Double(p.total), ReportStyles.bold(ReportStyles.integer))
            row += 2
        }
        try ws.columnWidth(0, 34)
        try ws.columnWidth(1...2, 13)
    }

    func writeSuggestions(_ r: EvaluationReport, _ details: ReportDetails, _ ws: Worksheet, workbook: Workbook) throws {
        let l = labels
        let start = try titleBlock(ws, "\(l.suggestionsTitle) (\(details.suggestionCount))", r)
        let pages = PagedTable.pages(count: details.suggestionCount, startRow: start, maxRows: maxRowsPerSheet)
        if pages > 1 { try ws.text(start - 1, 0, "→ \(ws.name) (2) … (\(pages))", ReportStyles.note) }
        var table = try PagedTable(workbook: workbook, sheet: ws, startRow: start, header: [l.date, l.service, l.suggestion],
                                   widths: [12, 36, 100], maxRows: maxRowsPerSheet)
        let names = Dictionary(r.services.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let date = try workbook.format(ReportStyles.date.with { $0.alignTop = true })
        let text = try workbook.format(ReportStyles.wrapped)
        // Saran come oldest first, so a day's rows share one parse of its date (parsing every
        // row's date was a tenth of the whole report's time).
        var day: (text: String, serial: Double?) = ("", nil)
        try details.forEachSuggestion { s in
            let (sheet, i) = try table.next()
            if s.date != day.text { day = (s.date, LocalDate(iso: s.date).map(Self.excelSerial)) }
            if let serial = day.serial { try sheet.number(i, 0, serial, date) } else { try sheet.text(i, 0, s.date, text) }
            try sheet.text(i, 1, names[s.service] ?? s.service, text)
            try sheet.text(i, 2, fitCell(s.text), text)
        }
    }

    func writeRejects(_ r: EvaluationReport, _ details: ReportDetails, _ ws: Worksheet, workbook: Workbook) throws {
        let l = labels
        let start = try titleBlock(ws, "\(l.rejectsTitle) (\(details.rejectCount))", r)
        let pages = PagedTable.pages(count: details.rejectCount, startRow: start, maxRows: maxRowsPerSheet)
        if pages > 1 { try ws.text(start - 1, 0, "→ \(ws.name) (2) … (\(pages))", ReportStyles.note) }
        var table = try PagedTable(workbook: workbook, sheet: ws, startRow: start,
                                   header: [l.file, l.line, l.column, l.value, l.reason],
                                   widths: [30, 8, 18, 30, 70], maxRows: maxRowsPerSheet)
        let text = try workbook.format(ReportStyles.text), int = try workbook.format(ReportStyles.integer)
        let wrapped = try workbook.format(ReportStyles.wrapped)
        try details.forEachReject { x in
            let (sheet, i) = try table.next()
            try sheet.text(i, 0, x.file, text)
            try sheet.number(i, 1, Double(x.line), int)
            try sheet.text(i, 2, x.column ?? "", text)
            try sheet.text(i, 3, fitCell(x.value ?? ""), text)
            try sheet.text(i, 4, fitCell(x.reason), wrapped)
        }
    }

    /// Excel's day number (1900 date system) for a local day.
    static func excelSerial(_ d: LocalDate) -> Double { Double(d.dayNumber + 25_569) }

    /// Text past Excel's cell limit is shortened *visibly*, saying so; the JSON keeps it whole.
    func fitCell(_ s: String) -> String {
        guard s.utf16.count > Workbook.maxCellCharacters else { return s }
        let marker = language == .id ? " … [dipotong; teks lengkap di laporan JSON]" : " … [cut; full text in the JSON report]"
        var out = "", n = 0
        for ch in s {
            let w = ch.utf16.count
            if n + w > Workbook.maxCellCharacters - marker.utf16.count { break }
            out.append(ch); n += w
        }
        return out + marker
    }
}
