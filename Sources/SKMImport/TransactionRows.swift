import SKMDomain

/// Turns one row of a transactions file (*register pelayanan*) into a `Transaction`, or
/// says plainly why not.
///
/// Times without a zone are the agency's local time. `pauses` lists the intervals spent
/// waiting on the applicant as `START/END;START/END`, each end a time in the same forms as
/// `received_at`; since `04/03/2024 09:15` itself contains slashes, the `/` that splits a
/// pause is the one that leaves two readable times on either side.
struct TransactionRows {
    let ctx: RowContext

    func read(_ row: SourceRow) throws(RowProblem) -> (Transaction, LocalDate) {
        let a = try ctx.agency(row)
        guard let id = ctx.cell(row, .id) else { throw ctx.problem(.id, nil, "id kosong", agency: a.code) }
        let service = try ctx.service(row, a)
        let received = try ctx.dateTime(row, .receivedAt, a, required: true)!
        let receivedAt = received.instant(in: a.timeZone)
        var finishedAt: Int64?
        if let finished = try ctx.dateTime(row, .finishedAt, a, required: false) {
            let f = finished.instant(in: a.timeZone)
            if f < receivedAt {
                throw ctx.problem(.finishedAt, ctx.cell(row, .finishedAt),
                                  "selesai sebelum diterima (\(ctx.cell(row, .receivedAt) ?? ""))", agency: a.code)
            }
            finishedAt = f
        }
        let pauses = try self.pauses(row, a, receivedAt: receivedAt, finishedAt: finishedAt)
        let t = Transaction(id: id, agency: a.code, service: service, receivedAt: receivedAt, finishedAt: finishedAt,
                            variant: ctx.cell(row, .variant), pauses: pauses, channel: ctx.cell(row, .channel))
        return (t, a.timeZone.local(receivedAt).date)
    }

    private func pauses(_ row: SourceRow, _ a: AgencyLookup, receivedAt: Int64, finishedAt: Int64?) throws(RowProblem) -> [Transaction.Pause] {
        guard let text = ctx.cell(row, .pauses) else { return [] }
        var out: [Transaction.Pause] = []
        for part in text.split(separator: ";") {
            let p = String(part).trimmingSpaces
            if p.isEmpty { continue }
            guard let (s, e) = split(p, a.timeZone) else {
                throw ctx.problem(.pauses, p, "jeda harus ditulis MULAI/SELESAI, mis. 2024-03-05 08:00/2024-03-06 08:00", agency: a.code)
            }
            if e < s { throw ctx.problem(.pauses, p, "jeda berakhir sebelum mulai", agency: a.code) }
            if s < receivedAt { throw ctx.problem(.pauses, p, "jeda dimulai sebelum permohonan diterima", agency: a.code) }
            if let f = finishedAt, e > f { throw ctx.problem(.pauses, p, "jeda berakhir setelah layanan selesai", agency: a.code) }
            out.append(Transaction.Pause(start: s, end: e))
        }
        return out
    }

    /// The split at a `/` that leaves a valid time on both sides.
    private func split(_ p: String, _ zone: IndonesianTimeZone) -> (Int64, Int64)? {
        var i = p.startIndex
        while let slash = p[i...].firstIndex(of: "/") {
            let l = String(p[..<slash]).trimmingSpaces, r = String(p[p.index(after: slash)...]).trimmingSpaces
            if case let .success(s) = ctx.dates.parse(l), case let .success(e) = ctx.dates.parse(r) {
                return (s.instant(in: zone), e.instant(in: zone))
            }
            i = p.index(after: slash)
        }
        return nil
    }
}
