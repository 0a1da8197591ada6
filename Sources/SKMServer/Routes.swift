import Foundation
import Hummingbird
import SKMReports
import SKMStorage

/// Registers handlers on the router. (`Router.routes` lists them back; a test checks each one
/// against the OpenAPI document.)
struct RouteTable {
    let router: Router<APIContext>

    func on(_ method: HTTPRequest.Method, _ path: String,
            _ handler: @escaping @Sendable (Request, APIContext) async throws -> Response) {
        router.on(RouterPath(path), method: method, use: handler)
    }
}

/// The services the handlers call; all plain values that tests can build too.
public struct APIServices: Sendable {
    public var submissions: SubmissionService
    public var figures: FiguresService
    public var auth: Authenticator
    public var uploads: CSVUploadService
    /// Writes XLSX reports; nil answers format=xlsx with 501.
    public var workbook: ReportFiles.WorkbookWriter?
    /// The reverse proxy whose `X-Forwarded-For` names the client (skm serve --trusted-proxy).
    public var trustedProxy: String?

    public init(store: Store, compliance: ComplianceSource? = nil, complianceAsOf: (@Sendable (Int64) -> ComplianceSource)? = nil,
                kioskPolicy: KioskRateLimiter.Policy = .init(), limiter: KioskRateLimiter? = nil,
                workbook: ReportFiles.WorkbookWriter? = ReportFiles.xlsx) {
        submissions = SubmissionService(store: store)
        figures = FiguresService(store: store, compliance: compliance, complianceAsOf: complianceAsOf)
        auth = Authenticator(store: store, limiter: limiter ?? KioskRateLimiter(policy: kioskPolicy))
        uploads = CSVUploadService(store: store)
        self.workbook = workbook
    }
}

enum Reply {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try APIJSON.encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Streams a generated file and removes its directory afterwards.
    static func download(_ file: ReportFiles.File) throws -> Response {
        let handle = try FileHandle(forReadingFrom: file.url)
        let body = ResponseBody(contentLength: file.size) { writer in
            defer {
                try? handle.close()
                try? FileManager.default.removeItem(at: file.directory)
            }
            while let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: file.contentType,
            .contentDisposition: "attachment; filename=\"\(file.fileName)\"",
        ], body: body)
    }

    static func query(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in request.uri.queryParameters { out[String(k)] = String(v) }
        return out
    }

    /// A path parameter the route guarantees.
    static func param(_ context: APIContext, _ name: String) throws -> String {
        guard let v = context.parameters.get(name) else { throw Problem(.malformed, detail: "Missing path parameter '\(name)'.", field: name) }
        return v
    }

    /// The import batch's file name for API writes, traceable to the request log.
    static func source(_ context: APIContext, _ what: String) -> String { "api:\(what):\(context.requestID)" }
}
