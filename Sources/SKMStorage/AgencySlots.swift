import Foundation

/// The agencies one import batch meets, each given a slot (0, 1, …) in the order met and
/// recognised by the bytes of its code: no `String` is built or hashed per row.
///
/// Why not "same agency as the previous row": a province's file (and `skm bench`'s)
/// interleaves its agencies row by row, and then a String per row was a fifth of PostgreSQL's
/// COPY writer in `perf` (docs/scaling.md). Used per row by `ChangedDays` and by that writer.
public struct AgencySlots: Sendable {
    private var codes: [[UInt8]] = []
    private var lastSlot = 0

    public init() {}

    public var isEmpty: Bool { codes.isEmpty }

    /// The slot of the agency whose code is `p`, if met: the last one found first, then each in
    /// turn (a file names a handful of agencies, a province's a few hundred at most).
    public mutating func slot(of p: UnsafeRawBufferPointer) -> Int? {
        func same(_ code: [UInt8]) -> Bool {
            code.count == p.count && code.withUnsafeBytes { p.count == 0 || memcmp($0.baseAddress!, p.baseAddress!, p.count) == 0 }
        }
        if lastSlot < codes.count, same(codes[lastSlot]) { return lastSlot }
        for (i, code) in codes.enumerated() where same(code) {
            lastSlot = i
            return i
        }
        return nil
    }

    /// A slot for `code`, which `slot(of:)` did not find.
    public mutating func add<C: Collection>(_ code: C) -> Int where C.Element == UInt8 {
        codes.append(Array(code))
        lastSlot = codes.count - 1
        return lastSlot
    }

    /// The agency code of `slot`.
    public func code(_ slot: Int) -> String { String(decoding: codes[slot], as: UTF8.self) }
}
