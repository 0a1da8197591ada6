import Foundation
import SKMFuzz

// Built with -DSKM_LIBFUZZER (scripts/fuzz) this is a libFuzzer target, the target chosen by
// SKM_FUZZ_TARGET; in the normal build it replays files: `skm-fuzz TARGET FILE...`, so the
// code stays compiled and the corpus can be run without sanitizers.
#if SKM_LIBFUZZER
nonisolated(unsafe) let selected: FuzzTarget = {
    guard let t = ProcessInfo.processInfo.environment["SKM_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:)) else {
        fatalError("set SKM_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue))")
    }
    return t
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main struct Replay {
    static func main() throws {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: skm-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE..."); exit(2)
        }
        for file in args.dropFirst() { target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file)))) }
        print("\(name): \(args.count - 1) inputs, no invariant broken")
    }
}
#endif
