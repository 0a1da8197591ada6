import Foundation
import Hummingbird
import SKMDomain
import SKMPages
import SKMReports
import SKMStorage

/// An office's published SKM results, `GET /p/{agency}`: open to anyone, for agencies that
/// turned publication on (`skm publish --agency X --on`); 404 otherwise. `?period=` picks a
/// finished period (`2025-S1`, `2025-03`, `previous-quarter`, …; default the latest finished
/// semester), `?lang=en` English.
///
/// The figures come from `ReportPipeline.publicResults`, a report built for publication, and
/// the page is built on the report pool like a report download (it reads as much).
enum PublicResultsRoutes {
    static func register(on table: RouteTable, services s: APIServices) {
        table.open(.get, "/p/:agency") { request, context in await page(request, context, s) }
    }

    static func page(_ request: Request, _ context: APIContext, _ s: APIServices) async -> Response {
        let query = Reply.query(request), l = PageLanguage(query: query["lang"])
        do {
            guard let code = context.parameters.get("agency"),
                  let agency = try await s.work.run({ () -> Agency? in
                      guard try s.store.publishedAgencies().contains(code) else { return nil }
                      return try s.store.agencies().first { $0.code == code }
                  }) else {
                return SurveyFormRoutes.html(notFound(l).render(), status: .notFound)
            }
            let now = Int64(Date().timeIntervalSince1970)
            let today = agency.timeZone.local(now).date
            let span = try await s.work.run { try s.figures.cache?.dataSpan(agency: code, store: s.store) ?? s.store.dataSpan(agency: code) }
            let period: Period
            if let asked = query["period"], !asked.isEmpty {
                guard let spec = PeriodSpec(parsing: asked) else {
                    return SurveyFormRoutes.html(periodPage(l, unknown: true).render(), status: .badRequest)
                }
                period = spec.resolved(on: today)
                // Only periods that have ended: a running one would publish figures that change
                // by the hour and may rest on a handful of respondents.
                guard period.end < today else {
                    return SurveyFormRoutes.html(periodPage(l, unknown: false).render(), status: .notFound)
                }
            } else {
                period = PublicResults.defaultPeriod(today: today, lastData: span?.1)
            }
            let results = try await s.reports.run { try figures(agency, period, span: span, now: now, s) }
            let page = PublicResultsPage(results: results, language: l, path: "/p/" + HTML.percent(code)).render()
            var r = SurveyFormRoutes.html(page)
            // Figures of a finished period change only with late imports: a short cache is safe.
            r.headers[.cacheControl] = "public, max-age=300"
            return r
        } catch let p as Problem where p.statusCode == 503 {
            var r = SurveyFormRoutes.html(PlainPage(language: l, heading: l.pick("Server sedang sibuk", "The server is busy"),
                                                    text: l.pick("Silakan coba lagi sebentar lagi.", "Please try again shortly.")).render(),
                                          status: .serviceUnavailable)
            r.headers[.retryAfter] = p.retryAfter.map(String.init)
            return r
        } catch {
            context.logger.error("public results page failed", metadata: ["error": "\(String(reflecting: error))"])
            let p = PlainPage(language: l, heading: l.pick("Terjadi kesalahan", "Something went wrong"),
                              text: l.pick("Silakan coba lagi sebentar lagi (kode \(context.requestID)).",
                                           "Please try again shortly (code \(context.requestID))."))
            return SurveyFormRoutes.html(p.render(), status: .internalServerError)
        }
    }

    /// The page's figures, kept in the server's `FiguresCache` while nothing they read changes:
    /// the day of calculation and the first day with data (where the trend stops) are part of
    /// the key; a kiosk's submission, dated today, reaches no finished period's days. The period
    /// picker is laid out again per visit from the span: the day's first submission moves its
    /// last day, which must not cost a recomputation of every kept page.
    static func figures(_ agency: Agency, _ period: Period, span: (LocalDate, LocalDate)?, now: Int64,
                        _ s: APIServices) throws -> PublicResults {
        let pipeline = ReportPipeline(store: s.store, options: publicOptions)
        guard let cache = s.figures.cache else { return try pipeline.publicResults(agency: agency, period: period, now: now, span: span) }
        let today = agency.timeZone.local(now).date
        let detail = [period.description, today.description, span.map { "\($0.0)" } ?? "-"].joined(separator: "|")
        var results = try cache.figures(.init(route: "page", agency: agency.code, detail: detail), store: s.store,
                                        through: period.end, now: now) {
            let r = try pipeline.publicResults(agency: agency, period: period, now: now, span: span)
            return .init(value: r, until: r.report.statusesChangeAt)
        }
        results.periods = span.map { PublicResults.pickable(first: $0.0, last: $0.1, today: today) } ?? []
        return results
    }

    static var publicOptions: ReportOptions {
        var o = ReportOptions()
        o.generatedBy = "skm serve"
        o.forPublication = true
        return o
    }

    static func notFound(_ l: PageLanguage) -> PlainPage {
        PlainPage(language: l, heading: l.pick("Halaman tidak ditemukan", "Page not found"),
                  text: l.pick("Hasil survei kantor ini belum dipublikasikan.", "This office has not published its survey results."))
    }

    static func periodPage(_ l: PageLanguage, unknown: Bool) -> PlainPage {
        PlainPage(language: l, heading: l.pick("Periode tidak tersedia", "Period not available"),
                  text: unknown
                      ? l.pick("Tulis periode seperti 2025-S1, 2025-Q2, 2025-03 atau 2025.", "Write a period like 2025-S1, 2025-Q2, 2025-03 or 2025.")
                      : l.pick("Hasil hanya dipublikasikan untuk periode yang sudah selesai.", "Results are published only for periods that have ended."))
    }
}
