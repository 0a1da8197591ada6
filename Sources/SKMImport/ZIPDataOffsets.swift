import Foundation
import ZIPFoundation

/// Where each entry's data starts in a ZIP file, read from its central directory, so that a
/// deflated part can be inflated from exactly its own bytes.
///
/// Why: ZIPFoundation 0.9.20's inflate loop reads on past an entry's compressed size, and when
/// a damaged deflate stream never ends it reaches the end of the file and asks for more
/// forever — a 2 KB workbook whose last part lost its final block hung `skm import` (found by
/// `scripts/fuzz xlsx`). `XLSXReader` inflates such parts through ZIPFoundation's public
/// `Data.decompress` with a provider that stops at the entry's last byte.
///
/// Nil when the file is ZIP64 or its directory cannot be read here; the reader then uses
/// ZIPFoundation's own extraction, as before. (The same loop also tells inflate that a short
/// last chunk is a whole buffer: see `inflate`.)
struct ZIPDataOffsets {
    private let file: FileHandle
    private let localHeaders: [String: UInt64]

    init?(path: String) {
        guard let file = FileHandle(forReadingAtPath: path), let size = try? file.seekToEnd(), size >= 22 else { return nil }
        self.file = file
        // The end-of-central-directory record: its signature within the last 64 KB + 22 bytes.
        let tailLength = min(size, 65_535 + 22)
        guard (try? file.seek(toOffset: size - tailLength)) != nil, let tail = try? file.read(upToCount: Int(tailLength)),
              tail.count == Int(tailLength) else { return nil }
        let t = [UInt8](tail)
        guard let eocd = stride(from: t.count - 22, through: 0, by: -1).first(where: { Self.u32(t, $0) == 0x0605_4b50 }) else { return nil }
        let directorySize = UInt64(Self.u32(t, eocd + 12)), directoryOffset = UInt64(Self.u32(t, eocd + 16))
        guard directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= size,
              (try? file.seek(toOffset: directoryOffset)) != nil,
              let raw = try? file.read(upToCount: Int(directorySize)), raw.count == Int(directorySize) else { return nil }
        let d = [UInt8](raw)
        var headers: [String: UInt64] = [:]
        var at = 0
        while at + 46 <= d.count, Self.u32(d, at) == 0x0201_4b50 {
            let nameLength = Int(Self.u16(d, at + 28)), extraLength = Int(Self.u16(d, at + 30)), commentLength = Int(Self.u16(d, at + 32))
            guard at + 46 + nameLength <= d.count else { return nil }
            let offset = Self.u32(d, at + 42)
            guard offset != 0xFFFF_FFFF else { return nil }
            let name = String(decoding: d[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            if headers[name] == nil { headers[name] = UInt64(offset) }  // the first, as `Archive[path]` picks
            at += 46 + nameLength + extraLength + commentLength
        }
        localHeaders = headers
    }

    /// Inflates `entry`'s deflated bytes, and no others, into `consumer`; returns their CRC-32.
    /// Nil when this entry's local header cannot be found (ZIPFoundation then reads it).
    func inflate(_ entry: Entry, consumer: (Data) throws -> Void) throws -> CRC32? {
        guard let header = localHeaders[entry.path], (try? file.seek(toOffset: header)) != nil,
              let h = try? file.read(upToCount: 30), h.count == 30 else { return nil }
        let b = [UInt8](h)
        guard Self.u32(b, 0) == 0x0403_4b50 else { return nil }
        let start = header + 30 + UInt64(Self.u16(b, 26)) + UInt64(Self.u16(b, 28))
        let size = Int64(entry.compressedSize)
        return try Data.decompress(size: size, bufferSize: 64 << 10, skipCRC32: false, provider: { position, chunk in
            guard position < size else { throw EndedEarly() }
            try file.seek(toOffset: start + UInt64(position))
            var data = try file.read(upToCount: Int(min(Int64(chunk), size - position))) ?? Data()
            guard !data.isEmpty else { throw EndedEarly() }
            // ZIPFoundation tells inflate the chunk holds `chunk` bytes whatever its length: a
            // short last chunk is padded, so that a stream that does not end there reads zeros
            // (and fails) rather than memory past the data.
            if data.count < chunk { data.append(Data(count: chunk - data.count)) }
            return data
        }, consumer: consumer)
    }

    /// The entry's bytes ran out before its deflate stream ended.
    struct EndedEarly: Error, CustomStringConvertible {
        var description: String { "the compressed data ends before its deflate stream does" }
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
