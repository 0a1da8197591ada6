import Hummingbird

/// Routes outside any agency (`/v1/catalog`) that still need a token: no token is 401.
struct RequireTokenMiddleware: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard context.token != nil else { throw Problem.tokenRequired }
        return try await next(request, context)
    }
}

extension Problem {
    static var tokenRequired: Problem {
        Problem(.unauthenticated, detail: "Send 'Authorization: Bearer <token>' (create one with: skm token create).")
    }
}
