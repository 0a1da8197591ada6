import Foundation
import SKMDomain

/// Office hours as a reviewer writes them: Indonesian weekday → open intervals
/// (`"senin": ["07.30-12.00", "13.00-16.00"]`). A day left out is closed. Days are written
/// Monday first, whatever order they were read in.
public struct OfficeHoursFile: Codable, Hashable, Sendable {
    public static let dayNames = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]

    /// Index 0 = senin … 6 = minggu; each entry like "07.30-12.00".
    public var days: [[String]]

    public init(days: [[String]]) {
        precondition(days.count == 7)
        self.days = days
    }

    public init(_ hours: OfficeHours) {
        days = hours.days.map { $0.map { "\(Self.clock($0.open))-\(Self.clock($0.close))" } }
    }

    struct DayKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: DayKey.self)
        for key in c.allKeys where !Self.dayNames.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(forKey: key, in: c,
                debugDescription: "unknown weekday \"\(key.stringValue)\" (expected one of \(Self.dayNames.joined(separator: ", ")))")
        }
        days = try Self.dayNames.map { try c.decodeIfPresent([String].self, forKey: DayKey(stringValue: $0)) ?? [] }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DayKey.self)
        for (i, name) in Self.dayNames.enumerated() where !days[i].isEmpty {
            try c.encode(days[i], forKey: DayKey(stringValue: name))
        }
    }

    /// The domain value, or the first interval that does not read as "HH.MM-HH.MM" with open < close.
    public func officeHours() -> Result<OfficeHours, OfficeHoursError> {
        var out: [[OfficeHours.Interval]] = []
        for (i, list) in days.enumerated() {
            var intervals: [OfficeHours.Interval] = []
            for text in list {
                let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let open = Self.minutes(parts[0]), let close = Self.minutes(parts[1]), open < close,
                      (intervals.last?.close ?? -1) <= open else {
                    return .failure(OfficeHoursError(day: Self.dayNames[i], value: text))
                }
                intervals.append(.init(open: open, close: close))
            }
            out.append(intervals)
        }
        return .success(OfficeHours(days: out))
    }

    /// "07.30" or "7:30" → 450.
    static func minutes(_ s: String) -> Int? {
        let p = s.split(whereSeparator: { $0 == "." || $0 == ":" })
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h)." + (m < 10 ? "0" : "") + "\(m)"
    }
}

public struct OfficeHoursError: Error, Hashable, Sendable {
    public var day: String
    public var value: String
}
