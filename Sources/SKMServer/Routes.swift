import Foundation
import Hummingbird
import SKMReports
import SKMStorage

/// Where handlers are registered. An agency route can only be added through `agency(_:_:_:)`,
/// which puts it in the group of its `Access`: authentication, the agency wall and the kiosk
/// limit are the groups' middleware, so a new `/v1/agencies/{agency}/…` route is scoped
/// without a line in its handler. (`Router.routes` lists them back; a test checks each one
/// against the OpenAPI document and walks it with every kind of caller.)
struct RouteTable {
    typealias Handler = @Sendable (Request, APIContext) async throws -> Response
    let router: Router<APIContext>
    private let v1: RouterGroup<APIContext>
    private let groups: [Access: RouterGroup<APIContext>]

    init(router: Router<APIContext>, services: APIServices) {
        self.router = router
        v1 = router.group("v1").add(middleware: AuthenticationMiddleware(store: services.store, pool: services.work))
        let agencies = v1.group("agencies/:agency")
        var groups: [Access: RouterGroup<APIContext>] = [:]
        for access in Access.allCases {
            let g = agencies.group().add(middleware: AgencyAccessMiddleware(access: access, store: services.store, pool: services.work))
            if access == .kioskSubmit { g.add(middleware: KioskRateLimitMiddleware(limiter: services.limiter, trustedProxy: services.trustedProxy)) }
            groups[access] = g
        }
        self.groups = groups
    }

    /// A route anyone may call (`/health`, `/openapi.yaml`).
    func open(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method, use: handler)
    }

    /// A `/v1/…` route outside any agency: any valid token.
    func anyToken(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        v1.group().add(middleware: RequireTokenMiddleware()).on(RouterPath(path), method: method, use: handler)
    }

    /// A `/v1/agencies/{agency}/…` route (`path` relative to it, "" for the agency itself).
    func agency(_ access: Access, _ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        groups[access]!.on(RouterPath(path), method: method, use: handler)
    }
}

/// The services the handlers call; all plain values that tests can build too.
public struct APIServices: Sendable {
    public var submissions: SubmissionService
    public var figures: FiguresService
    public var store: any SurveyStore
    public var limiter: KioskRateLimiter
    public var uploads: CSVUploadService
    /// The reverse proxy whose `X-Forwarded-For` names the client (skm serve --trusted-proxy).
    public var trustedProxy: String?
    /// Where store reads and writes run, bounded (skm serve --blocking-threads, --blocking-queue).
    public var work = BlockingPool(.work, purpose: "store work")
    /// Where report downloads are generated, bounded apart (skm serve --report-threads, --report-queue).
    public var reports = BlockingPool(.reports, purpose: "report generation")

    /// `compliance` and `complianceAsOf` default to the store's own judgement
    /// (`StoreCompliance`), open transactions judged as of each request or of `as_of`; tests
    /// pass sources of their own.
    public init(store: any SurveyStore, compliance: ComplianceSource? = nil, complianceAsOf: (@Sendable (Int64) -> ComplianceSource)? = nil,
                kioskPolicy: KioskRateLimiter.Policy = .init(), limiter: KioskRateLimiter? = nil) {
        submissions = SubmissionService(store: store)
        figures = FiguresService(
            store: store,
            compliance: compliance ?? { agency, period in
                try StoreCompliance.compute(store: store, agency: agency, period: period, asOf: Int64(Date().timeIntervalSince1970))
            },
            complianceAsOf: complianceAsOf ?? { StoreCompliance.source(store: store, asOf: $0) },
            cache: compliance == nil && complianceAsOf == nil ? FiguresCache() : nil)
        self.store = store
        self.limiter = limiter ?? KioskRateLimiter(policy: kioskPolicy)
        uploads = CSVUploadService(store: store)
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

    /// A path parameter the route guarantees (other than `agency`: see `APIContext.agency()`).
    static func param(_ context: APIContext, _ name: String) throws -> String {
        guard let v = context.parameters.get(name) else { throw Problem(.malformed, detail: "Missing path parameter '\(name)'.", field: name) }
        return v
    }

    /// The import batch's file name for API writes, traceable to the request log.
    static func source(_ context: APIContext, _ what: String) -> String { "api:\(what):\(context.requestID)" }
}
