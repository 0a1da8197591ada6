/// Counts of values read at a fixed resolution (e.g. whole minutes), from which the median
/// and p90 are exact *at that resolution*.
///
/// Why not keep every value: a province's year is 10⁶–10⁷ transactions and the reports need
/// memory that does not grow with the input. Elapsed times repeat heavily once read to the
/// minute (working days are whole numbers anyway), so the number of distinct keys is bounded
/// by the spread of the values, not by how many there are. Merging is adding counts.
struct QuantileHistogram: Hashable, Sendable {
    /// Keys are `value × scale`, rounded to the nearest integer.
    let scale: Double
    private(set) var counts = CountTable()
    private(set) var total = 0

    init(scale: Double) { self.scale = scale }

    mutating func add(_ value: Double) {
        counts.add(Int((value * scale).rounded()))
        total += 1
    }

    mutating func merge(_ other: QuantileHistogram) {
        precondition(scale == other.scale, "histograms of different resolutions")
        other.counts.forEach { counts.add($0, $1) }
        total += other.total
    }

    /// The middle value; the mean of the two middle ones for an even count.
    var median: Double? {
        guard total > 0 else { return nil }
        let v = values(atRanks: (total - 1) / 2, total / 2)
        return (v.0 + v.1) / 2
    }

    /// Nearest rank: the smallest value with at least 90 % of the values at or below it — an
    /// observed value, so an office can read it as "9 in 10 files took at most this".
    var p90: Double? {
        guard total > 0 else { return nil }
        let rank = (9 * total + 9) / 10 - 1
        return values(atRanks: rank, rank).0
    }

    /// Values at two 0-based ranks (a ≤ b) in ascending order, in one pass over sorted keys.
    private func values(atRanks a: Int, _ b: Int) -> (Double, Double) {
        var seen = 0
        var first: Double?
        for (k, n) in counts.sorted() {
            seen += n
            if first == nil, seen > a { first = Double(k) / scale }
            if seen > b { return (first!, Double(k) / scale) }
        }
        preconditionFailure("rank beyond the count")
    }
}
