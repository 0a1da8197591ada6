import SKMStorage

/// Who is calling an agency route, once `AgencyAccessMiddleware` let them in.
public enum Caller: Sendable, Equatable {
    /// A bearer token of the route's agency.
    case token(APIToken)
    /// No token, on an agency whose kiosk submission is open.
    case kiosk(agency: String)

    /// The agency the caller acts for: always the route's `{agency}`.
    public var agency: String {
        switch self {
        case let .token(t): t.agency
        case let .kiosk(agency): agency
        }
    }
}

/// What the routes of one group need from their caller. Every `/v1/agencies/{agency}` route
/// is registered under exactly one of these (see `RouteTable`), so none can forget to ask.
public enum Access: Sendable, CaseIterable {
    /// Figures, catalog, reports: any token of the agency.
    case read
    /// Posting or updating data: an officer token of the agency.
    case write
    /// Posting one survey response: an officer token, or nothing at all when the agency's
    /// kiosk is open (then rate-limited per agency and client address).
    case kioskSubmit
    /// Reading the agency's service list to draw a survey form: any token, or nothing when
    /// the agency's kiosk is open.
    case kioskRead

    var needsOfficer: Bool { self == .write || self == .kioskSubmit }
    var kioskMayCall: Bool { self == .kioskSubmit || self == .kioskRead }
}
