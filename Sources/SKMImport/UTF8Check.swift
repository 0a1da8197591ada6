/// Checks a part's bytes as UTF-8 while it streams past, chunk by chunk.
///
/// FoundationXML traps (SIGILL) on an attribute holding invalid UTF-8 before any delegate is
/// called (found by scripts/fuzz), so parts are checked before they reach XMLParser. Excel and
/// every writer we read write UTF-8.
struct UTF8Check {
    private var pending: [UInt8] = []

    /// False once the bytes so far cannot be UTF-8.
    mutating func add(_ chunk: some Collection<UInt8>) -> Bool {
        var bytes = pending
        bytes.append(contentsOf: chunk)
        // Keep back a sequence cut at the end of the chunk.
        var cut = bytes.count
        for back in stride(from: 1, through: min(4, bytes.count), by: 1) {  // an empty chunk too (fuzzed)
            let b = bytes[bytes.count - back]
            if b & 0xC0 == 0x80 { continue }
            let need = b < 0x80 ? 1 : b & 0xE0 == 0xC0 ? 2 : b & 0xF0 == 0xE0 ? 3 : b & 0xF8 == 0xF0 ? 4 : 1
            if need > back { cut = bytes.count - back }
            break
        }
        pending = Array(bytes[cut...])
        return String(validating: bytes[..<cut], as: UTF8.self) != nil
    }

    /// True when nothing is left half-read at the end.
    var finished: Bool { pending.isEmpty }
}
