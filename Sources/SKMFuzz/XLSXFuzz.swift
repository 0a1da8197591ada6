import Foundation
@testable import SKMImport

/// XLSX: bytes → a temporary .xlsx → read. Byte 0 even: the bytes are the archive itself;
/// odd: the rest is the sheet XML, then (after a NUL) shared strings, then styles, zipped
/// into a well-formed archive so that mutations reach the XML rather than dying in the ZIP.
/// Invariants: only XLSXError/TableFileError escape, one header before any row, rows have
/// the header's width and a row number within Excel's, and no temporary file stays behind.
enum XLSXFuzz {
    nonisolated(unsafe) static let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("skm-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: d.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        return d
    }()

    static func run(_ bytes: [UInt8]) {
        let path = dir.appendingPathComponent("in.xlsx")
        let tmp = dir.appendingPathComponent("tmp")
        do {
            if bytes.first.map({ $0 & 1 == 0 }) ?? true {
                try Data(bytes).write(to: path)
            } else {
                try FuzzWorkbook.write(bytes.dropFirst(), to: path)
            }
        } catch { return }
        var width: Int?
        do {
            let r = try XLSXReader(path: path.path, sheet: nil, limits: XLSXLimits(partBytes: 1 << 20, totalBytes: 4 << 20), temporaryRoot: tmp)
            try r.read(header: { h in
                require(width == nil, "two headers")
                width = h.count
            }, row: { e in
                require(width != nil, "a row before the header")
                if case let .row(row) = e {
                    require(row.cells.count == width, "row width")
                    require((1...1_048_576).contains(row.line), "row \(row.line)")
                }
            })
        } catch is XLSXError {
        } catch is TableFileError {
        } catch {
            require(false, "unexpected error \(error)")
        }
        require((try? FileManager.default.contentsOfDirectory(atPath: tmp.path))?.isEmpty ?? true, "temporary files left")
    }
}
