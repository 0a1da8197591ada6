import Foundation
import Hummingbird
import SKMStorage

/// Who is calling, once authenticated.
public enum Caller: Sendable, Equatable {
    /// A bearer token of one agency.
    case token(APIToken)
    /// No token, on an agency whose kiosk submission is open.
    case kiosk(agency: String)
}

/// What a route needs from its caller.
public enum Access: Sendable {
    /// Figures, catalog, reports: any token of the agency.
    case read
    /// Posting or updating data: an officer token of the agency.
    case write
    /// Posting one survey response: an officer token, or nothing at all when the agency's
    /// kiosk is open (then rate-limited per agency and client address).
    case kioskSubmit
    /// Reading the agency's service list to draw a survey form: any token, or nothing when
    /// the agency's kiosk is open.
    case kioskRead
}

/// Checks `Authorization: Bearer …` against the store's token digests and the agency scope.
///
/// 401 without a usable token, 403 for a token of another agency or a reader that writes,
/// 429 when an open kiosk posts faster than its bucket allows.
public struct Authenticator: Sendable {
    public let store: Store
    public let limiter: KioskRateLimiter

    public init(store: Store, limiter: KioskRateLimiter) {
        self.store = store
        self.limiter = limiter
    }

    public func authorize(_ request: Request, context: APIContext, agency: String?, access: Access) async throws -> Caller {
        if let secret = try Self.bearer(request) {
            guard let token = try await Blocking.run({ try store.token(secret: secret) }) else {
                throw Problem(.unauthenticated, detail: "The bearer token is unknown or revoked.")
            }
            if let agency, token.agency != agency {
                throw Problem(.forbidden, detail: "This token belongs to agency '\(token.agency)', not '\(agency)'.")
            }
            switch access {
            case .write where !token.role.canWrite, .kioskSubmit where !token.role.canWrite:
                throw Problem(.forbidden, detail: "A \(token.role.rawValue) token cannot write; use an officer token.")
            default:
                return .token(token)
            }
        }
        guard let agency, access == .kioskSubmit || access == .kioskRead,
              try await Blocking.run({ try store.kioskAgencies().contains(agency) }) else {
            throw Problem(.unauthenticated, detail: "Send 'Authorization: Bearer <token>' (create one with: skm token create).")
        }
        if access == .kioskSubmit, let wait = await limiter.take("\(agency)|\(context.clientAddress ?? "-")") {
            throw Problem(.rateLimited, detail: "Too many survey submissions from this device; retry in \(wait) s.", retryAfter: wait)
        }
        return .kiosk(agency: agency)
    }

    /// The token of an `Authorization: Bearer` header; nil without the header. Any other
    /// scheme is refused rather than ignored, so a misconfigured client is told why.
    static func bearer(_ request: Request) throws -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        let token = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard parts.count == 2, parts[0].lowercased() == "bearer", !token.isEmpty else {
            throw Problem(.unauthenticated, detail: "The Authorization header must be 'Bearer <token>'.")
        }
        return token
    }
}
