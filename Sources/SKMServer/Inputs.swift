import Foundation
import Hummingbird
import NIOCore

/// One survey response as a kiosk or web form posts it. Keys are snake_case as documented in
/// `docs/openapi.yaml`; answers are in the question order of `layout` (default: the
/// regulation's unsur order), each 1–4 or null for an unanswered question.
struct ResponseInput: Decodable, Sendable {
    var id: String?
    var service: String
    var date: String
    var answers: [Int?]
    var method: String?
    var layout: String?
    var profile: ProfileInput?
    var saran: String?
    var transactionId: String?

    enum CodingKeys: String, CodingKey {
        case id, service, date, answers, method, layout, profile, saran, transactionId = "transaction_id"
    }
}

/// *Profil responden*: categories only; nothing that names a person is accepted.
struct ProfileInput: Decodable, Sendable {
    var gender: String?
    var age: Int?
    var education: String?
    var occupation: String?
}

struct ResponseBatchInput: Decodable, Sendable { var responses: [ResponseInput] }

/// One service request as an office's system posts it. Times are ISO 8601 with an explicit
/// offset (`2024-03-04T08:15:00+07:00`), so nothing depends on the server's time zone.
struct TransactionInput: Decodable, Sendable {
    var id: String
    var service: String
    var receivedAt: String
    var finishedAt: String?
    var variant: String?
    var channel: String?
    var pauses: [PauseInput]?

    enum CodingKeys: String, CodingKey {
        case id, service, variant, channel, pauses, receivedAt = "received_at", finishedAt = "finished_at"
    }
}

struct PauseInput: Decodable, Sendable { var start: String; var end: String }

struct TransactionBatchInput: Decodable, Sendable { var transactions: [TransactionInput] }

struct FinishInput: Decodable, Sendable {
    var finishedAt: String
    enum CodingKeys: String, CodingKey { case finishedAt = "finished_at" }
}

/// Reading request bodies: size-limited, content-type checked, and decoding errors turned
/// into problems that name the field by its JSON path.
enum InputDecoding {
    /// Collects at most `limit` bytes (413 beyond, announced or not) of a JSON body.
    static func json<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = BodyLimit.json) async throws -> T {
        try requireMediaType(request, accepting: ["json"])
        let buffer = try await collect(request, limit: limit)
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem(.tooLarge, detail: "The body is \(length) bytes; this endpoint accepts at most \(limit).")
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw Problem(.tooLarge, detail: "The body is larger than the \(limit) bytes this endpoint accepts.")
        }
    }

    /// A missing Content-Type is tolerated (curl without -H); a wrong one is refused.
    static func requireMediaType(_ request: Request, accepting: [String]) throws {
        guard let ct = request.headers[.contentType]?.lowercased() else { return }
        guard accepting.contains(where: { ct.contains($0) }) else {
            throw Problem(.unsupportedMediaType, detail: "Content-Type '\(ct)' is not accepted here; send \(accepting.joined(separator: " or ")).")
        }
    }

    /// 400 for a body that is not JSON at all, 422 naming the field for a wrong or missing value.
    static func problem(_ error: DecodingError) -> Problem {
        switch error {
        case let .keyNotFound(key, ctx):
            return Problem(.invalidField, detail: "Required field '\(key.stringValue)' is missing.",
                           field: path(ctx.codingPath + [key]))
        case let .valueNotFound(type, ctx):
            return Problem(.invalidField, detail: "Expected \(describe(type)), found null.", field: path(ctx.codingPath))
        case let .typeMismatch(type, ctx):
            return Problem(.invalidField, detail: "Expected \(describe(type)).", field: path(ctx.codingPath))
        case let .dataCorrupted(ctx) where !ctx.codingPath.isEmpty:
            return Problem(.invalidField, detail: "Invalid value: \(ctx.debugDescription)", field: path(ctx.codingPath))
        case let .dataCorrupted(ctx):
            return Problem(.malformed, detail: "The body is not valid JSON: \(ctx.underlyingError.map { "\($0)" } ?? ctx.debugDescription)")
        @unknown default:
            return Problem(.malformed, detail: "The body could not be read: \(error)")
        }
    }

    /// `responses[2].answers[4]` from a coding path.
    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for k in keys {
            if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
        }
        return out
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int?.Type: "an integer"
        case is String.Type, is String?.Type: "a string"
        default: "a value of type \(type)"
        }
    }
}
