import Foundation

/// Service quality grade (*mutu pelayanan*) and its performance label (*kinerja unit pelayanan*).
public enum Mutu: String, CaseIterable, Sendable, Codable, Comparable {
    case a = "A", b = "B", c = "C", d = "D"

    /// *Kinerja unit pelayanan*, as the regulation words it.
    public var kinerja: String {
        switch self {
        case .a: "Sangat Baik"
        case .b: "Baik"
        case .c: "Kurang Baik"
        case .d: "Tidak Baik"
        }
    }

    public var kinerjaEnglish: String {
        switch self {
        case .a: "Very good"
        case .b: "Good"
        case .c: "Poor"
        case .d: "Very poor"
        }
    }

    public static func < (l: Mutu, r: Mutu) -> Bool { l.rawValue > r.rawValue }

    /// Grades a converted value (×25). The table is read on the value rounded half-up to
    /// two decimals, so 76.605 is 76.61 and therefore B.
    public static func grade(converted value: Double, method: IKMMethod) -> Mutu {
        let r = roundHalfUp(value, places: 2)
        let b = method.gradeLowerBounds
        if r >= b.a - 1e-9 { return .a }
        if r >= b.b - 1e-9 { return .b }
        if r >= b.c - 1e-9 { return .c }
        return .d
    }
}

/// Rounds half away from zero at `places` decimals, correcting for binary representation
/// (76.605 is stored as 76.6049999…; an office rounding by hand reads it as 76.61).
public func roundHalfUp(_ value: Double, places: Int) -> Double {
    let scale = pow(10.0, Double(places))
    let scaled = value * scale
    let nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9) * max(1, abs(scaled))
    return (nudged >= 0 ? (nudged + 0.5).rounded(.down) : (nudged - 0.5).rounded(.up)) / scale
}
