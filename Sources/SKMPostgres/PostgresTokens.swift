import Foundation
import PostgresNIO
import SKMStorage

/// Tokens and kiosks, as SQLite's (Tokens.swift, KioskLayout.swift): only the SHA-256 of a
/// secret is stored; use is recorded at most once a minute per token, in the shared table,
/// so every server process sees it.
extension PostgresStore {
    private static let tokenColumns = "id, agency, role, label, created_at, revoked_at, expires_at, last_used_at"

    public func createToken(agency: String, role: TokenRole, label: String?, expiresAt: Int64?, now: Int64) throws
        -> (secret: String, token: APIToken) {
        let secret = TokenSecret.generate()
        let id: Int64 = try write { s in
            try s.requireAgency(agency)
            return try s.rows("""
                INSERT INTO api_token (secret_sha256, agency, role, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
                RETURNING id
                """, [Bind.text(TokenSecret.hash(secret)), Bind.text(agency), Bind.text(role.rawValue), Bind.text(label),
                      Bind.int(now), Bind.int(expiresAt)])[0].integer(0)
        }
        return (secret, APIToken(id: id, agency: agency, role: role, label: label, createdAt: now, revokedAt: nil,
                                 expiresAt: expiresAt, lastUsedAt: nil))
    }

    public func token(secret: String, now: Int64) throws -> APIToken? {
        try read { s in
            try s.rows("""
                SELECT \(Self.tokenColumns) FROM api_token
                WHERE secret_sha256 = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
                """, [Bind.text(TokenSecret.hash(secret)), Bind.int(now)]).first.map(Self.apiToken)
        }
    }

    public func authenticate(secret: String, now: Int64) throws -> APIToken? {
        guard var token = try token(secret: secret, now: now) else { return nil }
        if let last = token.lastUsedAt, now - last < TokenSecret.lastUseResolution { return token }
        _ = try read { s in try s.execute("UPDATE api_token SET last_used_at = $1 WHERE id = $2", [Bind.int(now), Bind.int(token.id)]) }
        token.lastUsedAt = now
        return token
    }

    public func tokens(agency: String?) throws -> [APIToken] {
        try read { s in
            try s.rows("SELECT \(Self.tokenColumns) FROM api_token WHERE $1::text IS NULL OR agency = $1 ORDER BY id",
                       [Bind.text(agency)]).map(Self.apiToken)
        }
    }

    public func revokeToken(id: Int64, now: Int64) throws -> Bool {
        try read { s in
            try s.execute("UPDATE api_token SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL", [Bind.int(now), Bind.int(id)]) > 0
        }
    }

    public func setKiosk(agency: String, open: Bool, now: Int64) throws {
        try write { s in
            if open {
                try s.requireAgency(agency)
                try s.execute("INSERT INTO kiosk_agency (agency, opened_at) VALUES ($1, $2) ON CONFLICT (agency) DO NOTHING",
                              [Bind.text(agency), Bind.int(now)])
            } else {
                try s.execute("DELETE FROM kiosk_agency WHERE agency = $1", [Bind.text(agency)])
            }
        }
    }

    public func kioskAgencies() throws -> Set<String> {
        try read { s in Set(try s.rows("SELECT agency FROM kiosk_agency").map { try $0.string(0) }) }
    }

    public func setKioskLayout(agency: String, layout: String) throws -> Bool {
        try read { s in
            try s.execute("UPDATE kiosk_agency SET layout = $1 WHERE agency = $2", [Bind.text(layout), Bind.text(agency)]) > 0
        }
    }

    public func kioskLayout(agency: String) throws -> String? {
        try read { s in try s.rows("SELECT layout FROM kiosk_agency WHERE agency = $1", [Bind.text(agency)]).first?.text(0) }
    }

    private static func apiToken(_ r: PostgresRandomAccessRow) throws -> APIToken {
        APIToken(id: try r.integer(0), agency: try r.string(1), role: TokenRole(rawValue: try r.string(2)) ?? .reader,
                 label: try r.text(3), createdAt: try r.integer(4), revokedAt: try r.int(5),
                 expiresAt: try r.int(6), lastUsedAt: try r.int(7))
    }
}
