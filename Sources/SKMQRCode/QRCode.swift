import CQRencode
import Foundation

/// A QR code as a square of modules, encoded by libqrencode (Debian's maintained encoder;
/// skm does not carry its own). Level M: a poster survives some wear and a smudge.
public struct QRCode: Sendable, Equatable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major, true = dark.
    public let modules: [Bool]
    /// Light modules around the symbol that scanners need (the standard asks for four).
    public static let quietZone = 4

    public struct EncodingError: Error, CustomStringConvertible {
        public let text: String
        public var description: String { "libqrencode could not encode '\(text)' (\(String(cString: strerror(errno))))" }
    }

    public init(_ text: String) throws {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw EncodingError(text: text) }
        defer { QRcode_free(code) }
        let w = Int(code.pointee.width)
        size = w
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        modules = (0..<w * w).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// An SVG with one path of unit squares (quiet zone included), scaled by the viewer.
    public func svg(title: String? = nil) -> String {
        let full = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(full) \(full)" shape-rendering="crispEdges" role="img">\
            \(t)<rect width="\(full)" height="\(full)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>

            """
    }

    /// A greyscale PNG, `scale` pixels per module, quiet zone included.
    public func png(scale: Int = 8) -> Data {
        let full = (size + 2 * Self.quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: full * full)
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) {
                for dy in 0..<scale {
                    let row = ((y + Self.quietZone) * scale + dy) * full + (x + Self.quietZone) * scale
                    for dx in 0..<scale { pixels[row + dx] = 0 }
                }
            }
        }
        return PNGWriter.grayscale(width: full, height: full, pixels: pixels)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
