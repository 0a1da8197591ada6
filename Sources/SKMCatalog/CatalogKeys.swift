import Foundation

/// Catches misspelt field names in a catalog file. `Codable` ignores unknown keys, so a
/// reviewer's `"office_hour"` or `"default"` would silently fall back to a default; this
/// walks the raw JSON and names every key the format does not have.
enum CatalogKeys {
    static let agency: Set = ["code", "name", "region", "time_zone", "decree", "office_hours", "notes", "services"]
    static let decree: Set = ["number", "date", "title"]
    static let service: Set = ["code", "name", "promise", "components"]
    static let component: Set = ["key", "heading", "text"]
    static let promise: Set = ["text", "variants", "default_variant", "no_promise_reason"]
    static let variant: Set = ["name", "amount", "unit", "lower_bound"]

    static func unknown(in data: Data, file: String) -> [CatalogProblem] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var problems: [CatalogProblem] = []
        func check(_ object: Any?, _ allowed: Set<String>, _ path: String) {
            guard let dict = object as? [String: Any] else { return }
            for key in dict.keys.sorted() where !allowed.contains(key) {
                let field = path.isEmpty ? key : "\(path).\(key)"
                problems.append(.init(.error, file: file, field: field,
                                      "unknown field \"\(key)\" (expected one of \(allowed.sorted().joined(separator: ", ")))"))
            }
        }
        check(root, agency, "")
        check(root["decree"], decree, "decree")
        for (i, s) in ((root["services"] as? [Any]) ?? []).enumerated() {
            check(s, service, "services[\(i)]")
            let s = s as? [String: Any]
            for (k, c) in ((s?["components"] as? [Any]) ?? []).enumerated() { check(c, component, "services[\(i)].components[\(k)]") }
            check(s?["promise"], promise, "services[\(i)].promise")
            let p = s?["promise"] as? [String: Any]
            for (k, v) in ((p?["variants"] as? [Any]) ?? []).enumerated() { check(v, variant, "services[\(i)].promise.variants[\(k)]") }
        }
        return problems
    }
}
