import SKMDomain
import SKMStorage

/// Turns one row of a responses file (*kuesioner SKM*) into a `SurveyResponse`, or says
/// plainly why not.
///
/// A Google Forms export has no id column: the id is then derived from the row's content
/// (every used cell), so re-importing the same export adds nothing and a new export with
/// more rows adds only the new ones. The date is the local day in the agency's zone.
struct ResponseRows {
    let ctx: RowContext
    let answers: AnswerParser
    /// Column index per unsur (method order), nil when the form did not ask it.
    private let answerColumns: [Int?]
    private let hashedColumns: [Int]

    init(ctx: RowContext, method: IKMMethod) {
        self.ctx = ctx
        answers = AnswerParser(method: method)
        answerColumns = method.unsur.indices.map { ctx.plan.index(.answer($0)) }
        hashedColumns = ctx.plan.columns.values.sorted()
    }

    func read(_ row: SourceRow) throws(RowProblem) -> SurveyResponse {
        let a = try ctx.agency(row)
        let service = try ctx.service(row, a)
        let date = try ctx.dateTime(row, .date, a, required: true)!.localDate(in: a.timeZone)
        var values = [Int?](repeating: nil, count: answerColumns.count)
        for (u, col) in answerColumns.enumerated() {
            guard let col else { continue }
            switch answers.parse(row.cells[col], unsur: u) {
            case let .success(v): values[u] = v
            case let .failure(e):
                throw RowProblem(column: ctx.plan.header[col], value: row.cells[col].trimmingSpaces, reason: e.reason, agency: a.code)
            }
        }
        if values.allSatisfy({ $0 == nil }) { throw RowProblem(column: nil, value: nil, reason: "tidak ada satu pun jawaban", agency: a.code) }
        let profile = RespondentProfile(gender: try gender(row, a), age: try age(row, a),
                                        education: ctx.cell(row, .education), occupation: ctx.cell(row, .occupation))
        let id: String
        if ctx.plan.index(.id) == nil {
            var fp = Fingerprint()
            for c in hashedColumns { fp.add(row.cells[c]) }
            id = "h" + String(UInt64(bitPattern: fp.value), radix: 16)
        } else {
            guard let v = ctx.cell(row, .id) else { throw ctx.problem(.id, nil, "id kosong", agency: a.code) }
            id = v
        }
        return SurveyResponse(id: id, agency: a.code, service: service, date: date, answers: values,
                              method: answers.method.id, profile: profile, saran: ctx.cell(row, .saran),
                              transactionId: ctx.cell(row, .transactionId))
    }

    /// *Jenis kelamin* as L or P.
    private func gender(_ row: SourceRow, _ a: AgencyLookup) throws(RowProblem) -> String? {
        guard let text = ctx.cell(row, .gender) else { return nil }
        switch normalizedHeader(text) {
        case "l", "lk", "laki_laki", "laki", "lakilaki", "pria", "male", "m": return "L"
        case "p", "pr", "perempuan", "wanita", "female", "f", "w": return "P"
        default: throw ctx.problem(.gender, text, "jenis kelamin harus L atau P", agency: a.code)
        }
    }

    /// Age in years. A form that asks for an age band ("20–29 tahun", "> 60") gives the
    /// band's lower bound (upper bound for "< 20"), which falls in the same report band.
    private func age(_ row: SourceRow, _ a: AgencyLookup) throws(RowProblem) -> Int? {
        guard let text = ctx.cell(row, .age) else { return nil }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard let first = numbers.first, numbers.count <= 2 else {
            throw ctx.problem(.age, text, "umur harus berupa angka tahun", agency: a.code)
        }
        let below = text.contains("<") || text.lowercased().contains("kurang")
        let age = below ? first - 1 : first
        guard (10...120).contains(age) else { throw ctx.problem(.age, text, "umur \(age) tidak masuk akal (10–120)", agency: a.code) }
        return age
    }
}
