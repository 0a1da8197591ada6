import Foundation
import HTTPTypes
import SKMStorage

/// Helpers for the survey-form tests: posting a form, reading its nonce, reading a row back.
extension Client {
    func postForm(_ uri: String, _ fields: [(String, String)], headers extra: HTTPFields = [:]) async throws -> Reply {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await send(.post, uri, raw: body, headers: headers)
    }
}

func formEncode(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
}

/// The `value` of the hidden `nonce` input of a form page.
func nonce(in page: String) -> String? {
    guard let r = page.range(of: #"name="nonce" value=""#) else { return nil }
    return String(page[r.upperBound...].prefix(32))
}

/// Answers by unsur code: U1=4, U2=3, U3=2, U4=1, U5=4, … (distinct per position, so a
/// misplaced answer shows).
let sampleAnswers: [(String, String)] = (1...9).map { ("U\($0)", String(4 - (($0 - 1) % 4))) }

/// One stored response's columns, straight from SQL.
func storedResponse(_ store: Store, id: String) throws -> [String: QueryValue]? {
    let r = try store.query(sql: "SELECT service, answers, gender, age, education, occupation, saran, transaction_id FROM response WHERE agency = 'lebong' AND id = :id",
                            arguments: ["id": .text(id)])
    guard let row = r.rows.first else { return nil }
    return Dictionary(uniqueKeysWithValues: zip(r.columns, row))
}

func responseCount(_ store: Store) throws -> Int {
    guard case let .integer(n) = try store.query(sql: "SELECT count(*) FROM response", arguments: [:]).rows[0][0] else { return -1 }
    return Int(n)
}
