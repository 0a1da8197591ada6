/// Counts per integer key: a hash table with open addressing and a multiplicative hash.
///
/// `QuantileHistogram` adds to one of these three times for every judged transaction, and as
/// a `Dictionary<Int, Int>` that was a tenth of `skm compliance`'s time on a million
/// transactions, most of it seeding and running SipHash. The keys are our own readings
/// (minutes, days, percent), not input an attacker picks, so a keyed hash buys nothing here.
struct CountTable: Sendable {
    /// Slots; a slot is empty when its count is 0 (a key, once added, counts at least 1).
    private var keys: [Int] = []
    private var counts: [Int] = []
    /// Distinct keys.
    private(set) var distinct = 0

    init() {}

    /// Adds `n` (> 0) to the count of `key`.
    mutating func add(_ key: Int, _ n: Int = 1) {
        if 2 * (distinct + 1) > counts.count { grow() }
        var i = slot(key)
        while counts[i] != 0 && keys[i] != key { i = (i + 1) & (counts.count - 1) }
        if counts[i] == 0 { keys[i] = key; distinct += 1 }
        counts[i] += n
    }

    /// Every key with its count, in no particular order.
    func forEach(_ body: (_ key: Int, _ count: Int) -> Void) {
        for i in counts.indices where counts[i] != 0 { body(keys[i], counts[i]) }
    }

    /// Every key with its count, keys ascending.
    func sorted() -> [(key: Int, count: Int)] {
        var out: [(key: Int, count: Int)] = []
        out.reserveCapacity(distinct)
        forEach { out.append(($0, $1)) }
        return out.sorted { $0.key < $1.key }
    }

    /// Fibonacci hashing: the top bits of key × 2⁶⁴/φ, as many as the table has slots.
    private func slot(_ key: Int) -> Int {
        let bits = counts.count.trailingZeroBitCount
        return Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Doubles the slots (16 to start) and puts every key back.
    private mutating func grow() {
        let old = (keys, counts)
        let size = max(16, 2 * counts.count)
        keys = [Int](repeating: 0, count: size)
        counts = [Int](repeating: 0, count: size)
        distinct = 0
        for i in old.1.indices where old.1[i] != 0 { add(old.0[i], old.1[i]) }
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
