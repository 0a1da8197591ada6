import SKMDomain

/// A transaction in the form the store keeps it: text columns already written out and the
/// fingerprint already computed.
///
/// Built by whoever reads the file, so that an import's SQLite thread only binds and steps:
/// SQLite's single writer is the import's bottleneck, and everything taken off its thread
/// runs on the other core (see `Importer`).
public struct StorableTransaction: Sendable {
    public let transaction: Transaction
    /// Local day of receipt in the agency's zone, `YYYY-MM-DD`.
    let receivedDate: String
    /// `start-end;start-end` in UTC seconds; nil without pauses.
    let pauses: String?
    let fingerprint: Int64

    public init(_ t: Transaction, receivedDate: LocalDate) {
        transaction = t
        self.receivedDate = receivedDate.description
        pauses = t.pauses.isEmpty ? nil : t.pauses.map { "\($0.start)-\($0.end)" }.joined(separator: ";")
        var fp = Fingerprint()
        fp.add(t.service); fp.add(t.receivedAt); fp.add(t.finishedAt); fp.add(t.variant)
        fp.add(pauses); fp.add(t.channel)
        fingerprint = fp.value
    }
}

/// A survey response in the form the store keeps it; see `StorableTransaction`.
public struct StorableResponse: Sendable {
    public let response: SurveyResponse
    /// `YYYY-MM-DD`.
    let date: String
    let fingerprint: Int64

    public init(_ r: SurveyResponse) {
        response = r
        date = r.date.description
        var fp = Fingerprint()
        fp.add(r.service); fp.add(date); fp.add(r.method)
        for i in 0..<14 { fp.add((i < r.answers.count ? r.answers[i] : nil).map(Int64.init)) }
        fp.add(r.profile.gender); fp.add(r.profile.age.map(Int64.init)); fp.add(r.profile.education)
        fp.add(r.profile.occupation); fp.add(r.saran); fp.add(r.transactionId)
        fingerprint = fp.value
    }
}
