import Foundation
import Hummingbird
import SKMImport
import SKMStorage

/// The API's routes: each handler decodes, calls a service off the async pool, and encodes.
/// Who may call is the route group's business (`RouteTable`), and no business rule lives here.
enum Handlers {
    static func register(on table: RouteTable, services s: APIServices) {
        table.open(.get, "/health") { _, _ in try Reply.json(["status": "ok"]) }

        table.open(.get, "/ready") { _, _ in
            let count = try await s.work.run { try s.figures.store.agencies().count }
            guard count > 0 else {
                throw Problem(.unavailable, detail: "The store has no catalog; run skm init.")
            }
            return try Reply.json(Readiness(status: "ready", agencies: count))
        }

        table.open(.get, "/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }

        // MARK: Catalog

        table.anyToken(.get, "catalog") { _, context in
            guard let code = context.token?.agency else { throw Problem.tokenRequired }
            let agency = try await s.work.run { try s.figures.catalog(agency: code) }
            return try Reply.json(Catalog(agencies: [agency]))
        }

        table.agency(.kioskRead, .get, "") { _, context in
            let agency = try context.agency()
            return try Reply.json(try await s.work.run { try s.figures.catalog(agency: agency) })
        }

        // MARK: Responses

        table.agency(.kioskSubmit, .post, "responses") { request, context in
            let agency = try context.agency()
            let input = try await InputDecoding.json(ResponseInput.self, from: request)
            let source = Reply.source(context, "response")
            let receipt = try await s.work.run { try s.submissions.submitResponses(agency: agency, [input], batched: false, source: source) }
            return try Reply.json(receipt, status: receipt.inserted > 0 ? .created : .ok)
        }

        table.agency(.write, .post, "responses/batch") { request, context in
            let agency = try context.agency()
            let input = try await InputDecoding.json(ResponseBatchInput.self, from: request)
            let source = Reply.source(context, "responses")
            let receipt = try await s.work.run { try s.submissions.submitResponses(agency: agency, input.responses, batched: true, source: source) }
            return try Reply.json(receipt, status: receipt.inserted > 0 ? .created : .ok)
        }

        table.agency(.write, .post, "responses/csv") { request, context in
            try await csvUpload(.responses, request, context, s)
        }

        // MARK: Transactions

        table.agency(.write, .post, "transactions") { request, context in
            let agency = try context.agency()
            let input = try await InputDecoding.json(TransactionInput.self, from: request)
            let source = Reply.source(context, "transaction")
            let receipt = try await s.work.run { try s.submissions.submitTransactions(agency: agency, [input], batched: false, source: source) }
            return try Reply.json(receipt, status: receipt.inserted > 0 ? .created : .ok)
        }

        table.agency(.write, .post, "transactions/batch") { request, context in
            let agency = try context.agency()
            let input = try await InputDecoding.json(TransactionBatchInput.self, from: request)
            let source = Reply.source(context, "transactions")
            let receipt = try await s.work.run {
                try s.submissions.submitTransactions(agency: agency, input.transactions, batched: true, source: source)
            }
            return try Reply.json(receipt, status: receipt.inserted > 0 ? .created : .ok)
        }

        table.agency(.write, .post, "transactions/csv") { request, context in
            try await csvUpload(.transactions, request, context, s)
        }

        table.agency(.write, .patch, "transactions/:id") { request, context in
            let agency = try context.agency(), id = try Reply.param(context, "id")
            let input = try await InputDecoding.json(FinishInput.self, from: request)
            let source = Reply.source(context, "finish")
            return try Reply.json(try await s.work.run { try s.submissions.finish(agency: agency, id: id, input, source: source) })
        }

        // MARK: Figures and reports

        table.agency(.read, .get, "ikm") { request, context in
            let agency = try context.agency()
            let q = try FigureQuery(parameters: Reply.query(request))
            return try Reply.json(try await s.work.run { try s.figures.ikm(agency: agency, q) })
        }

        table.agency(.read, .get, "compliance") { request, context in
            let agency = try context.agency()
            let q = try FigureQuery(parameters: Reply.query(request))
            return try Reply.json(try await s.work.run { try s.figures.compliance(agency: agency, q) })
        }

        table.agency(.read, .get, "report") { request, context in
            let agency = try context.agency()
            let params = Reply.query(request)
            let q = try FigureQuery(parameters: params)
            let f = params["format"] ?? "json"
            guard let format = ReportFiles.Format(rawValue: f) else {
                throw Problem(.invalidParameter, detail: "Unknown format '\(f)'; use json or xlsx.", field: "format")
            }
            let lang = params["lang"] ?? "id"
            guard ["id", "en"].contains(lang) else {
                throw Problem(.invalidParameter, detail: "Unknown language '\(lang)'; use id or en.", field: "lang")
            }
            let file = try await s.reports.run {
                let (report, details) = try s.figures.reportForDownload(agency: agency, q)
                return try ReportFiles.write(report, details: details, format: format, language: lang)
            }
            return try Reply.download(file)
        }
    }

    private static func csvUpload(_ kind: ImportKind, _ request: Request, _ context: APIContext, _ s: APIServices) async throws -> Response {
        let agency = try context.agency()
        try InputDecoding.requireMediaType(request, accepting: ["csv", "text/plain"])
        let buffer = try await InputDecoding.collect(request, limit: BodyLimit.csv)
        let data = Data(buffer.readableBytesView), params = Reply.query(request), id = context.requestID
        let receipt = try await s.work.run { try s.uploads.upload(kind, agency: agency, csv: data, parameters: params, requestID: id) }
        return try Reply.json(receipt, status: receipt.counts.inserted > 0 ? .created : .ok)
    }

    struct Readiness: Encodable { var status: String; var agencies: Int }
    struct Catalog: Encodable { var agencies: [FiguresService.CatalogAgency] }
}
