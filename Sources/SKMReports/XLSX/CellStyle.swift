import CXlsxWriter

/// The look of a cell, as a value: equal styles share one libxlsxwriter format, created on
/// first use by `Workbook.format(_:)` (Excel limits a workbook to ~64,000 formats).
public struct CellStyle: Hashable, Sendable {
    public enum Align: Hashable, Sendable { case left, center, right }

    public var bold = false
    public var italic = false
    public var fontSize: Double?
    /// 0xRRGGBB.
    public var fontColor: UInt32?
    /// 0xRRGGBB solid fill.
    public var fill: UInt32?
    /// Excel number format code, e.g. "0.00", "0.0%", "yyyy-mm-dd".
    public var numberFormat: String?
    /// Thin border all round.
    public var border = false
    public var wrap = false
    public var align: Align?
    public var alignTop = false

    public init(bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: UInt32? = nil,
                fill: UInt32? = nil, numberFormat: String? = nil, border: Bool = false, wrap: Bool = false,
                align: Align? = nil, alignTop: Bool = false) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fill = fill
        self.numberFormat = numberFormat
        self.border = border
        self.wrap = wrap
        self.align = align
        self.alignTop = alignTop
    }

    public static let plain = CellStyle()

    /// Returns a copy with changes applied: `style.with { $0.bold = true }`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var s = self
        change(&s)
        return s
    }

    func apply(to f: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(f) }
        if italic { format_set_italic(f) }
        if let fontSize { format_set_font_size(f, fontSize) }
        if let fontColor { format_set_font_color(f, lxw_color_t(fontColor)) }
        if let fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(fill))
        }
        if let numberFormat { format_set_num_format(f, numberFormat) }
        if border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if wrap { format_set_text_wrap(f) }
        switch align {
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        if alignTop { format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
    }
}

/// A format handle resolved once, for writing many cells of a detail sheet without hashing a
/// `CellStyle` per cell. Only valid while its workbook is open.
public struct Format {
    let pointer: UnsafeMutablePointer<lxw_format>?
    /// Excel's default cell format.
    public static var `default`: Format { Format(pointer: nil) }
}
