import GRDB
import GRDBSQLite

extension Database {
    /// Steps a GRDB-prepared statement through the C API, as the hot reads and the import
    /// writer do to skip GRDB's per-row cost: true for a row, false when done, SQLite's error
    /// (with its message) otherwise.
    @inline(__always) func stepRow(_ statement: OpaquePointer) throws -> Bool {
        let rc = sqlite3_step(statement)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(sqliteConnection)))
    }
}
