import ArgumentParser
import Foundation
import SKMPages
import SKMQRCode
import SKMStorage

/// `skm kiosk`: what an office prints for the survey at the counter.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Survey at the counter: QR codes and posters for the survey form of skm serve.",
        discussion: "Open the form first with: skm token kiosk --agency <code> --open",
        subcommands: [QR.self])

    struct QR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qr",
            abstract: "Write, per service, the QR code of its survey form (SVG, PNG) and a printable A4 poster (HTML).",
            discussion: """
                The form's address is <base-url>/s/<agency>/<service>. Files are named after the \
                service code: <service>.svg, <service>.png, <service>.html.

                Example:
                  skm kiosk qr --agency bengkulu-selatan --base-url http://skm.kantor.go.id --out posters
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "Agency code.") var agency: String
        @Option(name: .long, help: "Only this service (default: every service of the agency).") var service: String?
        @Option(name: .long, help: "Address where citizens reach skm serve, e.g. http://skm.kantor.go.id.") var baseUrl: String
        @Option(name: .long, help: ArgumentHelp("Directory to write to (created if missing).", valueName: "dir")) var out: String

        func validate() throws {
            guard let u = URLComponents(string: baseUrl), ["http", "https"].contains(u.scheme?.lowercased() ?? ""),
                  !(u.host ?? "").isEmpty, u.query == nil, u.fragment == nil else {
                throw ValidationError("--base-url must be an http or https address without query, e.g. http://skm.kantor.go.id")
            }
        }

        func run() throws {
            let store = try storeOptions.openExisting()
            guard let a = try store.agencies().first(where: { $0.code == agency }) else {
                throw CLIError("unknown agency '\(agency)'; known: \(try store.agencies().map(\.code).joined(separator: ", "))")
            }
            var services = a.services
            if let service {
                guard let s = a.service(service) else {
                    throw CLIError("unknown service '\(service)' for \(agency); known: \(a.services.map(\.code).joined(separator: ", "))")
                }
                services = [s]
            }
            let dir = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let base = baseUrl.hasSuffix("/") ? String(baseUrl.dropLast()) : baseUrl
            for s in services {
                let url = "\(base)/s/\(HTML.percent(a.code))/\(HTML.percent(s.code))"
                let code = try QRCode(url)
                let svg = code.svg(title: url)
                try Data(svg.utf8).write(to: dir.appendingPathComponent("\(s.code).svg"), options: .atomic)
                try code.png().write(to: dir.appendingPathComponent("\(s.code).png"), options: .atomic)
                let poster = QRPosterPage(officeName: a.name, serviceName: s.name, url: url, qrSVG: svg).render()
                try Data(poster.utf8).write(to: dir.appendingPathComponent("\(s.code).html"), options: .atomic)
                print(url)
            }
            note("\(services.count) poster(s) written to \(dir.path)")
            if try !store.kioskAgencies().contains(a.code) {
                note("the kiosk of \(a.code) is closed: these addresses answer 404 until `skm token kiosk --agency \(a.code) --open`")
            }
        }
    }
}
