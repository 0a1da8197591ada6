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
        let pauses = t.pauses.isEmpty ? nil : t.pauses.map { "\($0.start)-\($0.end)" }.joined(separator: ";")
        let day = receivedDate.description
        var fp = Fingerprint()
        fp.add(t.service); fp.add(t.receivedAt); fp.add(t.finishedAt); fp.add(t.variant)
        fp.add(pauses); fp.add(t.channel)
        appendRow { w in
            w.text(t.agency); w.text(t.id); w.text(t.service); w.int(t.receivedAt); w.int(t.finishedAt)
            w.text(day); w.text(t.variant); w.text(pauses); w.text(t.channel)
            w.int(fp.value)
        }
    }

    /// Appends a response (answers in the method's unsur order), in `ImportWriter`'s response column order.
    public mutating func append(_ r: SurveyResponse) {
        let date = r.date.description
        let answers = Self.answerText(r.answers)
        let age = r.profile.age.map { Int64($0) }
        // The fingerprint still hashes fourteen answers, as it did when they were columns, so
        // that rows stored then are recognised when re-imported now.
        var fp = Fingerprint()
        fp.add(r.service); fp.add(date); fp.add(r.method)
        for i in 0..<14 { fp.add((i < r.answers.count ? r.answers[i] : nil).map { Int64($0) }) }
        fp.add(r.profile.gender); fp.add(age); fp.add(r.profile.education)
        fp.add(r.profile.occupation); fp.add(r.saran); fp.add(r.transactionId)
        appendRow { w in
            w.text(r.agency); w.text(r.id); w.text(r.service); w.text(date); w.text(r.method); w.text(answers)
            w.text(r.profile.gender); w.int(age); w.text(r.profile.education)
            w.text(r.profile.occupation); w.text(r.saran); w.text(r.transactionId)
            w.int(fp.value)
        }
    }

    /// One row, written by `body` on the stack and appended at once: with an append per value
    /// (three per text) the encoding was 17.5 % of the reading thread, now 13.3 %
    /// (docs/performance.md). `body` runs twice: first only counting the bytes, then writing them.
    private mutating func appendRow(_ body: (inout RowBytes) -> Void) {
        starts.append(bytes.count)
        var counter = RowBytes(nil)
        body(&counter)
        withUnsafeTemporaryAllocation(byteCount: counter.at, alignment: 1) { buffer in
            var w = RowBytes(buffer.baseAddress)
            body(&w)
            bytes.append(contentsOf: UnsafeRawBufferPointer(buffer))
        }
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

/// Writes one row's values into memory — or, without memory, only counts the bytes they take.
struct RowBytes {
    private let base: UnsafeMutableRawPointer?
    private(set) var at = 0

    init(_ base: UnsafeMutableRawPointer?) { self.base = base }

    mutating func int(_ v: Int64?) {
        guard let v else { byte(0); return }
        byte(1)
        base?.storeBytes(of: v.littleEndian, toByteOffset: at, as: Int64.self)
        at += 8
    }

    mutating func text(_ s: String?) {
        guard var s else { byte(0); return }
        byte(2)
        guard let base else { at += 4 + s.utf8.count; return }
        s.withUTF8 { utf8 in
            base.storeBytes(of: UInt32(utf8.count).littleEndian, toByteOffset: at, as: UInt32.self)
            at += 4
            if let p = utf8.baseAddress { (base + at).copyMemory(from: p, byteCount: utf8.count) }
            at += utf8.count
        }
    }

    private mutating func byte(_ b: UInt8) {
        base?.storeBytes(of: b, toByteOffset: at, as: UInt8.self)
        at += 1
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
