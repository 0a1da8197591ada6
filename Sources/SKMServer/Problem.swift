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
    /// The HTTP status code (`status` in the body).
    public var statusCode: Int
    public var detail: String
    public var field: String?
    /// Seconds to wait before retrying, sent as `Retry-After` (429 only).
    public var retryAfter: Int?
    /// The request's id (extension member), so a user can quote it to support.
    public var requestID: String?

    public init(_ kind: Kind, detail: String, field: String? = nil, retryAfter: Int? = nil) {
        type = "/problems/\(kind.rawValue)"
        title = kind.title
        statusCode = kind.status
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
            case .unavailable: "Service unavailable"
            case .internalError: "Internal error"
            }
        }
    }

    public var description: String { "\(statusCode) \(type): \(detail)" + (field.map { " [field \($0)]" } ?? "") }

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, field, requestId = "request_id" }

    /// Encodes `field` as null rather than omitting it, so every problem has the same shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(title, forKey: .title)
        try c.encode(statusCode, forKey: .status)
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
        if statusCode == 401 { headers[.wwwAuthenticate] = #"Bearer realm="skm""# }
        return Response(status: .init(code: statusCode), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Problems render themselves: whatever throws one — a handler, a middleware, a service —
/// Hummingbird answers with this body, carrying the request id when the context has one.
extension Problem: HTTPResponseError {
    public var status: HTTPResponse.Status { .init(code: statusCode) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(requestID: (context as? APIContext)?.requestID ?? "")
    }
}

extension SurveyStore {
    /// The agency of a URL's `{agency}`, or a 404 problem naming that field.
    func agencyOrNotFound(_ code: String) throws -> Agency {
        guard let a = try agencies().first(where: { $0.code == code }) else {
            throw Problem(.notFound, detail: "Unknown agency '\(code)'.", field: "agency")
        }
        return a
    }
}
