import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SKMDomain

/// Turns every error a handler throws into a problem response, so clients never see
/// Hummingbird's own error shape or a stack trace. Unexpected errors are logged, not shown.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIContext
    /// Every route as (method, `/v1/agencies/{agency}/…`), to tell 404 from 405.
    var routes: [(method: HTTPRequest.Method, path: String)] = []

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.problem(for: error, request: request, context: context)
            if problem.statusCode == 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var allowed: [String] = []
            if problem.type == "/problems/no-route" {
                allowed = Self.allowed(routes, request.uri.path)
                if !allowed.isEmpty {
                    problem = Problem(.methodNotAllowed, detail: "\(request.method) is not allowed on \(request.uri.path); use \(allowed.joined(separator: ", ")).")
                }
            }
            var response = try problem.response(from: request, context: context)
            if !allowed.isEmpty { response.headers[.allow] = allowed.joined(separator: ", ") }
            return response
        }
    }

    /// The methods of the routes the router would pick for `path`: a literal segment wins over
    /// a `{parameter}` one (`/transactions/batch` is POST only, never the PATCH of
    /// `/transactions/{id}`), so only the most literal matches count.
    static func allowed(_ routes: [(method: HTTPRequest.Method, path: String)], _ path: String) -> [String] {
        let fitting = routes.filter { matches($0.path, path) }
        func literals(_ p: String) -> Int { p.split(separator: "/").filter { !$0.hasPrefix("{") }.count }
        guard let best = fitting.map({ literals($0.path) }).max() else { return [] }
        return fitting.filter { literals($0.path) == best }.map(\.method.rawValue)
    }

    /// Whether a concrete path fits a route pattern (`{name}` matches one non-empty segment).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = pattern.split(separator: "/"), s = path.split(separator: "/")
        return p.count == s.count && zip(p, s).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    static func problem(for error: any Error, request: Request, context: APIContext) -> Problem {
        switch error {
        case let p as Problem:
            return p
        case let d as DecodingError:
            return InputDecoding.problem(d)
        case let c as CalendarError:
            // The store lacks the holiday calendar the period needs: not the caller's mistake,
            // but nothing can be judged until it is loaded.
            return Problem(.conflict, detail: c.description, field: "period")
        case is NIOTooManyBytesError:
            return Problem(.tooLarge, detail: "The request body is larger than this endpoint accepts.")
        case let h as HTTPError:
            switch h.status.code {
            case 404 where context.endpointPath == "NotFound" || context.endpointPath == nil:
                return Problem(.noRoute, detail: "No route for \(request.method) \(request.uri.path); see GET /openapi.yaml.")
            case 405:
                return Problem(.methodNotAllowed, detail: "\(request.method) is not allowed on \(request.uri.path).")
            case 413:
                return Problem(.tooLarge, detail: "The request body is larger than this endpoint accepts.")
            case 400..<500:
                var p = Problem(.malformed, detail: h.body ?? h.status.reasonPhrase)
                p.statusCode = h.status.code
                return p
            default:
                return Problem(.internalError, detail: "The server failed to answer (request id \(context.requestID)).")
            }
        default:
            return Problem(.internalError, detail: "The server failed to answer (request id \(context.requestID)).")
        }
    }
}

