import SKMDomain
import SKMStorage

/// Turns one row of a responses file (*kuesioner SKM*) into a `SurveyResponse`, or says
/// plainly why not.
///
/// A Google Forms export has no id column: `RowIdentity` then gives each row an id from its
/// raw cells (or the form's timestamp) and its place among identical rows, so re-importing
/// the same export adds nothing, a new export with more rows adds only the new ones, and two
/// respondents who answered alike stay two. The date is the local day in the agency's zone.
struct ResponseRows {
    let ctx: RowContext
    let answers: AnswerParser
    /// Column index per unsur (method order), nil when the form did not ask it.
    let answerColumns: [Int?]
    /// Nil when the file has an id column.
    let identity: RowIdentity?
    /// Every row's date when the file has no date column (`ImportOptions.surveyDate`).
    let surveyDate: LocalDate?
    /// A `Responden` column of another SKM app may hold the respondent's name rather than a
    /// number: it identifies the row but is stored only as a hash, never as written. The hash
    /// takes the date too, since such apps number respondents from 1 again in every export.
    let hashesID: Bool

    init(ctx: RowContext, method: IKMMethod, identity: RowIdentity?, surveyDate: LocalDate? = nil) {
        self.surveyDate = surveyDate
        hashesID = ctx.plan.index(.id).map { ["respondent", "responden"].contains(normalizedHeader(ctx.plan.header[$0])) } ?? false
        self.ctx = ctx
        answers = AnswerParser(method: method)
        answerColumns = method.unsur.indices.map { ctx.plan.index(.answer($0)) }
        self.identity = identity
    }

    /// `warnings`: empty on entry; on return, the optional profile fields that could not be
    /// read and were left empty (the row itself is good: a bad age must not cost nine answers).
    func read(_ row: SourceRow, warnings: inout [RowProblem]) throws(RowProblem) -> SurveyResponse {
        let key = identity?.key(row)  // before any check: every row takes its occurrence
        let a = try ctx.agency(row)
        let service = try ctx.service(row, a)
        let date: LocalDate
        if ctx.plan.index(.date) == nil, let surveyDate { date = surveyDate } else {
            date = try ctx.dateTime(row, .date, a, required: true)!.localDate(in: a.timeZone)
        }
        var values = [Int?](repeating: nil, count: answerColumns.count)
        for (u, col) in answerColumns.enumerated() {
            guard let col else { continue }
            switch answers.parse(row.cells[col], unsur: u) {
            case let .success(v): values[u] = v
            case let .failure(e):
                throw RowProblem(column: ctx.plan.header[col], value: row.cells[col].trimmingSpaces, reason: e.reason, agency: a.code,
                                 position: col + 1)
            }
        }
        if values.allSatisfy({ $0 == nil }) { throw RowProblem(column: nil, value: nil, reason: "tidak ada satu pun jawaban", agency: a.code) }
        let profile = RespondentProfile(gender: optional(try gender(row, a), &warnings), age: optional(try age(row, a), &warnings),
                                        education: ctx.cell(row, .education), occupation: ctx.cell(row, .occupation))
        let id: String
        if let identity, let key {
            id = identity.id(row, key: key, agency: a.code)
        } else {
            guard let v = ctx.cell(row, .id) else { throw ctx.problem(.id, nil, "id kosong", agency: a.code) }
            if hashesID {
                var fp = Fingerprint()
                fp.add(a.code)
                fp.add(v)
                fp.add(date.description)  // apps number respondents from 1 in every export
                id = "r" + String(UInt64(bitPattern: fp.value), radix: 16)
            } else {
                id = v
            }
        }
        return SurveyResponse(id: id, agency: a.code, service: service, date: date, answers: values,
                              method: answers.method.id, profile: profile, saran: ctx.cell(row, .saran),
                              transactionId: ctx.cell(row, .transactionId))
    }

    /// An optional field's value, or nil and a warning when it cannot be read.
    @inline(__always) private func optional<T>(_ read: @autoclosure () throws(RowProblem) -> T?, _ warnings: inout [RowProblem]) -> T? {
        do throws(RowProblem) { return try read() } catch {
            var w = error
            w.reason += "; kolom dikosongkan, jawaban tetap disimpan"
            warnings.append(w)
            return nil
        }
    }

    /// Cells that say "not filled in": an empty optional field, not a value to check.
    private static let placeholders: Set<String> = ["-", "–", "—", "n/a", "na", "tidak diisi", "tidak menjawab", "tidak tahu"]

    /// *Jenis kelamin* as L or P.
    private func gender(_ row: SourceRow, _ a: AgencyLookup) throws(RowProblem) -> String? {
        guard let text = ctx.cell(row, .gender) else { return nil }
        if text == "L" || text == "P" { return text }  // fast path: the demo's and most forms' values
        if Self.placeholders.contains(text.lowercased()) { return nil }
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
        if let n = Int(text), (10...120).contains(n) { return n }  // fast path
        if Self.placeholders.contains(text.lowercased()) { return nil }
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
