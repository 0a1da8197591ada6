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
    public mutating func append(_ t: Transaction, receivedDate: LocalDate) {
        let pauses = t.pauses.isEmpty ? nil : t.pauses.map { "\($0.start)-\($0.end)" }.joined(separator: ";")
        appendTransaction(agency: t.agency, id: t.id, service: t.service, receivedAt: t.receivedAt, finishedAt: t.finishedAt,
                          receivedDate: receivedDate, variant: t.variant, pauses: pauses, channel: t.channel)
    }

    /// Appends a transaction without pauses whose texts are still in the file's read buffer
    /// (the import's byte path, Sources/SKMImport/RawTransactionRows.swift).
    public mutating func append(agency: String, id: UnsafeBufferPointer<UInt8>, service: String, receivedAt: Int64, finishedAt: Int64?,
                                receivedDate: LocalDate, variant: UnsafeBufferPointer<UInt8>?, channel: UnsafeBufferPointer<UInt8>?) {
        appendTransaction(agency: agency, id: id, service: service, receivedAt: receivedAt, finishedAt: finishedAt,
                          receivedDate: receivedDate, variant: variant, pauses: nil, channel: channel)
    }

    /// A transaction's values in `ImportWriter`'s column order and its fingerprint: the one
    /// place that knows a transaction row's layout (specialised here, as `appendResponse`).
    @inline(__always)
    private mutating func appendTransaction<T: RowText>(agency: String, id: T, service: String, receivedAt: Int64, finishedAt: Int64?,
                                                        receivedDate: LocalDate, variant: T?, pauses: String?, channel: T?) {
        let day = receivedDate.description
        var fp = Fingerprint()
        fp.add(service); fp.add(receivedAt); fp.add(finishedAt); fp.add(variant)
        fp.add(pauses); fp.add(channel)
        appendRow { w in
            w.text(agency); w.text(id); w.text(service); w.int(receivedAt); w.int(finishedAt)
            w.text(day); w.text(variant); w.text(pauses); w.text(channel)
            w.int(fp.value)
        }
    }

    /// Appends a response (answers in the method's unsur order), in `ImportWriter`'s response column order.
    public mutating func append(_ r: SurveyResponse) {
        appendResponse(agency: r.agency, id: r.id, service: r.service, date: r.date, method: r.method,
                       answerCount: r.answers.count, answer: { r.answers[$0] },
                       gender: r.profile.gender, age: r.profile.age, education: r.profile.education,
                       occupation: r.profile.occupation, saran: r.saran, transactionId: r.transactionId)
    }

    /// Appends a response whose texts are still in the file's read buffer (the import's byte
    /// path, Sources/SKMImport/RawResponseRows.swift); `answer(i)`: unsur `i`'s answer
    /// (`i < answerCount`), nil when unanswered.
    public mutating func append(agency: String, id: UnsafeBufferPointer<UInt8>, service: String, date: LocalDate, method: String,
                                answerCount: Int, answer: (Int) -> Int?, gender: UnsafeBufferPointer<UInt8>?, age: Int?,
                                education: UnsafeBufferPointer<UInt8>?, occupation: UnsafeBufferPointer<UInt8>?,
                                saran: UnsafeBufferPointer<UInt8>?, transactionId: UnsafeBufferPointer<UInt8>?) {
        appendResponse(agency: agency, id: id, service: service, date: date, method: method, answerCount: answerCount,
                       answer: answer, gender: gender, age: age, education: education, occupation: occupation, saran: saran,
                       transactionId: transactionId)
    }

    /// A response's values and fingerprint, from `String`s or from bytes still in the file's
    /// buffer (`RowText`): the one place that knows a response row's layout. Internal, so that
    /// it is specialised here for both; across modules a generic runs unspecialised, looking
    /// up type metadata on every call (a fifth of the reading thread when it was public).
    @inline(__always)
    private mutating func appendResponse<T: RowText>(agency: String, id: T, service: String, date: LocalDate, method: String,
                                                    answerCount: Int, answer: (Int) -> Int?, gender: T?, age: Int?,
                                                    education: T?, occupation: T?, saran: T?, transactionId: T?) {
        let day = date.description
        let age = age.map { Int64($0) }
        // The fingerprint still hashes fourteen answers, as it did when they were columns, so
        // that rows stored then are recognised when re-imported now.
        var fp = Fingerprint()
        fp.add(service); fp.add(day); fp.add(method)
        for i in 0..<14 { fp.add((i < answerCount ? answer(i) : nil).map { Int64($0) }) }
        fp.add(gender); fp.add(age); fp.add(education)
        fp.add(occupation); fp.add(saran); fp.add(transactionId)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: answerCount) { text in
            for i in 0..<answerCount { text[i] = Self.answerByte(answer(i)) }
            let answers = UnsafeBufferPointer(text)
            appendRow { w in
                w.text(agency); w.text(id); w.text(service); w.text(day); w.text(method); w.text(answers)
                w.text(gender); w.int(age); w.text(education)
                w.text(occupation); w.text(saran); w.text(transactionId)
                w.int(fp.value)
            }
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
            for (i, a) in answers.enumerated() { b[i] = answerByte(a) }
            return answers.count
        }
    }

    @inline(__always) static func answerByte(_ a: Int?) -> UInt8 {
        a.map { (1...4).contains($0) ? UInt8(48 + $0) : UInt8(ascii: "-") } ?? UInt8(ascii: "-")
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

    mutating func text<T: RowText>(_ s: T?) {
        guard let s else { byte(0); return }
        byte(2)
        s.withUTF8Bytes { utf8 in
            guard let base else { at += 4 + utf8.count; return }
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
