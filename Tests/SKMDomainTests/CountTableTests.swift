import Testing
@testable import SKMDomain

@Suite struct CountTableTests {
    /// Against a Dictionary: any keys (negative, huge, colliding multiples), through growth.
    @Test func countsAsADictionaryCounts() {
        var table = CountTable(), reference: [Int: Int] = [:]
        var x: UInt64 = 12345
        for i in 0..<20_000 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let key = [Int(x >> 52), -Int(x >> 50), Int.max - Int(x >> 60), Int.min + Int(x >> 61), (i % 7) << 40][i % 5]
            table.add(key)
            reference[key, default: 0] += 1
        }
        #expect(table.distinct == reference.count)
        #expect(table.sorted().map(\.key) == reference.keys.sorted())
        #expect(table.sorted().map(\.count) == reference.keys.sorted().map { reference[$0]! })
    }

    /// Equal and hashing alike when the counts are, whatever order they came in.
    @Test func equalityIgnoresInsertionOrder() {
        var a = CountTable(), b = CountTable()
        for k in 0..<100 { a.add(k * 37, k + 1) }
        for k in (0..<100).reversed() { b.add(k * 37, k + 1) }
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        b.add(0)
        #expect(a != b)
        #expect(CountTable() == CountTable())
    }
}
