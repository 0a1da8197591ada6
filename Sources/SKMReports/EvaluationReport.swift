import SKMDomain
import SKMStorage

/// The evaluation report of one agency for one period: every figure the XLSX workbook and the
/// JSON document show, computed once. Writers only lay it out, so the two can never disagree.
///
/// Encoded as JSON with snake_case keys in sorted order; `schemaVersion` follows
/// `docs/report-schema.json` (bump the major version on any breaking change).
public struct EvaluationReport: Codable, Sendable {
    public static let currentSchemaVersion = "1.4"

    public var schemaVersion = EvaluationReport.currentSchemaVersion
    public var generatedBy: String
    public var agency: AgencyInfo
    public var period: PeriodInfo
    public var method: MethodInfo
    /// The agency as a whole (all services together).
    public var overall: GroupFigures
    public var services: [ServiceFigures]
    public var respondentProfile: ProfileTables
    public var suggestions: [Suggestion]
    public var rejects: [RejectRecord]
    /// True when the report is marked for publication: profile cells under 5 show as "< 5".
    public var forPublication: Bool
    public var warnings: [ReportWarning]
    /// When open transactions were judged ("open" or "past the deadline" depends on it), as ISO
    /// 8601 local time of the agency; nil when the report has no turnaround figures.
    public var complianceAsOf: String?
    /// The office's IKM over the report's period and up to five before it, oldest first
    /// (`IKMHistory`); added in 1.3, so nil only in documents read from older files.
    public var history: [HistoryPoint]? = nil
    /// Not written: when an open file of the report passes its deadline, and so when the report
    /// built again at a later instant would differ in more than its open files' lateness; nil
    /// when only new data can change it. What the server keeps figures until (FiguresCache).
    public var statusesChangeAt: Int64? = nil
    /// Not written: the instant open files were judged at (`ReportOptions.asOf`).
    public var judgedAt: Int64? = nil

    enum CodingKeys: String, CodingKey {
        case schemaVersion, generatedBy, agency, period, method, overall, services, respondentProfile, suggestions,
             rejects, forPublication, warnings, complianceAsOf, history
    }

    public struct AgencyInfo: Codable, Sendable {
        public var code: String
        public var name: String
        public var region: String
        public var timeZone: String
        public var decreeNumber: String
        public var decreeDate: String
    }

    public struct PeriodInfo: Codable, Sendable {
        /// `2025-03`, `2024-S1`, `2024-Q3`, `2024` or `FROM..TO`: always concrete.
        public var id: String
        public var kind: String
        public var start: String
        public var end: String
        public var labelId: String
        public var labelEn: String
        public var previousId: String
    }

    public struct MethodInfo: Codable, Sendable {
        public var id: String
        public var title: String
        public var weightConvention: String
        /// The weight as written, e.g. "1/9" or "0.111".
        public var weightText: String
        public var weight: Double
        public var questionnaireLayout: String
        public var confidenceIntervalMethod: String
    }
}

/// IKM, sample and compliance figures of one group (a service, or the whole agency).
public struct GroupFigures: Codable, Sendable {
    /// Nil only in a published report where the group had fewer than 5 respondents
    /// (`suppressed`): the count itself would point to people.
    public var respondents: Int?
    /// IKM on the 1–4 scale; nil when nobody answered.
    public var ikm: Double?
    /// *IKM unit pelayanan* (×25), full precision.
    public var ikmConverted: Double?
    /// Rounded half-up to two decimals, as the grade table reads it.
    public var ikmConvertedRounded: Double?
    public var mutu: String?
    public var kinerja: String?
    public var kinerjaEn: String?
    public var lowestUnsur: [String]
    public var unsur: [UnsurFigures]
    public var confidence95: ConfidenceInterval?
    public var change: ChangeFigures?
    /// Nil when `suppressed`.
    public var sample: SampleAdequacy?
    /// "populasi tidak diketahui" / "population unknown" when no transaction register and no
    /// stated population gave one: the sample's 0 figures are then not a check. Nil otherwise.
    public var sampleNote: String? = nil
    public var sampleNoteEn: String? = nil
    public var compliance: TimelinessFigures?
    public var warnings: [ReportWarning]
    /// A published report's group with fewer than 5 respondents (or the one whose count the
    /// others would reveal): no count, IKM, grade or answers are shown (`Publication`). Nil
    /// otherwise, so unpublished reports carry no extra key.
    public var suppressed: Bool?
    /// U3 among responses linked to a late vs an on-time transaction (`TimeVoice`); added in
    /// 1.3, absent when no response of the group names a transaction.
    public var u3ByTimeliness: TimeVoiceFigures? = nil
}

public struct UnsurFigures: Codable, Sendable {
    public var code: String
    public var name: String
    public var nameEn: String
    public var answered: Int
    /// How many answered 1, 2, 3, 4.
    public var distribution: [Int]
    public var nrr: Double?
    public var nrrWeighted: Double?
    public var absent: Bool
}

public struct ChangeFigures: Codable, Sendable {
    public var previousPeriod: String
    public var previous: Double
    public var delta: Double
    /// Whether |delta| exceeds the 95% noise of the two estimates.
    public var significant: Bool
}

public struct ServiceFigures: Codable, Sendable {
    public var code: String
    public var name: String
    public var promiseText: String
    /// The promise as understood, e.g. "3 hari kerja", or nil when there is nothing to measure.
    public var promise: String?
    public var noPromiseReason: String?
    public var figures: GroupFigures
    /// The promise's variants and the reason there is none, typed, for the writers to word
    /// in their language; not in the JSON, which carries the Indonesian `promise` and reason.
    public var promised: [Promise.Variant] = []
    public var unmeasurable: UnmeasurablePromise? = nil

    enum CodingKeys: String, CodingKey { case code, name, promiseText, promise, noPromiseReason, figures }
}

/// Turnaround against the promise for one group as the report shows it (*ketepatan waktu*): the
/// domain's `ComplianceFigures` with the latest cases written out in local time. Elapsed in hours.
public struct TimelinessFigures: Codable, Sendable {
    public var count: Int
    public var finished: Int
    public var onTime: Int
    public var late: Int
    public var open: Int
    public var openOverdue: Int
    public var noPromise: Int
    /// on time / (on time + late + open past the deadline); nil when there is none of those.
    public var onTimeRate: Double?
    /// Capaian of the period's mean completion time: (1 + (1 − realisasi / target)) × 100 %,
    /// never below 0 % (docs/turnaround-rules.md). The key keeps its 1.1 name: it is the
    /// capaian *of the mean*, which for one promise equals the old mean of per-file capaian
    /// except for the bound.
    public var capaianMean: Double?
    /// *Realisasi*: mean completion time of finished transactions with a promise, in `unit`.
    public var realisasi: Double? = nil
    /// The mean promised time of those transactions, in `unit`.
    public var target: Double? = nil
    /// The promise unit of `realisasi`, `target` and `medianElapsedInUnit` ("hari kerja",
    /// "menit", …); nil when the group's promises mix units.
    public var unit: String? = nil
    /// Median completion time of finished transactions with a promise, in `unit`: shown beside
    /// capaian, which a few very late files pull down while the median stays.
    public var medianElapsedInUnit: Double? = nil
    public var medianElapsedHours: Double?
    public var p90ElapsedHours: Double?
    public var latestCases: [LateCase]
    /// Not written: the worst open files past their deadline, and the first instant an open
    /// file within its deadline passes it — what ages kept figures exactly (ComplianceAging).
    public var openOverdueCases: [LateCase] = []
    public var statusesChangeAt: Int64? = nil

    enum CodingKeys: String, CodingKey {
        case count, finished, onTime, late, open, openOverdue, noPromise, onTimeRate, capaianMean, realisasi, target, unit,
             medianElapsedInUnit, medianElapsedHours, p90ElapsedHours, latestCases
    }
}

public struct LateCase: Codable, Sendable {
    public var transactionId: String
    public var service: String
    public var receivedAt: String
    public var finishedAt: String?
    public var deadline: String
    public var promise: String
    public var status: String
    public var lateHours: Double
    /// `lateHours` as the whole seconds it was computed from; not in the JSON.
    public var lateSeconds: Int64 = 0
    /// The promise typed, for the writers to word (`promise` is the Indonesian text); not in the JSON.
    public var promised: PromisedDuration? = nil
    public var variant: String? = nil

    enum CodingKeys: String, CodingKey {
        case transactionId, service, receivedAt, finishedAt, deadline, promise, status, lateHours
    }
}

public struct ProfileTables: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var category: String
        /// Nil when suppressed for publication.
        public var respondents: Int?
        /// Share of the table's respondents, 0–1; nil when suppressed.
        public var share: Double?
        /// Hidden in a report marked for publication (fewer than 5, or the cell that would reveal one).
        public var suppressed: Bool
    }
    public var gender: [Row]
    public var age: [Row]
    public var education: [Row]
    public var occupation: [Row]
    /// Respondents counted in each table.
    public var total: Int
}
