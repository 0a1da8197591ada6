import Foundation
import Hummingbird
import NIOCore
import SKMDomain
import SKMPages
import SKMStorage

/// The citizen's survey form, `GET`/`POST /s/{agency}` (pick the service) and
/// `/s/{agency}/{service}` (the QR code's target), for agencies whose kiosk is open.
///
/// HTML in, HTML out: these handlers never throw to the problem middleware; every outcome is a
/// page in the visitor's language. A stored form answers 303 to `?sent=1` (post/redirect/get).
enum SurveyFormRoutes {
    /// A form is a few hundred bytes plus the saran; anything near this is not a person typing.
    static let bodyLimit = 32 * 1024

    static func register(on table: RouteTable, services s: APIServices) {
        for path in ["/s/:agency", "/s/:agency/:service"] {
            table.open(.get, path) { request, context in await page(request, context, s, post: false) }
            table.open(.post, path) { request, context in await page(request, context, s, post: true) }
        }
    }

    /// What a request is about, once the agency's kiosk is known to be open.
    struct Target: Sendable {
        var agency: Agency
        var service: ServiceStandard?
        var path: String
        var language: PageLanguage
        var kiosk: Bool
        var layout: QuestionnaireLayout
    }

    static func page(_ request: Request, _ context: APIContext, _ s: APIServices, post: Bool) async -> Response {
        let query = Reply.query(request), language = PageLanguage(query: query["lang"])
        do {
            guard let t = try await target(request, context, s, language: language, kiosk: query["kiosk"] == "1") else {
                return html(PlainPage.notFound(language).render(), status: .notFound)
            }
            if post { return try await submit(request, context, s, t) }
            if query["sent"] == "1" {
                return html(ThankYouPage(officeName: t.agency.name, language: language, kiosk: t.kiosk, formPath: t.path).render())
            }
            return html(form(t, nonce: SurveyFormInput.newNonce(), state: SurveyFormState(service: t.service?.code)).render())
        } catch let p as Problem where p.statusCode == 503 {
            // The server is full (`BlockingPool`): a retry, not a failure.
            let page = PlainPage(language: language, heading: language.pick("Server sedang sibuk", "The server is busy"),
                                 text: language.pick("Silakan coba lagi sebentar lagi.", "Please try again shortly."))
            var r = html(page.render(), status: .serviceUnavailable)
            r.headers[.retryAfter] = p.retryAfter.map(String.init)
            return r
        } catch {
            context.logger.error("survey form failed", metadata: ["error": "\(String(reflecting: error))"])
            let p = PlainPage(language: language, heading: language.pick("Terjadi kesalahan", "Something went wrong"),
                              text: language.pick("Silakan coba lagi sebentar lagi (kode \(context.requestID)).",
                                                  "Please try again shortly (code \(context.requestID))."))
            return html(p.render(), status: .internalServerError)
        }
    }

    /// Nil (404) unless the agency exists, its kiosk is open and the named service is its own.
    static func target(_ request: Request, _ context: APIContext, _ s: APIServices, language: PageLanguage, kiosk: Bool) async throws -> Target? {
        guard let code = context.parameters.get("agency") else { return nil }
        let serviceCode = context.parameters.get("service")
        return try await s.work.run { () -> Target? in
            guard let layoutID = try s.submissions.store.kioskLayout(agency: code),
                  let agency = try s.submissions.store.agencies().first(where: { $0.code == code }) else { return nil }
            var service: ServiceStandard?
            if let serviceCode {
                guard let found = agency.service(serviceCode) else { return nil }
                service = found
            }
            let path = "/s/" + HTML.percent(code) + (serviceCode.map { "/" + HTML.percent($0) } ?? "")
            return Target(agency: agency, service: service, path: path, language: language, kiosk: kiosk, layout: layout(layoutID))
        }
    }

    /// The questionnaire order of the office's paper forms (skm token kiosk --layout); the
    /// form asks only PermenPANRB 14/2017, whose questions and labels it knows.
    static func layout(_ id: String) -> QuestionnaireLayout {
        QuestionnaireLayout.named(id).flatMap { $0.method == .permenPANRB14_2017 ? $0 : nil } ?? .regulationOrder
    }

    static func form(_ t: Target, nonce: String, state: SurveyFormState) -> SurveyFormPage {
        SurveyFormPage(officeName: t.agency.name, services: t.agency.services.map { .init(code: $0.code, name: $0.name) },
                       fixedService: t.service.map { .init(code: $0.code, name: $0.name) }, layout: t.layout,
                       language: t.language, kiosk: t.kiosk, path: t.path, nonce: nonce, state: state)
    }

    static func submit(_ request: Request, _ context: APIContext, _ s: APIServices, _ t: Target) async throws -> Response {
        let l = t.language
        if let ct = request.headers[.contentType]?.lowercased(), !ct.hasPrefix("application/x-www-form-urlencoded") {
            return html(PlainPage(language: l, heading: l.pick("Formulir tidak dapat dibaca", "The form could not be read"),
                                  text: l.pick("Kirim formulir dari halaman survei.", "Send the form from the survey page.")).render(),
                        status: .unsupportedMediaType)
        }
        let body: ByteBuffer
        do {
            body = try await InputDecoding.collect(request, limit: bodyLimit)
        } catch {
            return html(PlainPage(language: l, heading: l.pick("Formulir terlalu besar", "The form is too large"),
                                  text: l.pick("Persingkat saran Anda lalu kirim lagi.", "Shorten your suggestion and send it again.")).render(),
                        status: .contentTooLarge)
        }
        let input = SurveyFormInput(fields: FormBody.parse(body.readableBytesView), agency: t.agency,
                                    fixedService: t.service?.code, layout: t.layout)
        let thanks = redirect(SurveyLink.url(t.path, language: l, kiosk: t.kiosk, extra: [("sent", "1")]))
        // Only software fills the hidden field: it is told "thank you" and nothing is stored.
        if input.honeypotFilled { return thanks }
        let key = "\(t.agency.code)|\(ClientAddress.key(peer: context.clientAddress, headers: request.headers, trustedProxy: s.trustedProxy))"
        if let wait = await s.limiter.take(key) {
            var state = input.state
            state.problems = ["form": .rateLimited(seconds: wait)]
            var r = html(form(t, nonce: input.nonce ?? SurveyFormInput.newNonce(), state: state).render(), status: .tooManyRequests)
            r.headers[.retryAfter] = String(wait)
            return r
        }
        let date = t.agency.timeZone.local(Int64(Date().timeIntervalSince1970)).date
        guard let response = input.response(date: date, method: t.layout.method) else {
            return html(form(t, nonce: input.nonce ?? SurveyFormInput.newNonce(), state: input.state).render(), status: .unprocessableContent)
        }
        do {
            let source = "form:\(context.requestID)"
            _ = try await s.work.run { try s.submissions.submitResponses(agency: t.agency.code, [response], batched: false, source: source) }
            return thanks
        } catch let p as Problem where p.status == 409 {
            // The same form was already stored (its nonce is the response id) with other
            // answers: the first submission stands, as it was acknowledged.
            return thanks
        } catch let p as Problem where p.status == 422 {
            var state = input.state
            state.problems[formField(p.field)] = .refused(p.detail)
            return html(form(t, nonce: input.nonce!, state: state).render(), status: .unprocessableContent)
        }
    }

    /// The form's field for a JSON field the store's validation named.
    static func formField(_ jsonField: String?) -> String {
        switch jsonField ?? "" {
        case "service": "service"
        case "saran": "saran"
        case "transaction_id": "ticket"
        case let f where f.hasPrefix("profile."): String(f.dropFirst("profile.".count))
        default: "form"
        }
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8",
            // Each form carries its own nonce: a cached copy would make two people one response.
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
        ], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
