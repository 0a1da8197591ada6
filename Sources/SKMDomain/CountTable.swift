/// Counts per integer key: a hash table with open addressing and a multiplicative hash.
///
/// `QuantileHistogram` adds to one of these three times for every judged transaction, and as
/// a `Dictionary<Int, Int>` that was a tenth of `skm compliance`'s time on a million
/// transactions, most of it seeding and running SipHash. The keys are our own readings
/// (minutes, days, percent), not input an attacker picks, so a keyed hash buys nothing here.
struct CountTable: Sendable {
    private struct Slot { var key = 0, count = 0 }
    /// A slot is empty when its count is 0 (a key, once added, counts at least 1).
    private var slots: [Slot] = []
    /// Distinct keys.
    private(set) var distinct = 0

    init() {}

    /// Adds `n` (> 0) to the count of `key`.
    mutating func add(_ key: Int, _ n: Int = 1) {
        if 2 * (distinct + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.count.trailingZeroBitCount))
        let added: Bool = slots.withUnsafeMutableBufferPointer { s in  // one uniqueness check, no bounds checks
            while s[i].count != 0 && s[i].key != key { i = (i + 1) & mask }
            let empty = s[i].count == 0
            s[i].key = key
            s[i].count += n
            return empty
        }
        if added { distinct += 1 }
    }

    /// Every key with its count, in no particular order.
    func forEach(_ body: (_ key: Int, _ count: Int) -> Void) {
        for s in slots where s.count != 0 { body(s.key, s.count) }
    }

    /// Every key with its count, keys ascending.
    func sorted() -> [(key: Int, count: Int)] {
        var out: [(key: Int, count: Int)] = []
        out.reserveCapacity(distinct)
        forEach { out.append(($0, $1)) }
        return out.sorted { $0.key < $1.key }
    }

    /// Doubles the slots (16 to start) and puts every key back. The slot of a key is the top
    /// bits of key × 2⁶⁴/φ (Fibonacci hashing), as many as the table has slots.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: max(16, 2 * slots.count))
        distinct = 0
        for s in old where s.count != 0 { add(s.key, s.count) }
    }
}

extension CountTable: Hashable {
    /// Equal when the counts are, however the slots happen to be laid out.
    static func == (a: CountTable, b: CountTable) -> Bool {
        a.distinct == b.distinct && a.sorted().elementsEqual(b.sorted()) { $0.key == $1.key && $0.count == $1.count }
    }

    func hash(into hasher: inout Hasher) {
        for (k, n) in sorted() { hasher.combine(k); hasher.combine(n) }
    }
}
