import Foundation

/// Buffered RFC 4180 writer: quotes a field only when it holds a comma, quote or line break.
/// Buffers ~1 MB so that writing millions of rows costs a few system calls, not millions.
final class CSVLineWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(url: URL, header: [String]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
        write(header)
    }

    func write(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            if f.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                buffer.append(34)
                for b in f.utf8 { if b == 34 { buffer.append(34) }; buffer.append(b) }
                buffer.append(34)
            } else {
                buffer.append(contentsOf: f.utf8)
            }
        }
        buffer.append(10)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        try handle.close()
    }
}
