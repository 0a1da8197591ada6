/// Weekly office hours: for each ISO weekday (1 = Senin … 7 = Minggu) the open intervals in
/// minutes since local midnight, breaks excluded. A day with no interval is not an office day.
public struct OfficeHours: Hashable, Sendable, Codable {
    public struct Interval: Hashable, Sendable, Codable {
        public var open: Int
        public var close: Int
        public init(open: Int, close: Int) { self.open = open; self.close = close }
    }

    /// Index 0 = Monday … 6 = Sunday.
    public var days: [[Interval]]

    public init(days: [[Interval]]) {
        precondition(days.count == 7)
        self.days = days
    }

    public func intervals(weekday: Int) -> [Interval] { days[weekday - 1] }
    public func isOfficeDay(weekday: Int) -> Bool { !days[weekday - 1].isEmpty }
    /// Closing time (minutes) on a weekday; nil when closed.
    public func closing(weekday: Int) -> Int? { days[weekday - 1].last?.close }

    /// Civil-service hours (Perpres 21/2023): Mon–Thu 07.30–16.00 with a 60-minute break,
    /// Fri 07.30–16.30 with a 90-minute break, 37.5 hours a week.
    public static let civilService = OfficeHours(days: [
        [.init(open: 450, close: 720), .init(open: 780, close: 960)],
        [.init(open: 450, close: 720), .init(open: 780, close: 960)],
        [.init(open: 450, close: 720), .init(open: 780, close: 960)],
        [.init(open: 450, close: 720), .init(open: 780, close: 960)],
        [.init(open: 450, close: 690), .init(open: 780, close: 990)],
        [], [],
    ])
}

/// A penyelenggara: one office with its time zone, hours and the decree that sets its standards.
public struct Agency: Hashable, Sendable, Codable {
    /// Short stable code, e.g. "bengkulu-selatan".
    public var code: String
    public var name: String
    public var region: String
    public var timeZone: IndonesianTimeZone
    public var officeHours: OfficeHours
    public var decree: Decree
    public var services: [ServiceStandard]

    public init(code: String, name: String, region: String, timeZone: IndonesianTimeZone,
                officeHours: OfficeHours = .civilService, decree: Decree, services: [ServiceStandard]) {
        self.code = code
        self.name = name
        self.region = region
        self.timeZone = timeZone
        self.officeHours = officeHours
        self.decree = decree
        self.services = services
    }

    public func service(_ code: String) -> ServiceStandard? { services.first { $0.code == code } }
}

/// The decree (*keputusan*) that establishes a set of standards.
public struct Decree: Hashable, Sendable, Codable {
    public var number: String
    public var date: LocalDate
    public var title: String
    public init(number: String, date: LocalDate, title: String) {
        self.number = number
        self.date = date
        self.title = title
    }
}

/// One service's *Standar Pelayanan*: its components as the decree writes them and the
/// completion time understood as a `Promise`. In force from `validFrom` (the decree date)
/// until a later standard of the same code replaces it.
public struct ServiceStandard: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var validFrom: LocalDate
    /// Components in the decree's order: (persyaratan, prosedur, jangka waktu, …) → text.
    public var components: [Component]
    public var promise: Promise

    public struct Component: Hashable, Sendable, Codable {
        /// Canonical key: persyaratan, prosedur, jangka_waktu, biaya, produk, pengaduan, dasar_hukum,
        /// sarana, kompetensi, pengawasan, jumlah_pelaksana, jaminan, keamanan, evaluasi.
        public var key: String
        /// Heading as the decree writes it.
        public var heading: String
        public var text: String
        public init(key: String, heading: String, text: String) {
            self.key = key
            self.heading = heading
            self.text = text
        }
    }

    public init(code: String, name: String, validFrom: LocalDate, components: [Component], promise: Promise) {
        self.code = code
        self.name = name
        self.validFrom = validFrom
        self.components = components
        self.promise = promise
    }
}
