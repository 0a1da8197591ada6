/// How much an XLSX workbook may unzip to before skm refuses it (docs/limits.md).
///
/// A ZIP entry's declared size can lie, so the caps are counted on the bytes actually
/// inflated, and a part stops being read the moment it passes its cap. The defaults are far
/// above any register or survey export an office makes (a 10⁶-row register sheet unzips to
/// about 150 MiB) and far below what would fill a disk or memory.
public struct XLSXLimits: Sendable, Equatable {
    /// Bytes one part (a sheet, the shared strings) may unzip to.
    public var partBytes: Int64
    /// Bytes all parts read from one workbook may unzip to together.
    public var totalBytes: Int64
    /// Entries in the archive (a workbook has a dozen; thousands of sheets are already odd).
    public var parts: Int

    public init(partBytes: Int64 = 512 << 20, totalBytes: Int64 = 1 << 30, parts: Int = 10_000) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.parts = parts
    }

    public static let standard = XLSXLimits()
}
