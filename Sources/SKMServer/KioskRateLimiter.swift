import Foundation

/// A token bucket per key (agency + client address) that throttles token-free kiosk
/// submissions: a kiosk is a public screen, so anyone can post through it, and the bucket
/// keeps one device from flooding an agency's survey.
public actor KioskRateLimiter {
    public struct Policy: Sendable {
        /// Submissions allowed in a burst.
        public var burst: Int
        /// Submissions regained per second.
        public var perSecond: Double
        public init(burst: Int = 30, perSecond: Double = 0.5) {
            self.burst = burst
            self.perSecond = perSecond
        }
    }

    private struct Bucket { var tokens: Double; var updated: Double }

    public let policy: Policy
    private let now: @Sendable () -> Double
    private var buckets: [String: Bucket] = [:]

    /// `now` returns seconds on a monotonic clock; tests pass a fixed one.
    public init(policy: Policy = .init(), now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.policy = policy
        self.now = now
    }

    /// Takes one submission from the key's bucket. Nil when allowed, else the whole seconds to
    /// wait before the next one would be (for `Retry-After`).
    public func take(_ key: String) -> Int? {
        let t = now()
        var b = buckets[key] ?? Bucket(tokens: Double(policy.burst), updated: t)
        b.tokens = min(Double(policy.burst), b.tokens + (t - b.updated) * policy.perSecond)
        b.updated = t
        defer {
            buckets[key] = b
            if buckets.count > 10_000 { prune(at: t) }
        }
        if b.tokens >= 1 {
            b.tokens -= 1
            return nil
        }
        guard policy.perSecond > 0 else { return 3600 }
        return Int(((1 - b.tokens) / policy.perSecond).rounded(.up))
    }

    /// Drops buckets that have refilled completely: they carry no information.
    private func prune(at t: Double) {
        buckets = buckets.filter { _, b in b.tokens + (t - b.updated) * policy.perSecond < Double(policy.burst) }
    }
}
