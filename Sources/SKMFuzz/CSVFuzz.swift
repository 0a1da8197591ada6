@_spi(Fuzz) import SKMImport

/// CSV: lines only go forward, every row has the header's width, and the result does not
/// depend on where the read buffer happens to end, nor on which records the import's byte
/// path (Sources/SKMImport/RawRow.swift) takes.
enum CSVFuzz {
    static func run(_ bytes: [UInt8]) {
        let whole = read(bytes, bufferSize: 1 << 16)
        for every in [1, 2] {
            require(read(bytes, bufferSize: 1 << 16, rawEvery: every) == whole, "the byte path, taking every \(every), reads otherwise")
        }
        // The delimiter is sniffed from the first buffer: compare only when line 1 fits it.
        let firstBreak = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
        guard !bytes[..<firstBreak].contains(0x22) else { return }
        let small = read(bytes, bufferSize: max(4, firstBreak + 1 + Int(bytes.first ?? 0) % 13))
        require(small == whole, "events depend on the buffer size")
    }

    /// `rawEvery`: the byte path takes the records on lines divisible by it (nil: off).
    static func read(_ bytes: [UInt8], bufferSize: Int, rawEvery: Int? = nil) -> String {
        let breaks = bytes.count { $0 == 0x0A || $0 == 0x0D }
        var out: [String] = []
        do {
            let r = try CSVReader(bytes: bytes, bufferSize: bufferSize)
            var width: Int?, lastLine = 1, done: Int64 = 0
            let header: ([String]) -> Void = { h in
                require(width == nil, "two headers")
                width = h.count
                out.append("H\(h)")
            }
            let row: (SourceEvent) -> Void = { e in
                require(width != nil, "a row before the header")
                let p = r.progressBytes
                require(p.done >= done && p.done <= p.total ?? .max, "progress \(p) after \(done)")
                done = p.done
                switch e {
                case let .row(row):
                    require(row.cells.count == width, "row of \(row.cells.count) cells, header \(width!)")
                    require(row.line > lastLine && row.line <= breaks + 1, "line \(row.line) after \(lastLine)")
                    lastLine = row.line
                    out.append("R\(row.line)\(row.cells)")
                case let .malformed(line, reason):
                    require(line > lastLine && line <= breaks + 1, "malformed line \(line) after \(lastLine)")
                    lastLine = line
                    out.append("M\(line)\(reason)")
                case let .damaged(fault):
                    require(fault.line > lastLine && fault.line <= breaks + 1, "damaged line \(fault.line) after \(lastLine)")
                    lastLine = fault.line
                    out.append("D\(fault.line)")
                }
            }
            if let every = rawEvery {
                try r.readOfferingRawRecords(takes: { $0 % every == 0 }, header: header, row: row)
            } else {
                try r.read(header: header, row: row)
            }
        } catch {
            out.append("E\(error)")
        }
        return out.joined(separator: "\n")
    }
}
