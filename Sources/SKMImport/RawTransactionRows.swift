import SKMDomain
import SKMStorage

/// The byte path of `TransactionRows` (RawRow.swift): a register row with a known agency and
/// service, times in range, finished no earlier than received, no pauses and no cell with
/// spaces around it is encoded straight from the CSV buffer. Any other row returns nil and is
/// read by `read(_:)`, which says what is wrong with it; `RawRowsTests` checks both store alike.
extension TransactionRows {
    /// Encodes `row` into `rows` and returns its agency code; nil when the row is not plain.
    func read(_ row: RawRow, into rows: inout EncodedRows) -> String? {
        guard let slot = ctx.rawAgency(row), let idColumn = ctx.plan.index(.id), case let .plain(id) = row.cell(idColumn),
              let service = ctx.rawService(row, slot: slot), let received = ctx.rawDate(row, .receivedAt) else { return nil }
        let a = ctx.rawLookup(slot)
        let receivedAt = received.instant(in: a.timeZone)
        var finishedText, pauses, variant, channel: UnsafeBufferPointer<UInt8>?
        guard ctx.rawText(row, .finishedAt, &finishedText), ctx.rawText(row, .pauses, &pauses), pauses == nil,
              ctx.rawText(row, .variant, &variant), ctx.rawText(row, .channel, &channel) else { return nil }
        var finishedAt: Int64?
        if finishedText != nil {
            guard let finished = ctx.rawDate(row, .finishedAt), case let f = finished.instant(in: a.timeZone), f >= receivedAt else { return nil }
            finishedAt = f
        }
        rows.append(agency: a.code, id: id, service: service, receivedAt: receivedAt, finishedAt: finishedAt,
                    receivedDate: a.timeZone.local(receivedAt).date, variant: variant, channel: channel)
        return a.code
    }
}
