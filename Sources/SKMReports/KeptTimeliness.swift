import SKMDomain

/// Turnaround figures in the form kept between runs (`KeptFigures`): the JSON report's
/// fields and what it leaves out but aging needs (`ComplianceAging`) — each case's lateness in
/// whole seconds, the worst open files past their deadline, and when a status next changes.
public struct KeptTimeliness: Codable, Sendable {
    var figures: TimelinessFigures
    var latestSeconds: [Int64]
    var openOverdueCases: [LateCase]
    var openOverdueSeconds: [Int64]
    var statusesChangeAt: Int64?

    public init(_ f: TimelinessFigures) {
        figures = f
        latestSeconds = f.latestCases.map(\.lateSeconds)
        openOverdueCases = f.openOverdueCases
        openOverdueSeconds = f.openOverdueCases.map(\.lateSeconds)
        statusesChangeAt = f.statusesChangeAt
    }

    /// The figures as they were computed, whole.
    public var timeliness: TimelinessFigures {
        var f = figures
        for (i, s) in zip(f.latestCases.indices, latestSeconds) { f.latestCases[i].lateSeconds = s }
        f.openOverdueCases = openOverdueCases
        for (i, s) in zip(f.openOverdueCases.indices, openOverdueSeconds) { f.openOverdueCases[i].lateSeconds = s }
        f.statusesChangeAt = statusesChangeAt
        return f
    }
}
