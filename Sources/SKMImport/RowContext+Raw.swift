import Foundation
import SKMDomain

/// `RowContext` for the byte path (RawRow.swift): the same agency, service and date rules,
/// looked up by the bytes a file writes them with. Each answer is nil where the `String` path
/// would have to decide something (an unknown name, a date out of range): that row then goes
/// the `String` way and gets its reject there.
extension RowContext {
    /// The agency of `row` as `agency(_:)` finds it, by its slot in `rawAgencies`.
    func rawAgency(_ row: RawRow) -> Int? {
        guard let i = plan.index(.agency) else {
            guard let fixedAgency else { return nil }
            var name = fixedAgency
            return name.withUTF8 { rawAgency(named: $0) }
        }
        guard case let .plain(name) = row.cell(i) else { return nil }
        return rawAgency(named: name)
    }

    private func rawAgency(named name: UnsafeBufferPointer<UInt8>) -> Int? {
        for k in rawAgencies.indices where Self.same(rawAgencies[k].name, name) { return k }
        // A file names one agency or a few; past 32 names, the `String` path.
        guard rawAgencies.count < 32, let a = lookup(String(decoding: name, as: UTF8.self)) else { return nil }
        if plan.index(.agency) != nil, let f = fixedLookup, f.code != a.code { return nil }  // refused there, with its reason
        rawAgencies.append(RawAgency(name: Array(name), lookup: a))
        return rawAgencies.count - 1
    }

    func rawLookup(_ slot: Int) -> AgencyLookup { rawAgencies[slot].lookup }

    /// The service code of `row` in the agency at `slot`, as `service(_:_:)` finds it.
    func rawService(_ row: RawRow, slot: Int) -> String? {
        guard let i = plan.index(.service) else {
            guard var fixed = fixedService else { return nil }
            return fixed.withUTF8 { rawService(named: $0, slot: slot) }
        }
        guard case let .plain(name) = row.cell(i) else { return nil }
        return rawService(named: name, slot: slot)
    }

    private func rawService(named name: UnsafeBufferPointer<UInt8>, slot: Int) -> String? {
        for s in rawAgencies[slot].services where Self.same(s.name, name) { return s.code }
        guard let code = rawAgencies[slot].lookup.service(String(decoding: name, as: UTF8.self)) else { return nil }
        if rawAgencies[slot].services.count < 64 { rawAgencies[slot].services.append((Array(name), code)) }
        return code
    }

    /// The date of field `f`, as `dateTime(_:_:_:required:)` reads it, when it is one and in range.
    func rawDate(_ row: RawRow, _ f: ImportField) -> ParsedDateTime? {
        guard let i = plan.index(f), case let .plain(text) = row.cell(i),
              case let .success(d) = dates.parse(bytes: text), !(d.date < earliest), !(latest < d.date) else { return nil }
        return d
    }

    /// Field `f` as `cell(_:_:)` reads it — nil when absent or empty — or false when it has
    /// spaces around it, which only the `String` path trims.
    @inline(__always) func rawText(_ row: RawRow, _ f: ImportField, _ value: inout UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let i = plan.index(f) else { value = nil; return true }
        switch row.cell(i) {
        case .empty: value = nil; return true
        case let .plain(b): value = b; return true
        case .unusual: return false
        }
    }

    @inline(__always) private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }
}

/// An agency the byte path has met, with the services it has met under it.
struct RawAgency {
    let name: [UInt8]
    let lookup: AgencyLookup
    var services: [(name: [UInt8], code: String)] = []
}
