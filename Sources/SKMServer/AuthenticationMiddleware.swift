import Hummingbird
import SKMStorage

/// Resolves `Authorization: Bearer …` to a stored token and puts it on the context
/// (`APIContext.token`). A request without the header passes with no token — the agency's
/// access rule decides whether a kiosk may call; an unknown or revoked token, or another
/// scheme, is 401 here, before any route runs.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let store: any SurveyStore
    let pool: BlockingPool

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let secret = try Self.bearer(request) else { return try await next(request, context) }
        let store = self.store
        guard let token = try await pool.run({ try store.authenticate(secret: secret) }) else {
            throw Problem(.unauthenticated, detail: "The bearer token is unknown, revoked or expired.")
        }
        var context = context
        context.token = token
        return try await next(request, context)
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
