import Foundation

/// A one-line progress bar with rows per second on standard error, redrawn at most ten
/// times a second — and nothing at all when standard error is not a terminal, so logs and
/// pipes stay clean.
public final class ImportProgress {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
    }

    /// Cheap enough to call for every row: looks at the clock every 4096 rows only.
    /// `bytes` is only asked for when the bar is redrawn: the reader's position is a call
    /// through its protocol, and this runs for every row.
    @inline(__always) public func update(rows: Int, bytes: @autoclosure () -> (done: Int64, total: Int64?)) {
        guard enabled, rows & 4095 == 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw(rows: rows, bytes: bytes(), elapsed: now.timeIntervalSince(started))
    }

    public func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func draw(rows: Int, bytes: (done: Int64, total: Int64?), elapsed: Double) {
        let rate = elapsed > 0 ? Int(Double(rows) / elapsed) : 0
        var line = "\r"
        if let total = bytes.total, total > 0 {
            let f = min(1, Double(bytes.done) / Double(total))
            let width = 30, full = Int(f * Double(width))
            line += "[" + String(repeating: "#", count: full) + String(repeating: "-", count: width - full) + "]"
            line += String(format: " %3d%%", Int(f * 100))
        }
        line += " \(rows) rows, \(rate) rows/s\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }
}
