import ArgumentParser
import Foundation
import SKMDomain
import SKMReports

/// A value read from one command-line argument, with a reason when it is not one.
///
/// ArgumentParser's `init?(argument:)` can only say "invalid"; options declared with
/// `transform: T.argument` report the reason instead, as a usage error (exit 64):
/// "The value '2024-Q5' is invalid for '--period <period>': use a quarter (2024-Q3), …".
/// Commands then hold the typed value and never re-parse or force-unwrap a string.
protocol TextArgument: ExpressibleByArgument {
    /// The value, or an error whose description lists what is accepted.
    static func parse(_ text: String) throws(ArgumentProblem) -> Self
}

extension TextArgument {
    public init?(argument: String) {
        guard let v = try? Self.parse(argument) else { return nil }
        self = v
    }

    /// For `@Option(transform:)`.
    @Sendable static func argument(_ text: String) throws -> Self { try parse(text) }
}

/// Why an argument was refused; ArgumentParser prints it after the value and option.
struct ArgumentProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Period: ExpressibleByArgument, TextArgument {
    static func parse(_ text: String) throws(ArgumentProblem) -> Period {
        guard let p = Period(parsing: text) else {
            throw ArgumentProblem("use a month (2025-03), a quarter (2024-Q3), a semester (2024-S1), a year (2024) or a range (2024-01-01..2024-03-31)")
        }
        return p
    }
}

/// `--period`: a fixed period or a relative one (`previous-semester`), resolved later in each
/// agency's zone (`SelectionOptions.periods`).
extension PeriodSpec: ExpressibleByArgument, TextArgument {
    static let accepted = "use a month (2025-03), a quarter (2024-Q3), a semester (2024-S1), a year (2024), a range (2024-01-01..2024-03-31) "
        + "or previous-|current-month, -quarter, -semester, -year (e.g. previous-semester)"

    static func parse(_ text: String) throws(ArgumentProblem) -> PeriodSpec {
        guard let p = PeriodSpec(parsing: text) else { throw ArgumentProblem(accepted) }
        return p
    }
}

extension LocalDate: ExpressibleByArgument, TextArgument {
    static func parse(_ text: String) throws(ArgumentProblem) -> LocalDate {
        guard let d = LocalDate(iso: text) else { throw ArgumentProblem("use a calendar date YYYY-MM-DD, e.g. 2024-12-31") }
        return d
    }
}

/// An agency code as the catalog writes them (`bengkulu-selatan`). Its form is checked here;
/// whether the store knows it is checked when the store is open, with the known codes listed.
struct AgencyCode: TextArgument, Hashable, CustomStringConvertible {
    let rawValue: String
    var description: String { rawValue }

    static func parse(_ text: String) throws(ArgumentProblem) -> AgencyCode {
        let ok = !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard ok else { throw ArgumentProblem("an agency code is lowercase letters, digits and hyphens, e.g. bengkulu-selatan (see `skm catalog list`)") }
        return AgencyCode(rawValue: text)
    }
}

/// `--method`: the ids are listed on a bad value; the aliases (`2017`, `25/2004`) are accepted too.
extension IKMMethod: ExpressibleByArgument {
    public init?(argument: String) {
        guard let m = IKMMethod.named(argument) else { return nil }
        self = m
    }

    public var defaultValueDescription: String { id }
    public static var allValueStrings: [String] { all.map(\.id) }
}

extension WeightConvention: ExpressibleByArgument {}

extension ReportLanguage: ExpressibleByArgument {}

extension ReportFormat: ExpressibleByArgument {}

/// `--format xlsx,json`: a comma-separated list, each format once, in the order given.
struct ReportFormats: TextArgument, CustomStringConvertible {
    let list: [ReportFormat]
    /// `html`: the public results page as one file, with its infographic (`PublishedFiles`).
    var html = false
    var description: String { (list.map(\.rawValue) + (html ? ["html"] : [])).joined(separator: ",") }
    var defaultValueDescription: String { description }

    static let both = ReportFormats(list: [.xlsx, .json])

    static func parse(_ text: String) throws(ArgumentProblem) -> ReportFormats {
        var list: [ReportFormat] = []
        var html = false
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "html" { html = true; continue }
            guard let f = ReportFormat(rawValue: name) else { throw ArgumentProblem("use xlsx, json, html or a list such as xlsx,json,html") }
            if !list.contains(f) { list.append(f) }
        }
        return ReportFormats(list: list, html: html)
    }
}

/// `--format` of score and compliance.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
