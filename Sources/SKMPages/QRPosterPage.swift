/// The A4 poster for a counter: office, service, a one-line invitation, the QR code of the
/// service's form and its address written out for those who type it. Self-contained HTML
/// (the QR code inline as SVG), printed from any browser.
public struct QRPosterPage: Sendable {
    public var officeName: String
    public var serviceName: String
    public var url: String
    /// The QR code as an SVG element (from `SKMQRCode`), placed as is.
    public var qrSVG: String

    public static let invitation = "Bantu kami meningkatkan pelayanan: pindai kode ini dan isi survei singkat, tanpa nama."

    public init(officeName: String, serviceName: String, url: String, qrSVG: String) {
        self.officeName = officeName
        self.serviceName = serviceName
        self.url = url
        self.qrSVG = qrSVG
    }

    public func render() -> String {
        let body = """
            <main class="poster">
            <p class="office">\(HTML.text(officeName))</p>
            <h1>Survei Kepuasan Masyarakat</h1>
            <p class="service">\(HTML.text(serviceName))</p>
            <p class="invite">\(HTML.text(Self.invitation))</p>
            <div class="qr">\(qrSVG)</div>
            <p class="url">\(HTML.text(url))</p>
            </main>

            """
        return PageShell(language: .id, title: "Survei — \(serviceName)", style: Self.style).render(body: body)
    }

    static let style = """
        @page{size:A4;margin:15mm}
        body{background:#fff}
        .poster{max-width:180mm;margin:0 auto;text-align:center;min-height:auto}
        .poster .office{font-size:1.5rem;font-weight:700;margin-top:1rem}
        .poster h1{font-size:2.5rem;margin:1rem 0}
        .poster .service{font-size:1.75rem;font-weight:600}
        .poster .invite{font-size:1.375rem;margin:1.5rem 2rem}
        .poster .qr svg{width:120mm;height:120mm}
        .poster .url{font-family:ui-monospace,monospace;font-size:1.125rem}
        """
}
