/// The successive versions of one service's *Standar Pelayanan*, each in force from its
/// `validFrom` (the decree date) until the next one. A transaction is judged against the
/// version in force on the local day it was received, never the newest one.
public struct StandardHistory: Hashable, Sendable {
    public let code: String
    /// Ascending by `validFrom`, at most one version per date.
    public let versions: [ServiceStandard]

    public enum Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        case empty
        case mixedCodes(String, String)
        case sameValidFrom(code: String, date: LocalDate)

        public var description: String {
            switch self {
            case .empty: "a standard history needs at least one version"
            case .mixedCodes(let a, let b): "versions of different services in one history: \(a) and \(b)"
            case .sameValidFrom(let code, let date):
                "two versions of service \(code) both in force from \(date); keep one (the later decree)"
            }
        }
    }

    public init(_ versions: [ServiceStandard]) throws(Error) {
        guard let first = versions.first else { throw .empty }
        let sorted = versions.sorted { $0.validFrom < $1.validFrom }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            guard b.code == first.code else { throw .mixedCodes(first.code, b.code) }
            guard a.validFrom != b.validFrom else { throw .sameValidFrom(code: a.code, date: a.validFrom) }
        }
        if let other = versions.first(where: { $0.code != first.code }) { throw .mixedCodes(first.code, other.code) }
        code = first.code
        self.versions = sorted
    }

    /// The version in force on `date`: the latest with `validFrom` ≤ `date`; nil before the
    /// first one (the service had no standard yet).
    public func inForce(on date: LocalDate) -> ServiceStandard? {
        if versions.count == 1 { return versions[0].validFrom <= date ? versions[0] : nil }
        var lo = 0, hi = versions.count  // first index with validFrom > date
        while lo < hi {
            let mid = (lo + hi) / 2
            if versions[mid].validFrom <= date { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : versions[lo - 1]
    }

    /// One history per service code, from every version found (e.g. the services of several
    /// decrees of one agency).
    public static func byCode(_ standards: [ServiceStandard]) throws(Error) -> [String: StandardHistory] {
        var groups: [String: [ServiceStandard]] = [:]
        for s in standards { groups[s.code, default: []].append(s) }
        var out: [String: StandardHistory] = [:]
        for (code, versions) in groups { out[code] = try StandardHistory(versions) }
        return out
    }
}

extension Promise {
    /// The variant whose duration a transaction with this variant name gets, following
    /// `duration(forVariant:)`: the named one (case-insensitive), else the default, else the
    /// first. Nil when the promise is not measurable.
    public func variant(for name: String?) -> Variant? {
        if let name, let v = variants.first(where: { $0.name?.lowercased() == name.lowercased() }) { return v }
        if let d = defaultVariant, let v = variants.first(where: { $0.name == d }) { return v }
        return variants.first
    }
}
