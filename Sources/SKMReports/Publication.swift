/// Rules for reports marked for publication. One seed service takes complaints of violence
/// against women and children: nothing published may point to a person.
public enum Publication {
    /// Profile rows to hide: every count under 5 and, when that is a single row, the next
    /// smallest too — otherwise the total minus the others would reveal it.
    public static func suppressed(_ counts: [Int]) -> Set<Int> {
        var hide = Set(counts.indices.filter { counts[$0] < 5 })
        if hide.count == 1, let extra = counts.indices.filter({ !hide.contains($0) }).min(by: { counts[$0] < counts[$1] }) {
            hide.insert(extra)
        }
        return hide
    }
}
