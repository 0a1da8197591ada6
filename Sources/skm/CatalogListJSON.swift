import Foundation
import SKMCatalog
import SKMDomain

/// `skm catalog list --format json`: every agency and service with the promise as the
/// reports will judge it — variants, unit, amount, bounds — or the reason there is none,
/// for a script or a reviewer to compare against the decree.
struct CatalogListJSON: Encodable {
    struct AgencyEntry: Encodable {
        var code, name, region, time_zone, decree_number, decree_date: String
        var services: [ServiceEntry]
    }
    struct ServiceEntry: Encodable {
        var code, name, promise_text: String
        var promise: PromiseEntry?
        var no_promise_reason: String?
    }
    struct PromiseEntry: Encodable {
        var variants: [VariantEntry]
        var default_variant: String?
    }
    struct VariantEntry: Encodable {
        var name: String?
        var amount: Int
        var unit: String
        var lower_bound: Int?
    }

    var agencies: [AgencyEntry]

    init(_ catalog: Catalog) {
        agencies = catalog.agencies.map { a in
            AgencyEntry(code: a.code, name: a.name, region: a.region, time_zone: a.timeZone.rawValue,
                        decree_number: a.decree.number, decree_date: a.decree.date.description,
                        services: a.services.map { s in
                let p = s.promise
                return ServiceEntry(code: s.code, name: s.name, promise_text: p.text,
                                    promise: p.isMeasurable ? PromiseEntry(variants: p.variants.map {
                                        VariantEntry(name: $0.name, amount: $0.duration.amount, unit: $0.duration.unit.rawValue,
                                                     lower_bound: $0.duration.lowerBound)
                                    }, default_variant: p.defaultVariant) : nil,
                                    no_promise_reason: p.isMeasurable ? nil : (p.noPromiseReason?.code ?? ""))
            })
        }
    }

    static func encoded(_ catalog: Catalog) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(CatalogListJSON(catalog)) + Data("\n".utf8)
    }
}
