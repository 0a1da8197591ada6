import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id — the caller's `X-Request-Id` when it is a sane token, else a new
/// one — puts it in the logger metadata as `request_id`, echoes it in the response, and writes
/// one structured access-log line per request.
///
/// Outermost middleware: it sees the final status, problem responses included.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = APIContext
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[Self.header].flatMap(Self.accept) ?? Self.generate()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        let start = DispatchTime.now().uptimeNanoseconds
        context.logger.debug("request started", metadata: ["method": .string(request.method.rawValue), "path": .string(request.uri.path)])
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ProblemMiddleware sits inside; this only catches what escapes it.
            response = ProblemMiddleware.problem(for: error, request: request, context: context).response(requestID: id)
        }
        response.headers[Self.header] = id
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .stringConvertible((ms * 10).rounded() / 10),
            "client": .string(context.clientAddress ?? "-"),
        ])
        return response
    }

    /// Accepts 1–128 characters of `[A-Za-z0-9._:-]`, so a caller cannot inject log lines.
    static func accept(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
              value.utf8.allSatisfy({ b in
                  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x3A || b == 0x2D
              }) else { return nil }
        return value
    }

    static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }
}
