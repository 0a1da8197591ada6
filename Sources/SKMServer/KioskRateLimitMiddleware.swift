import Hummingbird

/// Throttles token-free kiosk callers per agency and client address (429 with
/// `Retry-After`); token holders pass untouched. Sits inside `AgencyAccessMiddleware`, which
/// decides who is a kiosk.
struct KioskRateLimitMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let limiter: KioskRateLimiter
    /// The reverse proxy whose `X-Forwarded-For` names the client; nil: the peer is the client.
    let trustedProxy: String?

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        if case let .kiosk(agency) = context.caller,
           let wait = await limiter.take("\(agency)|\(ClientAddress.key(peer: context.clientAddress, headers: request.headers, trustedProxy: trustedProxy))") {
            throw Problem(.rateLimited, detail: "Too many survey submissions from this device; retry in \(wait) s.", retryAfter: wait)
        }
        return try await next(request, context)
    }
}
