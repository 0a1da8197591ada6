import SKMDomain

/// What demo data to generate. The defaults give a realistic eighteen months for the seed
/// agencies (enough for three semesters and a trend), small enough for a laptop in seconds.
/// They start after the latest seed decree (Musi Banyuasin, 15 May 2024), so every
/// transaction is judged against a standard that was in force.
public struct DemoPlan: Sendable {
    /// Receipt dates run from `from` to `to`, inclusive.
    public var from = LocalDate(year: 2024, month: 7, day: 1)!
    public var to = LocalDate(year: 2025, month: 12, day: 31)!
    /// The register is extracted at the end of this day: later finishes are not yet known.
    public var asOf = LocalDate(year: 2025, month: 12, day: 31)!
    public var transactions = 12_000
    public var responses = 4_000
    public var seed: UInt64 = 14_2017
    /// A few deliberately bad rows, so the rejects report is never empty in the demo.
    public var includeBadRows = true

    public init() {}
}

/// Counts of what was written.
public struct DemoSummary: Sendable {
    public var transactions = 0
    public var responses = 0
    public var badTransactionRows = 0
    public var badResponseRows = 0
}
