import Foundation
import SKMDomain

/// One catalog file, `seeds/catalog/<agency-code>.json`: a decree's agency and every service
/// standard it sets, in a shape meant to be read and reviewed by a person and diffed in git.
///
/// The file keeps plain strings (time zone, dates, units) so that a mistake in it is reported
/// with its file and field by `CatalogValidation` instead of failing the whole decode.
/// `encoded()` writes keys in a fixed order, the order a reader wants: who, where, which
/// decree, then the services.
public struct AgencyFile: Codable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var region: String
    /// "WIB", "WITA" or "WIT".
    public var timeZone: String
    public var decree: DecreeFile
    /// Omitted when the decree gives none: civil-service hours apply (`OfficeHours.civilService`).
    public var officeHours: OfficeHoursFile?
    /// Reviewer's remarks on the source text (what it lacks, what was assumed).
    public var notes: [String]?
    public var services: [ServiceFile]

    enum CodingKeys: String, CodingKey {
        case code, name, region
        case timeZone = "time_zone"
        case decree
        case officeHours = "office_hours"
        case notes, services
    }

    public init(code: String, name: String, region: String, timeZone: String, decree: DecreeFile,
                officeHours: OfficeHoursFile? = nil, notes: [String]? = nil, services: [ServiceFile]) {
        self.code = code
        self.name = name
        self.region = region
        self.timeZone = timeZone
        self.decree = decree
        self.officeHours = officeHours
        self.notes = notes
        self.services = services
    }
}

/// The decree (*keputusan*): number as written, date `YYYY-MM-DD`, title.
public struct DecreeFile: Codable, Hashable, Sendable {
    public var number: String
    public var date: String
    public var title: String
    public init(number: String, date: String, title: String) {
        self.number = number
        self.date = date
        self.title = title
    }
}

/// One service (*jenis pelayanan*) with its components as written and its promise understood.
public struct ServiceFile: Codable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var components: [ComponentFile]
    public var promise: PromiseFile?
    /// Survey population per period (`"2025-S1": 1200`), for an office without a transaction
    /// register; `skm init` stores it as `skm population set` would.
    public var population: [String: Int]?

    public init(code: String, name: String, components: [ComponentFile], promise: PromiseFile?, population: [String: Int]? = nil) {
        self.code = code
        self.name = name
        self.components = components
        self.promise = promise
        self.population = population
    }

    public func component(_ key: String) -> ComponentFile? { components.first { $0.key == key } }
}

public struct ComponentFile: Codable, Hashable, Sendable {
    public var key: String
    public var heading: String
    public var text: String
    public init(key: String, heading: String, text: String) {
        self.key = key
        self.heading = heading
        self.text = text
    }
}

/// `Promise` as the file writes it: units by their Indonesian names (`hari kerja`).
public struct PromiseFile: Codable, Hashable, Sendable {
    public var text: String
    public var variants: [VariantFile]
    public var defaultVariant: String?
    public var noPromiseReason: String?

    enum CodingKeys: String, CodingKey {
        case text, variants
        case defaultVariant = "default_variant"
        case noPromiseReason = "no_promise_reason"
    }

    public init(text: String, variants: [VariantFile], defaultVariant: String? = nil, noPromiseReason: String? = nil) {
        self.text = text
        self.variants = variants
        self.defaultVariant = defaultVariant
        self.noPromiseReason = noPromiseReason
    }

    public init(_ p: Promise) {
        self.init(text: p.text,
                  variants: p.variants.map {
                      VariantFile(name: $0.name, amount: $0.duration.amount, unit: $0.duration.unit.rawValue,
                                  lowerBound: $0.duration.lowerBound)
                  },
                  defaultVariant: p.defaultVariant, noPromiseReason: p.noPromiseReason?.code)
    }
}

public struct VariantFile: Codable, Hashable, Sendable {
    public var name: String?
    public var amount: Int
    /// A `PromiseUnit` raw value: menit, jam, hari, hari kerja, bulan.
    public var unit: String
    public var lowerBound: Int?

    enum CodingKeys: String, CodingKey {
        case name, amount, unit
        case lowerBound = "lower_bound"
    }

    public init(name: String?, amount: Int, unit: String, lowerBound: Int? = nil) {
        self.name = name
        self.amount = amount
        self.unit = unit
        self.lowerBound = lowerBound
    }
}

extension AgencyFile {
    /// Pretty-printed UTF-8 JSON with a trailing newline, keys in a fixed reading order
    /// (who, where, which decree, then each service with its promise before its components).
    public func encoded() -> Data { Data(orderedJSON.rendered().utf8) }
}
