import Foundation

/// The repository's `seeds/` directory, found from this file's path so tests run from any
/// working directory.
enum Seeds {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dir = root.appendingPathComponent("seeds")

    static func decree(_ code: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent("decrees/\(code).txt"), encoding: .utf8)
    }

    static let agencyCodes = ["bengkulu-selatan", "musi-banyuasin", "tasikmalaya", "pekalongan", "karangasem"]

    /// A fresh temporary seeds directory with the given files (relative path → content).
    static func temporary(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-seeds-\(UUID().uuidString)")
        for (path, content) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }
}
