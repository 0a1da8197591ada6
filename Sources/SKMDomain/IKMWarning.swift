/// Something a reader of an IKM score must know to read it right; worded by the edges
/// (`ReportLabels.warning`).
public enum IKMWarning: Hashable, Sendable {
    /// Nobody answered this unsur; the IKM is computed from the `present` unsur answered.
    case unsurWithoutAnswers(Unsur, present: Int)
    /// No answers at all: there is no score.
    case noAnswers
}
