import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SKMDomain
import SKMStorage

/// An error answered as an RFC 9457 problem document (`application/problem+json`):
/// `{"type", "title", "status", "detail", "field"}`, `field` naming the offending input as a
/// JSON path (`answers[3]`, `responses[2].date`) or query parameter, null when none applies.
public struct Problem: Error, Sendable, Equatable, Encodable, CustomStringConvertible {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var field: String?
    /// Seconds to wait before retrying, sent as `Retry-After` (429 only).
    public var retryAfter: Int?
    /// The request's id (extension member), so a user can quote it to support.
    public var requestID: String?

    public init(_ kind: Kind, detail: String, field: String? = nil, retryAfter: Int? = nil) {
        type = "/problems/\(kind.rawValue)"
        title = kind.title
        status = kind.status
        self.detail = detail
        self.field = field
        self.retryAfter = retryAfter
    }

    /// The problem types the API answers with; each is listed in the OpenAPI document.
    public enum Kind: String, Sendable, CaseIterable {
        case malformed = "malformed-request"
        case invalidParameter = "invalid-parameter"
        case invalidField = "invalid-field"
        case unauthenticated
        case forbidden
        case notFound = "not-found"
        case noRoute = "no-route"
        case methodNotAllowed = "method-not-allowed"
        case conflict
        case tooLarge = "body-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case rateLimited = "rate-limited"
        case notImplemented = "not-implemented"
        case unavailable
        case internalError = "internal-error"

        var status: Int {
            switch self {
            case .malformed, .invalidParameter: 400
            case .invalidField: 422
            case .unauthenticated: 401
            case .forbidden: 403
            case .notFound, .noRoute: 404
            case .methodNotAllowed: 405
            case .conflict: 409
            case .tooLarge: 413
            case .unsupportedMediaType: 415
            case .rateLimited: 429
            case .notImplemented: 501
            case .unavailable: 503
            case .internalError: 500
            }
        }

        var title: String {
            switch self {
            case .malformed: "Malformed request"
            case .invalidParameter: "Invalid query parameter"
            case .invalidField: "Invalid field"
            case .unauthenticated: "Authentication required"
            case .forbidden: "Forbidden"
            case .notFound: "Not found"
            case .noRoute: "No such route"
            case .methodNotAllowed: "Method not allowed"
            case .conflict: "Conflict"
            case .tooLarge: "Request body too large"
            case .unsupportedMediaType: "Unsupported media type"
            case .rateLimited: "Too many requests"
            case .notImplemented: "Not implemented"
            case .unavailable: "Service unavailable"
            case .internalError: "Internal error"
            }
        }
    }

    public var description: String { "\(status) \(type): \(detail)" + (field.map { " [field \($0)]" } ?? "") }

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, field, requestId = "request_id" }

    /// Encodes `field` as null rather than omitting it, so every problem has the same shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(title, forKey: .title)
        try c.encode(status, forKey: .status)
        try c.encode(detail, forKey: .detail)
        try c.encode(field, forKey: .field)
        try c.encodeIfPresent(requestID, forKey: .requestId)
    }

    /// The problem response, with the request id for support calls.
    func response(requestID: String) -> Response {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var p = self
        p.requestID = requestID.isEmpty ? nil : requestID
        let body = (try? e.encode(p)) ?? Data(#"{"status":500}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if status == 401 { headers[.wwwAuthenticate] = #"Bearer realm="skm""# }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

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
            if problem.status == 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var allowed: [String] = []
            if problem.type == "/problems/no-route" {
                allowed = routes.filter { Self.matches($0.path, request.uri.path) }.map(\.method.rawValue)
                if !allowed.isEmpty {
                    problem = Problem(.methodNotAllowed, detail: "\(request.method) is not allowed on \(request.uri.path); use \(allowed.joined(separator: ", ")).")
                }
            }
            var response = problem.response(requestID: context.requestID)
            if !allowed.isEmpty { response.headers[.allow] = allowed.joined(separator: ", ") }
            return response
        }
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
                p.status = h.status.code
                return p
            default:
                return Problem(.internalError, detail: "The server failed to answer (request id \(context.requestID)).")
            }
        default:
            return Problem(.internalError, detail: "The server failed to answer (request id \(context.requestID)).")
        }
    }
}

extension Store {
    /// The agency of a URL's `{agency}`, or a 404 problem naming that field.
    func agencyOrNotFound(_ code: String) throws -> Agency {
        guard let a = try agencies().first(where: { $0.code == code }) else {
            throw Problem(.notFound, detail: "Unknown agency '\(code)'.", field: "agency")
        }
        return a
    }
}
