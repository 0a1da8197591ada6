/// The unit a completion time is promised in.
public enum PromiseUnit: String, CaseIterable, Sendable, Codable {
    case minutes = "menit"
    case hours = "jam"
    /// Calendar days: day 1 is the day of receipt, the deadline is the end of day N.
    case calendarDays = "hari"
    /// Working days (*hari kerja*): N working days, never N × 24 working hours.
    case workingDays = "hari kerja"
    /// The same day N months later, end of day.
    case months = "bulan"
}

/// One promised completion time, e.g. "3 hari kerja". A range ("10 s.d 30 menit") promises
/// its upper bound; `lowerBound` keeps the lower one for display.
public struct PromisedDuration: Hashable, Sendable, Codable, CustomStringConvertible {
    public var amount: Int
    public var unit: PromiseUnit
    public var lowerBound: Int?

    public init(amount: Int, unit: PromiseUnit, lowerBound: Int? = nil) {
        self.amount = amount
        self.unit = unit
        self.lowerBound = lowerBound
    }

    /// The most a promise may say in this unit: ten years. No decree promises more, and a
    /// deadline that far out would leave the span a working calendar and an `Int64` of
    /// seconds can hold (a fuzzed "7777…7 tahun" did), so the catalog refuses more.
    public static func maximum(_ unit: PromiseUnit) -> Int {
        switch unit {
        case .minutes: 10 * 366 * 24 * 60
        case .hours: 10 * 366 * 24
        case .calendarDays, .workingDays: 10 * 366
        case .months: 120
        }
    }

    public var description: String {
        (lowerBound.map { "\($0) s.d. " } ?? "") + "\(amount) \(unit.rawValue)"
    }
}

/// The completion time a standard promises (*jangka waktu pelayanan*), understood.
///
/// Either one or more variants (e.g. *rutin* / *non rutin*, *DTKS* / *non DTKS*) each with
/// a duration, one of them the default; or no measurable promise, with the reason — a text
/// that carries no promise is kept and reported as such, never guessed.
public struct Promise: Hashable, Sendable, Codable {
    public struct Variant: Hashable, Sendable, Codable {
        /// Lower-case name as a transaction's variant column carries it, e.g. "rutin"; nil for a single promise.
        public var name: String?
        public var duration: PromisedDuration

        public init(name: String? = nil, duration: PromisedDuration) {
            self.name = name
            self.duration = duration
        }
    }

    /// The decree's text, as written.
    public var text: String
    public var variants: [Variant]
    /// Name of the variant used when a transaction names none.
    public var defaultVariant: String?
    /// Why there is nothing to measure (set only when `variants` is empty).
    public var noPromiseReason: UnmeasurablePromise?
    /// When the decree says the clock starts, as written (`sejak persyaratan dinyatakan
    /// lengkap`): kept for the reader, not used in judging, since the register's receipt time
    /// is when the office took the file.
    public var note: String?

    public init(text: String, variants: [Variant], defaultVariant: String? = nil, noPromiseReason: UnmeasurablePromise? = nil, note: String? = nil) {
        self.text = text
        self.variants = variants
        self.defaultVariant = defaultVariant
        self.noPromiseReason = noPromiseReason
        self.note = note
    }

    public static func single(_ text: String, _ duration: PromisedDuration) -> Promise {
        Promise(text: text, variants: [Variant(duration: duration)])
    }

    public static func none(_ text: String, reason: UnmeasurablePromise) -> Promise {
        Promise(text: text, variants: [], noPromiseReason: reason)
    }

    public var isMeasurable: Bool { !variants.isEmpty }

    /// The duration promised to a transaction with this variant (case-insensitive); the
    /// default when the transaction names none or a variant the standard does not know.
    public func duration(forVariant name: String?) -> PromisedDuration? {
        if let name, let v = variants.first(where: { $0.name?.lowercased() == name.lowercased() }) { return v.duration }
        if let d = defaultVariant, let v = variants.first(where: { $0.name == d }) { return v.duration }
        return variants.first?.duration
    }
}
