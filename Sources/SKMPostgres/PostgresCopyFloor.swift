import Foundation
import NIOCore
import PostgresNIO
import SKMStorage

extension PostgresStore {
    /// The server's own time to store `batches`, for `skm bench`: the rows written as COPY
    /// text to a file, then `COPY … FROM 'file'` run by the server, with no client sharing
    /// the machine's cores. The floor under any import on this machine (docs/performance.md).
    ///
    /// Empties the table first: for the bench's scratch database only. Nil when the server
    /// cannot read the file (not on this machine, or not a superuser as in scripts/postgres);
    /// any other failure is thrown, not taken for that.
    public func serverSideCopySeconds(kind: ImportWriter.Kind, batches: [EncodedRows]) throws -> TimeInterval? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skm-copy-floor-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])  // the server runs as another user
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(kind.table).copy")
        FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o644])
        let out = try FileHandle(forWritingTo: file)
        for rows in batches {
            var b = ByteBufferAllocator().buffer(capacity: rows.count * 160)
            for i in 0..<rows.count {
                CopyStream.write(rows, i, last: 0, into: &b)
                b.writeInteger(UInt8(ascii: "\n"))
            }
            out.write(Data(b.readableBytesView))
        }
        try out.close()
        let columns = PostgresImportWriter.columns(kind).joined(separator: ", ")
        return try read { s in
            try s.execute("TRUNCATE \(kind.table)")
            let started = Date()
            do {
                _ = try Blocking.wait(s.connection.query("COPY \(kind.table) (\(columns)) FROM '\(file.path)'", []))
            } catch let e as PSQLError where Self.cannotReadFile.contains(e.serverInfo?[.sqlState] ?? "") {
                return nil
            } catch {
                throw PostgresStoreError.statement("COPY FROM file", reason: PostgresSession.message(error))
            }
            return Date().timeIntervalSince(started)
        }
    }

    /// undefined_file (no such file where the server runs), insufficient_privilege (a role
    /// without pg_read_server_files).
    private static let cannotReadFile: Set<String> = ["58P01", "42501"]
}
