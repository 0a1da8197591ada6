import HTTPTypes

/// The address a rate limit is keyed on. Behind one reverse proxy every request comes from
/// the proxy, so the limit would throttle the whole waiting room as one device; when the peer
/// is the proxy named by `skm serve --trusted-proxy`, the address the proxy appended to
/// `X-Forwarded-For` (the last one) is the client's. From any other peer the header is
/// ignored, since anyone can send it.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func key(peer: String?, headers: HTTPFields, trustedProxy: String?) -> String {
        guard let peer else { return "-" }
        guard let trustedProxy, peer == trustedProxy,
              let last = headers[values: forwardedFor].joined(separator: ",").split(separator: ",").last?
                .trimmingCharacters(in: .whitespaces), !last.isEmpty else { return peer }
        return last
    }
}
