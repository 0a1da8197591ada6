/// A day the office is closed although it is an office day: a national holiday (*hari libur
/// nasional*), *cuti bersama*, a regional day (e.g. Bali's Nyepi-related days) or the agency's
/// own closure. Holidays are data, each with the decree it comes from, never code.
public struct Holiday: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case national = "libur_nasional"
        case cutiBersama = "cuti_bersama"
        case regional = "regional"
        case closure = "penutupan"
    }

    public var date: LocalDate
    public var name: String
    public var kind: Kind
    /// The decree it comes from, e.g. "SKB 3 Menteri No. 1017/2022, 2/2022, 1/2022".
    public var source: String

    public init(date: LocalDate, name: String, kind: Kind, source: String) {
        self.date = date
        self.name = name
        self.kind = kind
        self.source = source
    }
}
