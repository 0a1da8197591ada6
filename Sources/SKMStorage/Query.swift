import GRDB

extension Store {
    /// Runs one SQL statement read-only (a statement that writes fails) with its `:name`
    /// parameters bound from `arguments`, never pasted into the text. The rows in the order
    /// the statement gives them, with its column names. A statement the database refuses
    /// throws `StoreError.query` with the database's message.
    public func query(sql: String, arguments: [String: QueryValue]) throws -> (columns: [String], rows: [[QueryValue]]) {
        let args = StatementArguments(arguments.mapValues { $0.databaseValue as (any DatabaseValueConvertible)? })
        do {
            return try writer.read { db in
                let statement = try db.makeStatement(sql: sql)
                let columns = statement.columnNames
                var rows: [[QueryValue]] = []
                let cursor = try Row.fetchCursor(statement, arguments: args)
                while let row = try cursor.next() {
                    rows.append((0..<columns.count).map { QueryValue(row[$0] as DatabaseValue) })
                }
                return (columns, rows)
            }
        } catch let e as DatabaseError {
            throw StoreError.query(reason: e.message ?? "\(e)")
        }
    }
}
