import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SKMStorage
import Testing

/// Starts the built `skm` binary on a loopback port, talks real HTTP to it, and stops it with
/// SIGTERM, which must end it cleanly (exit 0).
@Suite(.serialized) struct LiveServerTests {
    /// `skm` sits in the build directory next to the test bundle.
    static func binary() throws -> URL {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates = [me.deletingLastPathComponent()]
        if me.pathExtension != "xctest" { candidates.append(me.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()) }
        candidates.append(OpenAPITests.root.appendingPathComponent(".build/debug"))
        for dir in candidates {
            let url = dir.appendingPathComponent("skm")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw Failure("skm binary not found near \(me.path); build it first (swift build)")
    }

    struct Failure: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }

    /// Runs `skm args…` to completion and returns its standard output.
    static func run(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = try binary()
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failure("skm \(args.joined(separator: " ")) exited \(p.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    static func http(_ method: String, _ url: URL, token: String? = nil, json: Any? = nil) async throws -> (Int, [String: Any], [AnyHashable: Any]) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response): (Data, URLResponse) = try await withCheckedThrowingContinuation { cont in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error { cont.resume(throwing: error) } else { cont.resume(returning: (data ?? Data(), response!)) }
            }.resume()
        }
        let http = response as! HTTPURLResponse
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (http.statusCode, body, http.allHeaderFields)
    }

    @Test func servesOverRealHTTPAndStopsOnSIGTERM() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("skm.sqlite").path
        try Store(path: path).saveCatalog(agencies: [World.lebong], holidays: [])

        let token = try Self.run(["token", "create", "--store", path, "--agency", "lebong", "--role", "officer"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("skm_"))
        _ = try Self.run(["token", "kiosk", "--store", path, "--agency", "lebong", "--open"])
        let list = try Self.run(["token", "list", "--store", path])
        #expect(list == "id\tagency\trole\tcreated\trevoked\texpires\tlast_used\tlabel\n" + "1\tlebong\tofficer\t"
            + list.split(separator: "\t")[10] + "\t-\tnever\t-\t\n")

        let server = try await LiveServer(store: path)
        let base = server.base

        let (healthStatus, health, _) = try await Self.http("GET", base.appendingPathComponent("health"))
        #expect(healthStatus == 200)
        #expect(health["status"] as? String == "ok")

        let response: [String: Any] = ["id": "live-1", "service": "kb", "date": "2024-02-10", "answers": Array(repeating: 4, count: 9)]
        let (postStatus, receipt, headers) = try await Self.http("POST", base.appendingPathComponent("v1/agencies/lebong/responses"),
                                                                 token: token, json: response)
        #expect(postStatus == 201)
        #expect(receipt["inserted"] as? Int == 1)
        #expect(headers.keys.contains { ($0 as? String)?.lowercased() == "x-request-id" })

        var kiosk = response
        kiosk["id"] = "live-kiosk"
        kiosk["answers"] = Array(repeating: 2, count: 9)
        let (kioskStatus, _, _) = try await Self.http("POST", base.appendingPathComponent("v1/agencies/lebong/responses"), json: kiosk)
        #expect(kioskStatus == 201)

        let (ikmStatus, ikm, _) = try await Self.http("GET", URL(string: "\(base.absoluteString)/v1/agencies/lebong/ikm?period=2024-S1")!, token: token)
        #expect(ikmStatus == 200)
        // One respondent of all 4s and one of all 2s: NRR 3 everywhere, IKM 75.00, mutu C.
        #expect((ikm["overall"] as? [String: Any])?["ikm_converted_rounded"] as? Double == 75)
        #expect((ikm["overall"] as? [String: Any])?["mutu"] as? String == "C")

        await server.terminate()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
    }

    /// SIGTERM while a request is half-sent: the server stops taking connections but finishes
    /// that request (swift-service-lifecycle's graceful shutdown), then exits 0.
    @Test func sigtermLetsAnInFlightRequestFinish() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("skm.sqlite").path
        let store = try Store(path: path)
        try store.saveCatalog(agencies: [World.lebong], holidays: [])
        let token = try store.createToken(agency: "lebong", role: .officer).secret

        let server = try await LiveServer(store: path, arguments: ["--log-level", "debug"])
        let body = #"{"id":"inflight-1","service":"kb","date":"2024-02-10","answers":[4,4,4,4,4,4,4,4,4]}"#
        let conn = try RawConnection(port: server.base.port!)
        try conn.send("POST /v1/agencies/lebong/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: inflight\r\n"
            + "Authorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n" + String(body.prefix(20)))
        // The handler is running and waiting for the rest of the body.
        try await server.waitForLog(#""request_id":"inflight""#)

        kill(server.process.processIdentifier, SIGTERM)
        try await server.waitForLog("Signal caught")
        try conn.send(String(body.dropFirst(20)))
        let reply = await Task.detached { conn.readAll() }.value
        #expect(reply.hasPrefix("HTTP/1.1 201"), "\(reply)")

        await server.terminate()
        #expect(server.process.terminationStatus == 0)
        #expect(try Store(path: path).responseTallies(agency: "lebong", period: .year(2024))["kb"]?.respondents == 1)
    }
}
