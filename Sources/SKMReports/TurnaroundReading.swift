/// What a turnaround source read for one agency and period: the compliance figures and, when
/// it counted them on the way, the transactions received per service.
///
/// Those counts are the survey's population (*populasi*, for the sample check). A source that
/// judges every transaction of the period has already seen each one, so passing its counts
/// saves the report a second scan of the agency's transactions.
public struct TurnaroundReading: Sendable {
    public var perService: [String: TimelinessFigures]
    public var overall: TimelinessFigures?
    /// Transactions received per service in the period, judged or not; nil = not counted, the
    /// report counts them itself.
    public var received: [String: Int]?
    /// U3 against the register, when read in the same scan (`StoreCompliance.reading(voiceOf:)`);
    /// nil: the report reads it itself.
    public var timeVoice: TimeVoiceReading?

    public init(perService: [String: TimelinessFigures], overall: TimelinessFigures?, received: [String: Int]? = nil) {
        self.perService = perService
        self.overall = overall
        self.received = received
    }
}
