import Foundation

/// The fuzz targets, one per parser that reads what the public or an office sends. Each
/// checks invariants, not only "no crash"; a broken invariant stops the process with a
/// message, which libFuzzer reports like a crash and saves the input for.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case csv, xlsx, date, answer, promise

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: CSVFuzz.run(bytes)
        case .xlsx: XLSXFuzz.run(bytes)
        case .date: TextFuzz.date(bytes)
        case .answer: TextFuzz.answer(bytes)
        case .promise: TextFuzz.promise(bytes)
        }
    }
}

/// Stops the process when an invariant does not hold.
func require(_ ok: @autoclosure () -> Bool, _ what: @autoclosure () -> String) {
    if !ok() { fatalError("invariant broken: \(what())") }
}
