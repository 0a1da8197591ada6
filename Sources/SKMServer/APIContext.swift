import Foundation
import Hummingbird
import NIOCore
import Logging
import SKMStorage

/// The per-request context of the API: Hummingbird's core storage, plus what the middleware
/// learns about the caller before a handler runs.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, used to key the kiosk rate limit; nil in router tests.
    public let clientAddress: String?
    /// Set by `RequestIDMiddleware` (taken from `X-Request-Id` or generated).
    public var requestID = ""
    /// The bearer token's record, set by `AuthenticationMiddleware`; nil when none was sent.
    public var token: APIToken?
    /// Who may act on the route's agency, set by `AgencyAccessMiddleware`.
    public var caller: Caller?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The agency an agency route acts for, as authorized: handlers take it from here, so the
    /// wall is the middleware's alone. Outside an agency group it is an internal error.
    func agency() throws -> String {
        guard let caller else { throw Problem(.internalError, detail: "The route has no authorized agency.") }
        return caller.agency
    }

    /// Bodies are read explicitly with per-route limits (`BodyLimit`); this only caps what
    /// Hummingbird's own `decode` would accept.
    public var maxUploadSize: Int { BodyLimit.json }

    /// Sorted keys and snake_case, so responses are byte-stable and match the OpenAPI document.
    public var responseEncoder: JSONEncoder { APIJSON.encoder }
}

/// Request body limits: refused with 413 before anything is parsed or written.
public enum BodyLimit {
    public static let json = 1 << 20
    public static let csv = 20 << 20
}

/// The API's one JSON encoder configuration.
enum APIJSON {
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return e
    }
}
