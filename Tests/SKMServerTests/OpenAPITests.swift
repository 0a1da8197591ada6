import Foundation
import SKMServer
import SKMStorage
import Testing

/// The OpenAPI document describes exactly the routes the router serves, and the copy kept in
/// the repo is the one the server serves.
@Suite struct OpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// (METHOD, /path) pairs under `paths:` of the YAML, read line by line: two-space keys are
    /// paths, four-space keys that are HTTP verbs are their operations.
    static func documentedOperations(_ yaml: String) -> Set<String> {
        var out: Set<String> = [], inPaths = false, path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inPaths = line == "paths:"; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "patch", "delete", "head"].contains(String(key)) { out.insert("\(key.uppercased()) \(path)") }
            }
        }
        return out
    }

    @Test func everyRouteIsDocumentedAndNothingElse() throws {
        // The survey form's and the published results' HTML pages (/s/…, /p/…) are for
        // browsers, not part of the JSON API.
        let routes = APIServer.router(services: APIServices(store: try Store())).routes
            .filter { !"\($0.path)".hasPrefix("/s/") && !"\($0.path)".hasPrefix("/p/") }
        let served = Set(routes.map { "\($0.method) \($0.path)" })
        let documented = Self.documentedOperations(OpenAPIDocument.yaml)
        #expect(routes.count == 15)
        #expect(served.subtracting(documented).isEmpty, "routes missing from the OpenAPI document")
        #expect(documented.subtracting(served).isEmpty, "documented operations the router does not serve")
    }

    @Test func repoCopyMatchesTheServedDocument() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(file == OpenAPIDocument.yaml + "\n", "regenerate: swift run skm serve --print-openapi > docs/openapi.yaml")
    }

    @Test func everyDocumentedProblemTypeExists() {
        for kind in Problem.Kind.allCases {
            #expect(OpenAPIDocument.yaml.contains("/problems/\(kind.rawValue)"), "\(kind)")
        }
    }

    @Test func everyRouteIsReachable() async throws {
        let w = try World()
        let routes = APIServer.router(services: w.services).routes.map { ($0.method, "\($0.path)") }
        try await w.test { c in
            for (method, path) in routes {
                let uri = path.replacingOccurrences(of: "{agency}", with: "lebong").replacingOccurrences(of: "{id}", with: "T-1")
                let reply = try await c.send(method, uri)
                #expect(reply.type != "/problems/no-route", "\(method) \(path)")
                #expect(reply.status != 500, "\(method) \(path)")
            }
        }
    }
}
