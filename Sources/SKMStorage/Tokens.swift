import Crypto
import Foundation
import GRDB

/// What an API token may do. Every token belongs to one agency (*penyelenggara*) and sees
/// nothing of any other.
public enum TokenRole: String, Sendable, Codable, CaseIterable {
    /// Evaluation officer (*tim evaluasi*): posts responses and transactions, reads figures.
    case officer
    /// Dashboards and the head of office: reads figures and reports, writes nothing.
    case reader

    public var canWrite: Bool { self == .officer }
}

/// A stored API token. The secret itself is never stored, only its SHA-256, so a copy of the
/// store file does not hand out working credentials.
public struct APIToken: Sendable, Equatable, Codable {
    public var id: Int64
    public var agency: String
    public var role: TokenRole
    public var label: String?
    /// UTC seconds since 1970.
    public var createdAt: Int64
    public var revokedAt: Int64?
    /// From this instant on the token no longer authenticates; nil: never expires.
    public var expiresAt: Int64?
    /// When the token last authenticated a request, to the minute (see `Store.authenticate`).
    public var lastUsedAt: Int64?

    public init(id: Int64, agency: String, role: TokenRole, label: String?, createdAt: Int64, revokedAt: Int64?,
                expiresAt: Int64?, lastUsedAt: Int64?) {
        self.id = id
        self.agency = agency
        self.role = role
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }
}

/// Generating and hashing token secrets.
public enum TokenSecret {
    /// Prefix that makes a leaked token recognisable in logs and secret scanners.
    public static let prefix = "skm_"

    /// A new secret: the prefix and 32 random bytes in hex.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        return prefix + bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// The stored form of a secret: SHA-256 in lowercase hex, through swift-crypto. A fast
    /// hash is enough because secrets are 256 random bits, not passwords.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// How stale `lastUsedAt` may get: recording every use would turn each read into a write.
    public static let lastUseResolution: Int64 = 60
}

extension Store {
    /// Creates a token for an agency of the catalog and returns its secret, shown only once.
    public func createToken(agency: String, role: TokenRole, label: String? = nil, expiresAt: Int64? = nil,
                            now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> (secret: String, token: APIToken) {
        let secret = TokenSecret.generate()
        let id: Int64 = try writer.write { db in
            try db.requireAgency(agency)
            try db.execute(sql: """
                INSERT INTO api_token (secret_sha256, agency, role, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [TokenSecret.hash(secret), agency, role.rawValue, label, now, expiresAt])
            return db.lastInsertedRowID
        }
        return (secret, APIToken(id: id, agency: agency, role: role, label: label, createdAt: now, revokedAt: nil, expiresAt: expiresAt, lastUsedAt: nil))
    }

    /// The live token with this secret — not revoked, not expired at `now` — if any.
    public func token(secret: String, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> APIToken? {
        try writer.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM api_token WHERE secret_sha256 = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                """, arguments: [TokenSecret.hash(secret), now]).map(Self.apiToken)
        }
    }

    /// `token(secret:now:)` for a request: also records the use, at most once per
    /// `TokenSecret.lastUseResolution` seconds per token, so a busy dashboard's reads stay reads.
    public func authenticate(secret: String, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> APIToken? {
        guard var token = try token(secret: secret, now: now) else { return nil }
        if let last = token.lastUsedAt, now - last < TokenSecret.lastUseResolution { return token }
        try writer.write { db in
            try db.execute(sql: "UPDATE api_token SET last_used_at = ? WHERE id = ?", arguments: [now, token.id])
        }
        token.lastUsedAt = now
        return token
    }

    /// All tokens, or one agency's, oldest first (revoked ones included, for the audit trail).
    public func tokens(agency: String? = nil) throws -> [APIToken] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token WHERE ? IS NULL OR agency = ? ORDER BY id",
                             arguments: [agency, agency]).map(Self.apiToken)
        }
    }
    /// Revokes a token; false when there is no live token with that id.
    @discardableResult
    public func revokeToken(id: Int64, now: Int64 = Int64(Date().timeIntervalSince1970)) throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, id])
            return db.changesCount > 0
        }
    }

    /// Opens or closes token-free survey submission (kiosk mode) for an agency.
    public func setKiosk(agency: String, open: Bool, now: Int64 = Int64(Date().timeIntervalSince1970)) throws {
        try writer.write { db in
            if open {
                try db.requireAgency(agency)
                try db.execute(sql: "INSERT OR IGNORE INTO kiosk_agency (agency, opened_at) VALUES (?, ?)", arguments: [agency, now])
            } else {
                try db.execute(sql: "DELETE FROM kiosk_agency WHERE agency = ?", arguments: [agency])
            }
        }
    }

    /// Agencies whose survey submission is open without a token.
    public func kioskAgencies() throws -> Set<String> {
        try writer.read { db in Set(try String.fetchAll(db, sql: "SELECT agency FROM kiosk_agency")) }
    }

    private static func apiToken(_ row: Row) -> APIToken {
        APIToken(id: row["id"], agency: row["agency"], role: TokenRole(rawValue: row["role"]) ?? .reader,
                 label: row["label"], createdAt: row["created_at"], revokedAt: row["revoked_at"],
                 expiresAt: row["expires_at"], lastUsedAt: row["last_used_at"])
    }
}
