import Foundation

/// The shape of a catalog file, checked on the raw JSON before decoding: every misspelt
/// field (`Codable` ignores unknown keys, so `"office_hour"` would silently fall back to a
/// default), every missing required field and every value of the wrong type, all at once
/// and with their paths — a new office fixing a hand-written file sees the whole list in
/// one `skm catalog check`, not one field per run.
enum CatalogKeys {
    enum Kind { case string, int, object, array }

    /// Field → (kind, required). `components` and a service's `promise` are optional here
    /// (a missing promise is reported by `CatalogValidation` with what to write instead).
    static let agency: [String: (Kind, Bool)] = [
        "code": (.string, true), "name": (.string, true), "region": (.string, true), "time_zone": (.string, true),
        "decree": (.object, true), "office_hours": (.object, false), "notes": (.array, false), "services": (.array, true),
    ]
    static let decree: [String: (Kind, Bool)] = ["number": (.string, true), "date": (.string, true), "title": (.string, true)]
    static let service: [String: (Kind, Bool)] = [
        "code": (.string, true), "name": (.string, true), "promise": (.object, false), "components": (.array, false), "population": (.object, false),
    ]
    static let component: [String: (Kind, Bool)] = ["key": (.string, true), "heading": (.string, true), "text": (.string, true)]
    static let promise: [String: (Kind, Bool)] = [
        "text": (.string, true), "variants": (.array, true), "default_variant": (.string, false), "no_promise_reason": (.string, false),
    ]
    static let variant: [String: (Kind, Bool)] = ["name": (.string, false), "amount": (.int, true), "unit": (.string, true), "lower_bound": (.int, false)]

    /// Unknown, missing and mistyped fields; empty for a well-formed file. Invalid JSON is
    /// left to the decoder, which says where it breaks.
    static func problems(in data: Data, file: String) -> [CatalogProblem] {
        guard let root = try? JSONSerialization.jsonObject(with: data) else { return [] }
        var problems: [CatalogProblem] = []
        func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        func typeName(_ k: Kind) -> String {
            switch k { case .string: "a string"; case .int: "a whole number"; case .object: "an object"; case .array: "a list" }
        }
        func fits(_ v: Any, _ k: Kind) -> Bool {
            switch k {
            case .string: return v is String
            case .int:
                guard let n = v as? NSNumber else { return false }
                return n.doubleValue == n.doubleValue.rounded()
            case .object: return v is [String: Any]
            case .array: return v is [Any]
            }
        }
        /// The object at `path` if it is one (a wrong type was reported by the parent).
        @discardableResult
        func check(_ object: Any?, _ fields: [String: (Kind, Bool)], _ path: String) -> [String: Any]? {
            guard let dict = object as? [String: Any] else { return nil }
            let allowed = fields.keys.sorted().joined(separator: ", ")
            for key in dict.keys.sorted() where fields[key] == nil {
                problems.append(.init(.error, file: file, field: join(path, key), "unknown field \"\(key)\" (expected one of \(allowed))"))
            }
            for (key, (kind, required)) in fields.sorted(by: { $0.key < $1.key }) {
                guard let v = dict[key] else {
                    if required { problems.append(.init(.error, file: file, field: join(path, key), "missing field \"\(key)\"")) }
                    continue
                }
                if v is NSNull && !required { continue }
                if !fits(v, kind) {
                    problems.append(.init(.error, file: file, field: join(path, key), "expected \(typeName(kind)), found \(describe(v))"))
                }
            }
            return dict
        }
        guard let agencyObject = check(root, agency, "") else {
            return [.init(.error, file: file, "expected a JSON object with code, name, region, time_zone, decree and services")]
        }
        check(agencyObject["decree"], decree, "decree")
        for (i, s) in ((agencyObject["services"] as? [Any]) ?? []).enumerated() {
            let path = "services[\(i)]"
            guard let s = check(s, service, path) else {
                problems.append(.init(.error, file: file, field: path, "expected an object, found \(describe(s))"))
                continue
            }
            for (k, c) in ((s["components"] as? [Any]) ?? []).enumerated() { check(c, component, "\(path).components[\(k)]") }
            for (period, n) in ((s["population"] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) where !fits(n, .int) {
                problems.append(.init(.error, file: file, field: "\(path).population.\(period)", "expected a whole number, found \(describe(n))"))
            }
            let p = check(s["promise"], promise, "\(path).promise")
            for (k, v) in ((p?["variants"] as? [Any]) ?? []).enumerated() { check(v, variant, "\(path).promise.variants[\(k)]") }
        }
        return problems
    }

    static func describe(_ v: Any) -> String {
        switch v {
        case is NSNull: return "null"
        case let s as String: return "\"\(s.prefix(40))\""
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "\(v)"
        }
    }
}
