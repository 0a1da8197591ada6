import SKMDomain
import SKMStorage

/// The byte path of `ResponseRows` (RawRow.swift): a questionnaire row whose every value is
/// the plain common case — answers one digit 1–4, gender L or P, age a number 10–120, no cell
/// with spaces around it, a known agency and service, a date in range — is encoded straight
/// from the CSV buffer. Any other row returns nil and is read by `read(_:warnings:)`, which
/// says what is wrong with it; `RawRowsTests` checks that both paths store the same bytes.
extension ResponseRows {
    /// Ids from `RowIdentity` or hashed from a respondent's name need the whole row as text.
    var takesRawRows: Bool { identity == nil && !hashesID }

    /// Encodes `row` into `rows` and returns its agency code; nil when the row is not plain.
    func read(_ row: RawRow, into rows: inout EncodedRows) -> String? {
        guard let slot = ctx.rawAgency(row), let service = ctx.rawService(row, slot: slot) else { return nil }
        let a = ctx.rawLookup(slot)
        let date: LocalDate
        if ctx.plan.index(.date) == nil, let surveyDate { date = surveyDate } else {
            guard let d = ctx.rawDate(row, .date) else { return nil }
            date = d.localDate(in: a.timeZone)
        }
        var asked = false
        for case let col? in answerColumns {
            let f = row.field(col)
            guard f.count == 1, f[0] >= 0x31, f[0] <= 0x34 else { return nil }
            asked = true
        }
        guard asked, let idColumn = ctx.plan.index(.id), case let .plain(id) = row.cell(idColumn) else { return nil }
        var gender, education, occupation, saran, transactionId, ageText: UnsafeBufferPointer<UInt8>?
        guard ctx.rawText(row, .gender, &gender), ctx.rawText(row, .age, &ageText), ctx.rawText(row, .education, &education),
              ctx.rawText(row, .occupation, &occupation), ctx.rawText(row, .saran, &saran),
              ctx.rawText(row, .transactionId, &transactionId)
        else { return nil }
        if let g = gender, g.count != 1 || (g[0] != UInt8(ascii: "L") && g[0] != UInt8(ascii: "P")) { return nil }
        var age: Int?
        if let t = ageText {
            guard t.count <= 3, t.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), case let n = t.reduce(0, { $0 * 10 + Int($1 - 0x30) }),
                  (10...120).contains(n) else { return nil }
            age = n
        }
        let columns = answerColumns
        rows.append(agency: a.code, id: id, service: service, date: date, method: answers.method.id,
                    answerCount: columns.count, answer: { u in columns[u].map { Int(row.field($0)[0] - 0x30) } },
                    gender: gender, age: age, education: education, occupation: occupation, saran: saran,
                    transactionId: transactionId)
        return a.code
    }
}
