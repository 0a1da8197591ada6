/// The report's look: one place for fonts, fills and number formats, so every sheet agrees.
enum ReportStyles {
    static let title = CellStyle(bold: true, fontSize: 14)
    static let subtitle = CellStyle(bold: true, fontSize: 11)
    static let label = CellStyle(bold: true)
    static let note = CellStyle(italic: true, fontColor: 0x595959)
    static let header = CellStyle(bold: true, fill: 0xD9E1F2, border: true, wrap: true, align: .center, alignTop: true)
    static let text = CellStyle(border: true)
    static let wrapped = CellStyle(border: true, wrap: true, alignTop: true)
    static let integer = CellStyle(numberFormat: "#,##0", border: true)
    static let decimal2 = CellStyle(numberFormat: "0.00", border: true)
    static let decimal3 = CellStyle(numberFormat: "0.000", border: true)
    static let decimal4 = CellStyle(numberFormat: "0.0000", border: true)
    static let hours = CellStyle(numberFormat: "#,##0.0", border: true)
    static let percent = CellStyle(numberFormat: "0.0%", border: true)
    /// Capaian is already a percentage (150 = half the promised time used).
    /// A number followed by its unit, e.g. `2.5 hari kerja`: still a number in the cell.
    static func inUnit(_ unit: String) -> CellStyle {
        CellStyle(numberFormat: unit.isEmpty ? "#,##0.0" : "#,##0.0\" \(unit.replacingOccurrences(of: "\"", with: ""))\"", border: true)
    }
    static let percentNumber = CellStyle(numberFormat: "0.0\"%\"", border: true)
    static let plusMinus = CellStyle(numberFormat: "\"±\"0.00", border: true)
    static let signed = CellStyle(numberFormat: "+0.00;-0.00;0.00", border: true)
    static let date = CellStyle(numberFormat: "yyyy-mm-dd", border: true)
    static let centered = CellStyle(border: true, align: .center)

    /// Totals rows: the same formats in bold.
    static func bold(_ s: CellStyle) -> CellStyle { s.with { $0.bold = true } }

    /// Grade colours, A green … D red (Excel's "good / neutral / bad" palette).
    static func grade(_ mutu: String?, bold: Bool = false) -> CellStyle {
        let (fill, font): (UInt32?, UInt32?) = switch mutu {
        case "A": (0xC6EFCE, 0x006100)
        case "B": (0xE2F0D9, 0x375623)
        case "C": (0xFFEB9C, 0x9C5700)
        case "D": (0xFFC7CE, 0x9C0006)
        default: (nil, nil)
        }
        return CellStyle(bold: bold, fontColor: font, fill: fill, border: true, align: .center)
    }

    /// On-time rate thresholds for the conditional colours (documented in docs/reports.md).
    static let onTimeGood = 0.90
    static let onTimeFair = 0.75
    static let good = CellStyle(fontColor: 0x006100, fill: 0xC6EFCE)
    static let fair = CellStyle(fontColor: 0x9C5700, fill: 0xFFEB9C)
    static let bad = CellStyle(fontColor: 0x9C0006, fill: 0xFFC7CE)
}
