import Foundation

/// Databases made and dropped beside the one an address names, on the same server: a fresh
/// database per `skm bench` run and per test, so that neither ever touches the data of the
/// database it was pointed at.
public enum PostgresAdmin {
    /// Creates database `name` (dropping one of that name first) and returns its address.
    public static func createDatabase(_ name: String, beside address: PostgresAddress) throws -> PostgresAddress {
        try checked(name)
        try ConnectionPool(address: address).withConnection { s in
            try s.execute("DROP DATABASE IF EXISTS \(name)")
            try s.execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")
        }
        var a = address
        a.database = name
        return a
    }

    public static func dropDatabase(_ name: String, beside address: PostgresAddress) throws {
        try checked(name)
        try ConnectionPool(address: address).withConnection { s in
            try s.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// Names are pasted into SQL (CREATE DATABASE takes no parameter): letters, digits, `_` only.
    private static func checked(_ name: String) throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw PostgresStoreError.badAddress(name, reason: "a database name of letters, digits and _ only")
        }
    }
}

extension PostgresAddress {
    /// The address as text, password included, for opening a store (`description` hides it).
    public var url: String {
        let auth = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
        let pass = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) } ?? ""
        if let socketDirectory {
            return "postgres://\(auth)\(pass)@/\(database)?host=\(socketDirectory)" + (port == 5432 ? "" : "&port=\(port)")
        }
        return "postgres://\(auth)\(pass)@\(host ?? ""):\(port)/\(database)"
    }
}
