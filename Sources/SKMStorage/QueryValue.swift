import Foundation
import GRDB

/// One value of a query's parameters or results, as SQL types it: what crosses the store's
/// edge for ad-hoc SQL (`Store.query`), so no caller needs the driver's own value type.
public enum QueryValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ v: DatabaseValue) {
        switch v.storage {
        case .null: self = .null
        case let .int64(i): self = .integer(i)
        case let .double(d): self = .real(d)
        case let .string(s): self = .text(s)
        case let .blob(b): self = .text(b.base64EncodedString())
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .integer(i): i.databaseValue
        case let .real(d): d.databaseValue
        case let .text(s): s.databaseValue
        }
    }

    /// Full precision, as CSV and JSON carry it.
    public var description: String {
        switch self {
        case .null: ""
        case let .integer(i): String(i)
        case let .real(d): d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)"
        case let .text(s): s
        }
    }
}
