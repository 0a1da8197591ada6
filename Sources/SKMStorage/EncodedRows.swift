import SKMDomain

/// Rows to store, flattened into one byte buffer in the order the insert statement binds
/// their values, each with its fingerprint already computed.
///
/// Built by the thread that reads the file, so that the SQLite thread — an import's bottleneck,
/// since SQLite has one writer — only binds and steps. Handing it Swift structs instead meant
/// retaining, releasing and freeing every string of every row on that thread, a fifth of its
/// time; a batch of rows as bytes is a few allocations, and text is bound straight from it.
///
/// Each value is a tag byte — 0 NULL, 1 a 64-bit integer (8 bytes follow), 2 text (a 32-bit
/// length and the UTF-8 bytes follow) — and each row ends with its fingerprint.
public struct EncodedRows: Sendable {
    private(set) var bytes: [UInt8] = []
    private var starts: [Int] = []

    public init(reservingRows rows: Int = 0) {
        bytes.reserveCapacity(rows * 160)
        starts.reserveCapacity(rows)
    }

    public var count: Int { starts.count }

    /// Appends a transaction; `receivedDate` is the local day of receipt in the agency's zone.
    /// Values in `ImportWriter`'s transaction column order.
    public mutating func append(_ t: Transaction, receivedDate: LocalDate) {
        starts.append(bytes.count)
        let pauses = t.pauses.isEmpty ? nil : t.pauses.map { "\($0.start)-\($0.end)" }.joined(separator: ";")
        text(t.agency); text(t.id); text(t.service); int(t.receivedAt); int(t.finishedAt)
        text(receivedDate.description); text(t.variant); text(pauses); text(t.channel)
        var fp = Fingerprint()
        fp.add(t.service); fp.add(t.receivedAt); fp.add(t.finishedAt); fp.add(t.variant)
        fp.add(pauses); fp.add(t.channel)
        int(fp.value)
    }

    /// Appends a response (answers in the method's unsur order), in `ImportWriter`'s response column order.
    public mutating func append(_ r: SurveyResponse) {
        starts.append(bytes.count)
        let date = r.date.description
        text(r.agency); text(r.id); text(r.service); text(date); text(r.method)
        // The fingerprint still hashes fourteen answers, as it did when they were columns, so
        // that rows stored then are recognised when re-imported now.
        var fp = Fingerprint()
        fp.add(r.service); fp.add(date); fp.add(r.method)
        for i in 0..<14 { fp.add((i < r.answers.count ? r.answers[i] : nil).map { Int64($0) }) }
        text(Self.answerText(r.answers))
        text(r.profile.gender); int(r.profile.age.map { Int64($0) }); text(r.profile.education)
        text(r.profile.occupation); text(r.saran); text(r.transactionId)
        fp.add(r.profile.gender); fp.add(r.profile.age.map { Int64($0) }); fp.add(r.profile.education)
        fp.add(r.profile.occupation); fp.add(r.saran); fp.add(r.transactionId)
        int(fp.value)
    }

    /// Answers as stored: one character per unsur, `1`–`4`, `-` when unanswered.
    static func answerText(_ answers: [Int?]) -> String {
        String(unsafeUninitializedCapacity: answers.count) { b in
            for (i, a) in answers.enumerated() {
                b[i] = a.map { (1...4).contains($0) ? UInt8(48 + $0) : UInt8(ascii: "-") } ?? UInt8(ascii: "-")
            }
            return answers.count
        }
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
    }

    // Appends go through typed buffer pointers (one memcpy each): the generic byte-sequence
    // appends were a tenth of the reading thread's time.
    private mutating func int(_ v: Int64?) {
        guard let v else { bytes.append(0); return }
        bytes.append(1)
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    private mutating func text(_ s: String?) {
        guard var s else { bytes.append(0); return }
        bytes.append(2)
        s.withUTF8 { utf8 in
            withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
            bytes.append(contentsOf: utf8)
        }
    }

    /// Row `i`'s bytes, valid only inside `body`.
    func withRow<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let end = i + 1 < starts.count ? starts[i + 1] : bytes.count
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[starts[i]..<end])) }
    }

    /// The text value at `index` of row `i` (agency is 0, id is 1 in both tables); for messages.
    public func text(row i: Int, value index: Int) -> String? {
        withRow(i) { raw in
            var c = EncodedValueCursor(raw)
            for _ in 0..<index { c.skip() }
            if case let .text(p) = c.next() { return String(decoding: p, as: UTF8.self) }
            return nil
        }
    }
}

/// Reads the values of one encoded row in order.
struct EncodedValueCursor {
    enum Value { case null, int(Int64), text(UnsafeRawBufferPointer) }
    private let raw: UnsafeRawBufferPointer
    private var at = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var atEnd: Bool { at >= raw.count }

    @inline(__always) mutating func next() -> Value {
        let tag = raw[at]
        at += 1
        switch tag {
        case 0: return .null
        case 1:
            let v = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
            at += 8
            return .int(v)
        default:
            let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            at += 4
            defer { at += n }
            return .text(UnsafeRawBufferPointer(rebasing: raw[at..<at + n]))
        }
    }

    mutating func skip() { _ = next() }
}
