import ArgumentParser
import Foundation
import SKMDomain
import SKMStorage

/// `skm token`: API tokens and kiosk mode for `skm serve`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage API tokens and kiosk (token-free survey) access for skm serve.",
        subcommands: [Create.self, List.self, Revoke.self, Kiosk.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for one agency; the secret is printed once on standard output.",
            discussion: """
                officer: post responses and transactions, read figures and reports. \
                reader: read only. Only a SHA-256 of the secret is stored. With --expires the \
                token stops working after a number of days (90d) or at the end of a date \
                (2025-12-31, in the agency's time zone).

                Example:
                  skm token create --agency bengkulu-selatan --role reader --label "dashboard" --expires 90d
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "Agency code.") var agency: String
        @Option(name: .long, help: "officer or reader.") var role: TokenRole
        @Option(name: .long, help: "What the token is for (shown in `skm token list`).") var label: String?
        @Option(name: .long, help: "Expiry: a number of days (90d) or a last valid date (YYYY-MM-DD); default never.")
        var expires: TokenExpiry?

        func run() throws {
            let store = try storeOptions.open()
            do {
                let zone = try store.agencies().first { $0.code == agency }?.timeZone ?? .wib
                let expiresAt = expires?.instant(now: Int64(Date().timeIntervalSince1970), zone: zone)
                let (secret, token) = try store.createToken(agency: agency, role: role, label: label, expiresAt: expiresAt)
                let until = token.expiresAt.map { ", valid until \(List.day($0))" } ?? ""
                note("token \(token.id) for \(token.agency) (\(token.role.rawValue)) created\(until); store the secret now, it is not shown again")
                print(secret)
            } catch let e as StoreError {
                throw CLIError("\(e)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tokens (never their secrets), with their expiry and last use.",
            discussion: "Last use is recorded to the minute; '-' means never used (or not since the record began).")
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "Only this agency's tokens.") var agency: String?

        func run() throws {
            let store = try storeOptions.open()
            let kiosks = try store.kioskAgencies()
            print(["id", "agency", "role", "created", "revoked", "expires", "last_used", "label"].joined(separator: "\t"))
            for t in try store.tokens(agency: agency) {
                print(["\(t.id)", t.agency, t.role.rawValue, Self.day(t.createdAt), t.revokedAt.map(Self.day) ?? "-",
                       t.expiresAt.map(Self.day) ?? "never", t.lastUsedAt.map(Self.day) ?? "-", t.label ?? ""]
                    .joined(separator: "\t"))
            }
            if !kiosks.isEmpty { note("kiosk open: \(kiosks.sorted().joined(separator: ", "))") }
        }

        static func day(_ t: Int64) -> String {
            let f = ISO8601DateFormatter()
            return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id (see `skm token list`).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Token id.") var id: Int64

        func run() throws {
            guard try storeOptions.open().revokeToken(id: id) else { throw CLIError("no live token with id \(id)") }
            note("token \(id) revoked")
        }
    }

    struct Kiosk: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open or close token-free survey submission for an agency.",
            discussion: """
                With the kiosk open, POST /v1/agencies/<agency>/responses and \
                GET /v1/agencies/<agency> need no token; submissions are rate-limited per client \
                address (skm serve --kiosk-burst, --kiosk-per-minute).
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "Agency code.") var agency: String
        @Flag(exclusivity: .exclusive, help: "Open or close.") var state: State
        @Option(name: .long, help: "Question order of the survey form at /s/<agency>: regulation (U8 Pengaduan, U9 Sarana) or sample-form (Sarana 8th).")
        var layout: String?

        enum State: String, EnumerableFlag { case open, close }

        func validate() throws {
            guard layout == nil || ["regulation", "sample-form"].contains(layout!) else {
                throw ValidationError("--layout must be regulation or sample-form")
            }
        }

        func run() throws {
            do {
                let store = try storeOptions.open()
                try store.setKiosk(agency: agency, open: state == .open)
                if state == .open, let layout { try store.setKioskLayout(agency: agency, layout: layout) }
            } catch let e as StoreError {
                throw CLIError("\(e)")
            }
            note("kiosk for \(agency) \(state == .open ? "opened" : "closed")")
        }
    }
}

/// `--role officer|reader`: ArgumentParser lists both on a bad value.
extension TokenRole: ExpressibleByArgument {}

/// `--expires`: `90d` (days from now) or `2025-12-31` (the last day the token works, to its end
/// in the agency's zone), validated by ArgumentParser.
enum TokenExpiry: ExpressibleByArgument, Equatable {
    case days(Int)
    case through(LocalDate)

    init?(argument: String) {
        if argument.hasSuffix("d"), let n = Int(argument.dropLast()), n > 0, n <= 36_500 {
            self = .days(n)
        } else if let d = LocalDate(iso: argument) {
            self = .through(d)
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The first instant the token no longer works.
    func instant(now: Int64, zone: IndonesianTimeZone) -> Int64 {
        switch self {
        case let .days(n): now + Int64(n) * 86_400
        case let .through(d): zone.instant(d.adding(days: 1), minuteOfDay: 0)
        }
    }
}
