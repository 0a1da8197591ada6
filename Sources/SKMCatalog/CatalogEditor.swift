import Foundation
import SKMDomain

/// Writing catalog files from commands (`skm agency add`, `skm service add`) rather than by
/// hand. Every edit is checked exactly as `skm catalog check` checks a file, and refused with
/// the same problems, so a command can never write a file that check would reject.
public enum CatalogEditor {
    public struct Refused: Error, CustomStringConvertible, Sendable {
        public var problems: [CatalogProblem]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// The file's path under the seeds directory, as problems name it.
    public static func fileName(_ code: String) -> String { "catalog/\(code).json" }

    /// The problems `skm catalog check` would report for this file alone (errors and warnings).
    public static func problems(_ f: AgencyFile) -> [CatalogProblem] {
        let name = fileName(f.code)
        var problems = CatalogKeys.problems(in: f.encoded(), file: name)
        problems += CatalogValidation.agency(f, file: name).1
        return problems
    }

    /// `f` if check finds no error in it, else `Refused` with every error.
    public static func checked(_ f: AgencyFile) throws -> (AgencyFile, warnings: [CatalogProblem]) {
        let all = problems(f)
        let errors = all.filter { $0.severity == .error }
        guard errors.isEmpty else { throw Refused(problems: errors) }
        return (f, all.filter { $0.severity == .warning })
    }

    /// A new agency with no services yet. `officeHours` nil = civil-service hours.
    public static func newAgency(code: String, name: String, region: String, timeZone: String,
                                 decreeNumber: String, decreeDate: String, decreeTitle: String,
                                 officeHours: OfficeHoursFile? = nil) throws -> AgencyFile {
        try checked(AgencyFile(code: code, name: name, region: region, timeZone: timeZone,
                               decree: DecreeFile(number: decreeNumber, date: decreeDate, title: decreeTitle),
                               officeHours: officeHours, services: [])).0
    }

    /// `agency` with one more service whose promise is read from `promiseText` by
    /// `PromiseParser`, the text kept as its *jangka waktu* component.
    public static func addService(to agency: AgencyFile, code: String, name: String,
                                  promiseText: String) throws -> (AgencyFile, Promise, warnings: [CatalogProblem]) {
        let promise = PromiseParser.parse(promiseText)
        var f = agency
        f.services.append(ServiceFile(code: code, name: name,
                                      components: [ComponentFile(key: "jangka_waktu", heading: "Jangka Waktu Pelayanan", text: promiseText)],
                                      promise: PromiseFile(promise)))
        let (checked, warnings) = try checked(f)
        let prefix = "services[\(f.services.count - 1)]"
        return (checked, promise, warnings.filter { $0.field?.hasPrefix(prefix) == true })
    }
}
