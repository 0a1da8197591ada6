/// The two files a report is written as.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case xlsx, json

    /// The MIME type a download is served with.
    public var contentType: String {
        switch self {
        case .json: "application/json"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
