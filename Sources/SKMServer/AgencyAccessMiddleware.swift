import Hummingbird
import SKMStorage

/// The wall between agencies: a `/v1/agencies/{agency}` route runs only for a token of that
/// agency with the role the route's `Access` asks, or — on kiosk routes — for no token while
/// the agency's kiosk is open. The caller goes on the context (`APIContext.caller`), and
/// handlers read the agency from there, never from the path.
///
/// 401 without a usable token, 403 for a token of another agency or a reader that writes.
struct AgencyAccessMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let access: Access
    let store: any SurveyStore
    let pool: BlockingPool

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let agency = context.parameters.get("agency") else {
            throw Problem(.noRoute, detail: "No agency in \(request.uri.path).")
        }
        var context = context
        context.caller = try await caller(agency: agency, token: context.token)
        return try await next(request, context)
    }

    func caller(agency: String, token: APIToken?) async throws -> Caller {
        if let token {
            guard token.agency == agency else {
                throw Problem(.forbidden, detail: "This token belongs to agency '\(token.agency)', not '\(agency)'.")
            }
            guard !access.needsOfficer || token.role.canWrite else {
                throw Problem(.forbidden, detail: "A \(token.role.rawValue) token cannot write; use an officer token.")
            }
            return .token(token)
        }
        let store = self.store
        guard access.kioskMayCall, try await pool.run({ try store.kioskAgencies().contains(agency) }) else {
            throw Problem.tokenRequired
        }
        return .kiosk(agency: agency)
    }
}
