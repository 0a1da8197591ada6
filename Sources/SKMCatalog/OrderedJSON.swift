/// A JSON value whose objects keep their keys in the order given, and its pretty printer.
///
/// Foundation's `JSONEncoder` on Linux writes keys in hash order unless told to sort them,
/// and alphabetical order puts a service's `components` before its `name`. Catalog files are
/// read and diffed by people, so they are written in the order a reader expects, always the same.
enum OrderedJSON {
    case string(String)
    case int(Int)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    /// Two-space indentation, `"key": value`, UTF-8 kept as is, trailing newline.
    func rendered() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .string(let s): out += Self.quoted(s)
        case .int(let n): out += String(n)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, v) in items.enumerated() {
                out += pad
                v.write(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (k, v)) in pairs.enumerated() {
                out += pad + Self.quoted(k) + ": "
                v.write(to: &out, indent: indent + 1)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += close + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension AgencyFile {
    var orderedJSON: OrderedJSON {
        var pairs: [(String, OrderedJSON)] = [
            ("code", .string(code)), ("name", .string(name)), ("region", .string(region)),
            ("time_zone", .string(timeZone)),
            ("decree", .object([("number", .string(decree.number)), ("date", .string(decree.date)), ("title", .string(decree.title))])),
        ]
        if let officeHours {
            pairs.append(("office_hours", .object(OfficeHoursFile.dayNames.enumerated().compactMap { i, day in
                officeHours.days[i].isEmpty ? nil : (day, .array(officeHours.days[i].map(OrderedJSON.string)))
            })))
        }
        if let notes { pairs.append(("notes", .array(notes.map(OrderedJSON.string)))) }
        pairs.append(("services", .array(services.map(\.orderedJSON))))
        return .object(pairs)
    }
}

extension ServiceFile {
    var orderedJSON: OrderedJSON {
        var pairs: [(String, OrderedJSON)] = [("code", .string(code)), ("name", .string(name))]
        if let promise {
            var p: [(String, OrderedJSON)] = [("text", .string(promise.text))]
            p.append(("variants", .array(promise.variants.map { v in
                var o: [(String, OrderedJSON)] = []
                if let n = v.name { o.append(("name", .string(n))) }
                o += [("amount", .int(v.amount)), ("unit", .string(v.unit))]
                if let lb = v.lowerBound { o.append(("lower_bound", .int(lb))) }
                return .object(o)
            })))
            if let d = promise.defaultVariant { p.append(("default_variant", .string(d))) }
            if let r = promise.noPromiseReason { p.append(("no_promise_reason", .string(r))) }
            pairs.append(("promise", .object(p)))
        }
        if let population {
            pairs.append(("population", .object(population.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        }
        pairs.append(("components", .array(components.map {
            .object([("key", .string($0.key)), ("heading", .string($0.heading)), ("text", .string($0.text))])
        })))
        return .object(pairs)
    }
}
