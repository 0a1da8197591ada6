import Foundation

/// A strict, streaming RFC 4180 reader over bytes.
///
/// Why our own: the packaged readers are much slower, hold the file in memory, or silently
/// accept `ab"c` (figures in docs/performance.md). Strict means every record it cannot read
/// unambiguously becomes a `.malformed` event carrying its line, never a guess:
/// a quote inside an unquoted field, text after a closing quote, a quoted field that never
/// closes, invalid UTF-8, or a field count that differs from the header's. A quoted field
/// that never closes, or that runs across lines into a record that cannot be read, is a
/// `.damaged` event instead: the lines it swallowed were rows, and no guess can get them back.
///
/// Accepts a UTF-8 byte-order mark, LF / CRLF / CR line ends, blank lines (skipped), and
/// comma, semicolon or tab as the delimiter, sniffed from the header line — Indonesian
/// Excel writes semicolons, because the comma is the decimal separator there.
public final class CSVReader: TableSource {
    public let fileName: String
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")

    private enum Input { case file(Int32), bytes([UInt8]) }
    private let input: Input
    private let buf: UnsafeMutableBufferPointer<UInt8>
    private var pos = 0, end = 0, consumed: Int64 = 0
    private var bytesOffset = 0
    private let total: Int64?
    private var line = 1
    private var skipLF = false
    private var field: [UInt8] = []
    private var headerCount = 0

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Opens a file for reading; throws `TableFileError.cannotOpen` with the system's reason.
    public init(path: String, bufferSize: Int = 1 << 20) throws {
        fileName = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw TableFileError.cannotOpen(file: path, reason: String(cString: strerror(errno))) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw TableFileError.cannotOpen(file: path, reason: "is a directory")
        }
        total = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : nil
        input = .file(fd)
        buf = .allocate(capacity: bufferSize)
        try start()
    }

    /// Reads from memory: for tests and for uploads already in hand.
    public init(bytes: [UInt8], name: String = "input.csv", bufferSize: Int = 1 << 16) throws {
        fileName = name
        input = .bytes(bytes)
        total = Int64(bytes.count)
        buf = .allocate(capacity: max(bufferSize, 4))
        try start()
    }

    deinit {
        if case let .file(fd) = input { close(fd) }
        buf.deallocate()
        scratch?.deallocate()
    }

    public var progressBytes: (done: Int64, total: Int64?) { (consumed - Int64(end - pos), total) }

    /// Fills the buffer, strips a BOM, refuses UTF-16, and sniffs the delimiter from line 1.
    private func start() throws {
        _ = refill()
        if end >= 2, (buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF) {
            throw TableFileError.unsupportedFormat(file: fileName, reason: "the file is UTF-16: save it as 'CSV UTF-8'")
        }
        if end >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { pos = 3 }
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for i in pos..<end {
            let b = buf[i]
            if b == Self.quote { inQuotes.toggle() }
            if inQuotes { continue }
            if b == Self.lf || b == Self.cr { break }
            if counts[b] != nil { counts[b]! += 1 }
        }
        if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value > 0 { delimiter = best.key }
    }

    private func refill() -> Bool {
        switch input {
        case let .file(fd):
            var n: Int
            repeat { n = Foundation.read(fd, buf.baseAddress!, buf.count) } while n < 0 && errno == EINTR
            guard n > 0 else { return false }
            pos = 0; end = n; consumed += Int64(n)
            return true
        case let .bytes(bytes):
            guard bytesOffset < bytes.count else { return false }
            let n = min(buf.count, bytes.count - bytesOffset)
            _ = buf.initialize(from: bytes[bytesOffset..<bytesOffset + n])
            bytesOffset += n
            pos = 0; end = n; consumed += Int64(n)
            return true
        }
    }

    /// Offered first each data record that needs no decision to read (RawRow.swift); a record
    /// it declines (returns false) is read the usual way and handed to `row`. Set by the import.
    var offerRaw: ((RawRow) throws -> Bool)?

    public func read(header: ([String]) throws -> Void, row: (SourceEvent) throws -> Void) throws {
        let raw = offerRaw
        var sawHeader = false
        var fields: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>?
        defer { fields?.deallocate() }
        while true {
            if let raw, let fields, try offer(raw, fields) { continue }
            guard let event = nextRecord() else { break }
            if !sawHeader {
                guard case let .row(r) = event else {
                    if case let .malformed(_, reason) = event {
                        throw TableFileError.unsupportedFormat(file: fileName, reason: "header line: \(reason)")
                    }
                    continue
                }
                sawHeader = true
                headerCount = r.cells.count
                try header(r.cells)
                if raw != nil { fields = .allocate(capacity: headerCount) }
                continue
            }
            try row(event)
        }
        if !sawHeader { throw TableFileError.empty(file: fileName) }
    }

    /// `read(header:row:)` with the byte path on: records it is offered are handed to `row` as
    /// `SourceRow`s made from their bytes when `takes(line)`, else read the usual way. For the
    /// fuzz target (Sources/SKMFuzz/CSVFuzz.swift): the events must be those of a plain read.
    @_spi(Fuzz) public func readOfferingRawRecords(takes: @escaping (Int) -> Bool, header: ([String]) throws -> Void,
                                                    row: @escaping (SourceEvent) throws -> Void) throws {
        offerRaw = { raw in
            guard takes(raw.line) else { return false }
            try row(.row(SourceRow(line: raw.line, cells: (0..<raw.count).map { String(decoding: raw.field($0), as: UTF8.self) })))
            return true
        }
        defer { offerRaw = nil }
        try read(header: header, row: row)
    }

    /// Offers the next record as a `RawRow` when it lies whole in the buffer, ASCII, with the
    /// header's number of fields, each unquoted or quoted on one line; true when `raw` took it
    /// (the record is then read). Anything else is left to `nextRecord`, which reads the same
    /// bytes again: nothing here changes the buffer or the reader's place until `raw` takes it.
    private func offer(_ raw: (RawRow) throws -> Bool, _ fields: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>) throws -> Bool {
        let buf = self.buf, e = end, d = delimiter, count = headerCount
        let base = UnsafePointer(buf.baseAddress!)
        var start = pos
        if skipLF, start < e, buf[start] == Self.lf { start += 1 }  // the LF of the last record's CRLF
        guard start < e, buf[start] != Self.lf, buf[start] != Self.cr else { return false }  // a blank line, or refill
        var p = start, n = 0, bits: UInt8 = 0
        var unescaped = 0  // bytes written to `scratch` for this record
        while true {  // one field per pass, `p` at its first byte
            guard n < count else { return false }
            if p < e, buf[p] == Self.quote {
                var first = p + 1
                p = first
                var scratchStart: Int?  // where the field goes in `scratch` once it has a doubled quote
                while true {
                    while p < e, buf[p] != Self.quote, buf[p] != Self.lf, buf[p] != Self.cr { bits |= buf[p]; p += 1 }
                    guard p + 1 < e, buf[p] == Self.quote else { return false }  // a line break inside, or refill
                    let doubled = buf[p + 1] == Self.quote
                    if doubled || scratchStart != nil {  // the field so far, unescaped, into `scratch`
                        let scratch = scratchBuffer()
                        if scratchStart == nil { scratchStart = unescaped }
                        let length = p - first + (doubled ? 1 : 0)
                        (scratch.baseAddress! + unescaped).update(from: base + first, count: p - first)
                        unescaped += length
                        if doubled { scratch[unescaped - 1] = Self.quote }
                    }
                    guard doubled else { break }
                    p += 2
                    first = p
                }
                if let from = scratchStart {
                    fields[n] = UnsafeBufferPointer(start: scratch!.baseAddress! + from, count: unescaped - from)
                } else {
                    fields[n] = UnsafeBufferPointer(start: base + first, count: p - first)
                }
                p += 1  // the closing quote; text after it is for `nextRecord`
            } else {
                let first = p
                while p < e, buf[p] != d, buf[p] != Self.lf, buf[p] != Self.cr, buf[p] != Self.quote { bits |= buf[p]; p += 1 }
                fields[n] = UnsafeBufferPointer(start: base + first, count: p - first)
            }
            n += 1
            guard p < e else { return false }
            if buf[p] == d { p += 1; continue }
            guard buf[p] == Self.lf || buf[p] == Self.cr else { return false }
            break
        }
        guard bits < 0x80, n == count else { return false }
        guard try raw(RawRow(line: line, fields: UnsafeBufferPointer(fields))) else { return false }
        pos = p + 1
        skipLF = buf[p] == Self.cr
        line += 1
        return true
    }

    /// Unescaped quoted fields of a `RawRow`: never longer than the record, which fits the buffer.
    private var scratch: UnsafeMutableBufferPointer<UInt8>?

    private func scratchBuffer() -> UnsafeMutableBufferPointer<UInt8> {
        if let s = scratch { return s }
        let s = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buf.count)
        scratch = s
        return s
    }

    /// The next record, or nil at end of input. Blank lines are skipped.
    ///
    /// The loop works on local copies of the read position, line and field buffer, written
    /// back on return: stored properties of a class cost a dynamic exclusivity check on every
    /// access (see docs/performance.md).
    func nextRecord() -> SourceEvent? {
        var fields: [String] = []
        fields.reserveCapacity(headerCount)
        var field = self.field
        self.field = []
        field.removeAll(keepingCapacity: true)
        var p = pos, e = end, line = self.line, skipLF = self.skipLF
        let delimiter = self.delimiter, buf = self.buf
        defer { pos = p; self.line = line; self.skipLF = skipLF; self.field = field }
        var startLine = line
        var quoted = false, wasQuoted = false, afterQuote = false, highBit: UInt8 = 0
        var quotedLineBreak = false  // a quoted field of this record spans lines
        var lastLine = line  // the last line with a byte of this record
        var problem: String?
        var broken = false  // a structural problem: skip to the end of the line

        @inline(__always) func nextByte() -> UInt8? {
            if p == e {
                pos = p
                guard refill() else { return nil }
                p = pos; e = end
            }
            let b = buf[p]
            p += 1
            return b
        }

        func finishField() {
            if problem == nil {
                if highBit < 0x80 {  // ASCII: nothing to validate
                    fields.append(field.withUnsafeBufferPointer { Self.asciiString($0) })
                } else if let s = field.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
                    fields.append(s)
                } else {
                    problem = "kolom ke-\(fields.count + 1) bukan teks UTF-8 yang sah: simpan berkas sebagai 'CSV UTF-8'"
                }
            }
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
            afterQuote = false
            highBit = 0
        }

        while true {
            guard let b = nextByte() else {
                if fields.isEmpty, field.isEmpty, !wasQuoted, problem == nil { return nil }
                if quoted { return .damaged(.unterminatedQuote(line: startLine, through: lastLine)) }
                finishField()
                return finish(fields, startLine, problem, through: quotedLineBreak ? lastLine : nil)
            }
            if skipLF {
                skipLF = false
                if b == Self.lf { continue }
            }
            if quoted {
                if b == Self.quote {
                    quoted = false
                    afterQuote = true
                } else {
                    if b == Self.lf { line += 1; quotedLineBreak = true } else { lastLine = line }
                    highBit |= b
                    field.append(b)
                }
                continue
            }
            if b == Self.lf || b == Self.cr {
                line += 1
                if b == Self.cr { skipLF = true }
                if fields.isEmpty, field.isEmpty, !wasQuoted, !broken {
                    startLine = line  // blank line
                    continue
                }
                finishField()
                return finish(fields, startLine, problem, through: quotedLineBreak ? line - 1 : nil)
            }
            lastLine = line
            if broken { continue }
            if b == delimiter {
                finishField()
            } else if b == Self.quote {
                if afterQuote {
                    field.append(b)  // "" inside a quoted field
                    quoted = true
                    afterQuote = false
                } else if field.isEmpty, !wasQuoted {
                    quoted = true
                    wasQuoted = true
                } else {
                    broken = true
                    problem = problem ?? "tanda kutip di tengah kolom ke-\(fields.count + 1) yang tidak diapit kutip"
                }
            } else if afterQuote {
                broken = true
                problem = problem ?? "ada teks setelah tanda kutip penutup di kolom ke-\(fields.count + 1)"
            } else if field.isEmpty, !wasQuoted, !afterQuote {
                // An unquoted field: find its end in the buffer with a tight scan and copy it
                // at once, rather than byte by byte through every check above. The terminator is left for the loop to handle.
                let first = p - 1
                var q = p, bits = b
                while q < e {
                    let c = buf[q]
                    if c == delimiter || c == Self.lf || c == Self.cr || c == Self.quote { break }
                    bits |= c
                    q += 1
                }
                if bits < 0x80, q < e, buf[q] == delimiter, problem == nil {
                    // ASCII and ended by a delimiter within the buffer: the string is made
                    // straight from the buffer and the delimiter consumed here.
                    fields.append(Self.asciiString(UnsafeBufferPointer(rebasing: buf[first..<q])))
                    p = q + 1
                    continue
                }
                highBit |= bits
                field.append(contentsOf: UnsafeBufferPointer(rebasing: buf[first..<q]))
                p = q
            } else {
                highBit |= b
                field.append(b)
            }
        }
    }

    /// Fields of one character (answers 1–4, L/P) are half of a questionnaire's cells: they
    /// come from a table instead of being decoded one by one.
    private static let oneCharacter: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    @inline(__always) private static func asciiString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch bytes.count {
        case 0: ""
        case 1: oneCharacter[Int(bytes[0])]
        default: String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `through`: the record's last line when a quoted field of it spans lines; then a record
    /// that cannot be read is a stray quote that swallowed the lines, not one bad row.
    private func finish(_ fields: [String], _ line: Int, _ problem: String?, through: Int? = nil) -> SourceEvent {
        let wrongCount = headerCount > 0 && fields.count != headerCount
        if let through, problem != nil || wrongCount { return .damaged(.strayQuote(line: line, through: through)) }
        if let problem { return .malformed(line: line, reason: problem) }
        if wrongCount {
            return .malformed(line: line, reason: "\(fields.count) kolom, padahal header punya \(headerCount)")
        }
        return .row(SourceRow(line: line, cells: fields))
    }
}
