import GRDB

extension ImportWriter {
    /// Ids that id-less survey rows were stored under before each row of a file got an id of
    /// its own: `h` and a hex content hash, as `agency` + U+001F + id. Read per agency as a
    /// key range of the primary key, so a store without such rows answers at once.
    public func legacyContentIDs(agencies: [String]) throws -> Set<String> {
        var out: Set<String> = []
        for agency in agencies {
            let ids = try String.fetchAll(db, sql: "SELECT id FROM response WHERE agency = ? AND id >= 'h' AND id < 'i'",
                                          arguments: [agency])
            for id in ids where id.count <= 17 && id.dropFirst().allSatisfy(\.isHexDigit) {
                out.insert(agency + "\u{1F}" + id)
            }
        }
        return out
    }
}
