/// SplitMix64: a tiny, fast generator whose sequence is fixed by its seed on every platform,
/// so the same seed always gives the same demo files (Swift's default generator is not seedable).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<1.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Picks an index with the given (unnormalised) weights.
    public mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            x -= w
            if x < 0 { return i }
        }
        return weights.count - 1
    }

    /// Approximately normal (sum of uniforms), cheap and reproducible.
    public mutating func normal(mean: Double, sd: Double) -> Double {
        var s = 0.0
        for _ in 0..<6 { s += unit() }
        return mean + (s - 3) * sd * 1.414
    }

    /// A seed derived from a base seed and a label, so each agency/service has its own stream.
    public static func derive(_ seed: UInt64, _ label: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ seed
        for b in label.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
