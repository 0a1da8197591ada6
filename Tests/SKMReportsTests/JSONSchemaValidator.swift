import Foundation

/// A JSON value that keeps booleans, integers and other numbers apart (JSONSerialization on
/// Linux does not), for validating the report against docs/report-schema.json.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    subscript(_ key: String) -> JSONValue? { if case let .object(o) = self { o[key] } else { nil } }
}

/// The subset of JSON Schema 2020-12 the report schema uses: type, required, properties,
/// additionalProperties: false, items, enum, const and local `$ref` to `#/$defs/…`.
/// Any other keyword in the schema is an error, so the schema cannot silently outgrow the test.
struct JSONSchemaValidator {
    let root: JSONValue
    static let known: Set<String> = ["$schema", "$id", "$defs", "$ref", "title", "description", "type", "required",
                                     "properties", "additionalProperties", "items", "enum", "const"]

    /// Every violation, as "path: message"; empty when the instance is valid.
    func validate(_ instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "$", &errors)
        return errors
    }

    private func check(_ v: JSONValue, against schema: JSONValue, at path: String, _ errors: inout [String]) {
        guard case let .object(s) = schema else { errors.append("\(path): schema is not an object"); return }
        for k in s.keys where !Self.known.contains(k) { errors.append("\(path): unsupported keyword \(k)") }
        if case let .string(r)? = s["$ref"] {
            let name = r.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?[name] else { errors.append("\(path): unresolved \(r)"); return }
            check(v, against: target, at: path, &errors)
        }
        if let t = s["type"] {
            let types: [String] = switch t {
            case let .string(x): [x]
            case let .array(xs): xs.compactMap { if case let .string(x) = $0 { x } else { nil } }
            default: []
            }
            if !types.contains(where: { Self.matches(v, $0) }) { errors.append("\(path): expected \(types.joined(separator: "|")), got \(v)") }
        }
        if let c = s["const"], !Self.equal(c, v) { errors.append("\(path): expected const \(c)") }
        if case let .array(options)? = s["enum"], !options.contains(where: { Self.equal($0, v) }) {
            errors.append("\(path): \(v) not in enum")
        }
        if case let .object(o) = v {
            if case let .array(req)? = s["required"] {
                for case let .string(k) in req where o[k] == nil { errors.append("\(path): missing required \(k)") }
            }
            let props: [String: JSONValue] = if case let .object(p)? = s["properties"] { p } else { [:] }
            for (k, value) in o.sorted(by: { $0.key < $1.key }) {
                if let ps = props[k] { check(value, against: ps, at: "\(path).\(k)", &errors) }
                else if s["additionalProperties"] == .bool(false) { errors.append("\(path): unexpected property \(k)") }
            }
        }
        if case let .array(items) = v, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)[\(i)]", &errors) }
        }
    }

    static func matches(_ v: JSONValue, _ type: String) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
             ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .double(let d)): d == d.rounded()
        default: false
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.int(x), .double(y)), let (.double(y), .int(x)): Double(x) == y
        default: a == b
        }
    }
}
