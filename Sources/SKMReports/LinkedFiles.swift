import SKMDomain
import SKMStorage

/// The transactions a period's linked responses name (`LinkedAnswer`), each once, and the
/// status each was judged to, for `TimeVoice`.
///
/// Why slots: a year of a large office pairs 10⁶ responses with 10⁶ files. Kept by id in sets
/// and dictionaries, every id was hashed five or six times on its way through the compliance
/// scan and `TimeVoice` (a seventh of a report's CPU in a profile); here an answer's id is
/// hashed once to find its slot, and a scanned file once to find whether it is wanted.
struct LinkedFiles {
    private var slots: [String: Int32] = [:]
    /// Per linked answer, in `linked` order, its file's slot.
    let answerSlots: [Int32]
    /// Per slot: nil until judged; `.some(nil)` when judged with no status (not found, or
    /// not judgeable).
    private(set) var statuses: [TurnaroundStatus??]
    private(set) var ids: [String]
    /// Slots not judged yet.
    private(set) var unjudged: Int

    init(_ linked: [LinkedAnswer]) {
        slots.reserveCapacity(linked.count)
        var answerSlots: [Int32] = []
        answerSlots.reserveCapacity(linked.count)
        var ids: [String] = []
        for a in linked {
            let next = Int32(ids.count)
            let slot = slots[a.transactionId, default: next]
            if slot == next {
                slots[a.transactionId] = next
                ids.append(a.transactionId)
            }
            answerSlots.append(slot)
        }
        self.answerSlots = answerSlots
        self.ids = ids
        statuses = Array(repeating: nil, count: ids.count)
        unjudged = ids.count
    }

    var isEmpty: Bool { ids.isEmpty }

    /// Records file `id`'s status, from `judge`, when a linked answer names it and it was not
    /// judged yet; `judge` runs only then.
    @inline(__always)
    mutating func record(_ id: String, _ judge: () -> TurnaroundStatus?) {
        guard let s = slots[id], statuses[Int(s)] == nil else { return }
        statuses[Int(s)] = .some(judge())
        unjudged -= 1
    }

    /// The ids not judged yet, in the order their first answer came.
    var unjudgedIDs: [String] { ids.indices.filter { statuses[$0] == nil }.map { ids[$0] } }

    /// The status of the file answer `i` of `linked` names; nil when not judged or none.
    func status(ofAnswer i: Int) -> TurnaroundStatus? { statuses[Int(answerSlots[i])] ?? nil }
}
