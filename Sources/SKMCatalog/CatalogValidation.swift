import Foundation
import SKMDomain

/// Turns an `AgencyFile` into the domain's `Agency`, collecting every problem on the way
/// rather than stopping at the first, so `skm catalog check` can list them all.
enum CatalogValidation {
    static func agency(_ f: AgencyFile, file: String) -> (Agency?, [CatalogProblem]) {
        var problems: [CatalogProblem] = []
        func error(_ field: String, _ message: String) { problems.append(.init(.error, file: file, field: field, message)) }
        func warning(_ field: String, _ message: String) { problems.append(.init(.warning, file: file, field: field, message)) }

        if f.code.isEmpty || f.code != f.code.lowercased() || f.code.contains(" ") {
            error("code", "agency code \"\(f.code)\" must be lower-case with no spaces, e.g. \"bengkulu-selatan\"")
        }
        let zone = IndonesianTimeZone(name: f.timeZone)
        if zone == nil {
            error("time_zone", "unknown time zone \"\(f.timeZone)\" (expected WIB, WITA or WIT)")
        }
        let date = LocalDate(iso: f.decree.date)
        if date == nil { error("decree.date", "\"\(f.decree.date)\" is not a YYYY-MM-DD date") }
        if f.decree.number.isEmpty { warning("decree.number", "no decree number (say why in notes)") }
        if f.name.isEmpty { error("name", "empty agency name") }
        var hours = OfficeHours.civilService
        if let oh = f.officeHours {
            switch oh.officeHours() {
            case .success(let h): hours = h
            case .failure(let e): error("office_hours.\(e.day)", "\"\(e.value)\" is not an interval like \"07.30-12.00\"")
            }
        }

        var services: [ServiceStandard] = []
        var seen: [String: Int] = [:]
        for (i, s) in f.services.enumerated() {
            let path = "services[\(i)]"
            if let first = seen[s.code] {
                error("\(path).code", "duplicate service code \"\(s.code)\" (also services[\(first)])")
            } else {
                seen[s.code] = i
            }
            if s.code.isEmpty { error("\(path).code", "empty service code") }
            for (text, n) in (s.population ?? [:]).sorted(by: { $0.key < $1.key }) {
                if Period(parsing: text) == nil { error("\(path).population.\(text)", "\"\(text)\" is not a period like 2025-S1, 2025-Q3, 2025-03 or 2025") }
                if n <= 0 { error("\(path).population.\(text)", "population must be positive, got \(n)") }
            }
            if s.name.isEmpty { error("\(path).name", "empty service name") }
            var keys: Set<String> = []
            for (k, c) in s.components.enumerated() where !keys.insert(c.key).inserted {
                warning("\(path).components[\(k)].key", "component \"\(c.key)\" appears twice in service \"\(s.code)\"")
            }
            guard let pf = s.promise else {
                error("\(path).promise", "service \"\(s.code)\" has no promise: give variants, or no_promise_reason when the decree promises no time")
                continue
            }
            guard let promise = self.promise(pf, path: "\(path).promise", service: s.code, error: error, warning: warning) else { continue }
            if !s.components.isEmpty, s.component("jangka_waktu") == nil {
                warning("\(path).components", "service \"\(s.code)\" has no jangka_waktu component")
            }
            if let date {
                services.append(ServiceStandard(code: s.code, name: s.name, validFrom: date,
                                                components: s.components.map { .init(key: $0.key, heading: $0.heading, text: $0.text) },
                                                promise: promise))
            }
        }
        guard let zone, let date, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        let agency = Agency(code: f.code, name: f.name, region: f.region, timeZone: zone, officeHours: hours,
                            decree: Decree(number: f.decree.number, date: date, title: f.decree.title), services: services)
        return (agency, problems)
    }

    static func promise(_ p: PromiseFile, path: String, service: String,
                        error: (String, String) -> Void, warning: (String, String) -> Void) -> Promise? {
        var ok = true
        var variants: [Promise.Variant] = []
        var names: Set<String> = []
        for (i, v) in p.variants.enumerated() {
            let vp = "\(path).variants[\(i)]"
            guard let unit = PromiseUnit(rawValue: v.unit) else {
                error("\(vp).unit", "unknown unit \"\(v.unit)\" (expected \(PromiseUnit.allCases.map(\.rawValue).joined(separator: ", ")))")
                ok = false
                continue
            }
            if v.amount <= 0 { error("\(vp).amount", "amount must be positive, got \(v.amount)"); ok = false }
            if v.amount > PromisedDuration.maximum(unit) {
                error("\(vp).amount", "\(v.amount) \(unit.rawValue) is more than ten years (at most \(PromisedDuration.maximum(unit)))"); ok = false
            }
            if let lb = v.lowerBound, lb > v.amount { error("\(vp).lower_bound", "lower bound \(lb) is above the amount \(v.amount)"); ok = false }
            if let name = v.name, !names.insert(name.lowercased()).inserted { error("\(vp).name", "variant \"\(name)\" appears twice"); ok = false }
            variants.append(.init(name: v.name, duration: PromisedDuration(amount: v.amount, unit: unit, lowerBound: v.lowerBound)))
        }
        if p.variants.isEmpty {
            if (p.noPromiseReason ?? "").isEmpty {
                error(path, "service \"\(service)\" has no promise: no variants and no no_promise_reason")
                return nil
            }
            warning(path, "service \"\(service)\" has no measurable promise: \(p.noPromiseReason!)")
        } else if p.noPromiseReason != nil {
            error("\(path).no_promise_reason", "a promise with variants cannot also have no_promise_reason")
            ok = false
        }
        if p.variants.count > 1 && p.variants.contains(where: { $0.name == nil }) {
            error("\(path).variants", "when there are several variants each needs a name")
            ok = false
        }
        if let d = p.defaultVariant, !p.variants.contains(where: { $0.name == d }) {
            error("\(path).default_variant", "default variant \"\(d)\" is not among the variants (\(p.variants.compactMap(\.name).joined(separator: ", ")))")
            ok = false
        }
        guard ok else { return nil }
        return Promise(text: p.text, variants: variants, defaultVariant: p.defaultVariant, noPromiseReason: p.noPromiseReason.map(UnmeasurablePromise.init(code:)))
    }
}
