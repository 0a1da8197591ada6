import Foundation
import SKMDomain

/// Loads `seeds/`: `catalog/*.json` (one per decree), `holidays/<year>.csv`,
/// `closures/<agency-code>.csv` (optional).
public enum CatalogLoader {
    /// The catalog, or a `CatalogLoadError` listing every error with its file and field.
    /// Warnings (e.g. a service with no measurable promise) do not stop loading.
    public static func load(seeds: URL) throws -> Catalog {
        let (catalog, problems) = read(seeds: seeds)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw CatalogLoadError(problems: errors) }
        return catalog
    }

    /// Whatever loads, and every problem met; used by `load` and by `CatalogCheck`.
    public static func read(seeds: URL) -> (Catalog, [CatalogProblem]) {
        var problems: [CatalogProblem] = []
        var agencies: [Agency] = []
        var notes: [String: [String]] = [:]
        var agencyFiles: [(String, AgencyFile)] = []
        var populations: [(agency: String, service: String, period: Period, count: Int)] = []
        /// File → its shape problems (missing, unknown, mistyped fields); such a file never loads.
        var shapeProblems: [String: [CatalogProblem]] = [:]

        let catalogFiles = files(in: seeds.appendingPathComponent("catalog"), ext: "json")
        if catalogFiles.isEmpty {
            problems.append(.init(.error, file: "catalog/", "no catalog files (*.json) under \(seeds.path)/catalog"))
        }
        for url in catalogFiles {
            let name = "catalog/\(url.lastPathComponent)"
            do {
                let data = try Data(contentsOf: url)
                let shape = CatalogKeys.problems(in: data, file: name)
                problems += shape
                shapeProblems[name] = shape
                do {
                    agencyFiles.append((name, try JSONDecoder().decode(AgencyFile.self, from: data)))
                } catch let e as DecodingError where !shape.isEmpty {
                    _ = e  // a mistyped field, already named by the shape check
                }
            } catch let e as DecodingError {
                problems.append(decodingProblem(e, file: name))
            } catch {
                problems.append(.init(.error, file: name, "cannot read: \(error)"))
            }
        }
        for (name, f) in agencyFiles {
            // Fields reported missing are not reported again as empty.
            let missing = (shapeProblems[name] ?? []).compactMap(\.field)
            func reported(_ p: CatalogProblem) -> Bool {
                guard let field = p.field else { return false }
                return missing.contains { field == $0 || field.hasPrefix($0 + ".") || field.hasPrefix($0 + "[") }
            }
            var own: [CatalogProblem] = []
            let expected = url(name).deletingPathExtension().lastPathComponent
            if f.code != expected {
                own.append(.init(.error, file: name, field: "code", "agency code \"\(f.code)\" does not match the file name \"\(expected)\""))
            }
            let (validated, p) = CatalogValidation.agency(f, file: name)
            own += p
            problems += own.filter { !reported($0) }
            let agency = (shapeProblems[name] ?? []).isEmpty ? validated : nil
            if let agency {
                if agencies.contains(where: { $0.code == agency.code }) {
                    problems.append(.init(.error, file: name, field: "code", "duplicate agency code \"\(agency.code)\""))
                } else {
                    agencies.append(agency)
                    notes[agency.code] = f.notes ?? []
                    for s in f.services {
                        for (text, n) in (s.population ?? [:]).sorted(by: { $0.key < $1.key }) {
                            if let p = Period(parsing: text) { populations.append((agency.code, s.code, p, n)) }
                        }
                    }
                }
            }
        }

        var national: [Holiday] = []
        var years: Set<Int> = []
        for url in files(in: seeds.appendingPathComponent("holidays"), ext: "csv") {
            let name = "holidays/\(url.lastPathComponent)"
            guard let year = Int(url.deletingPathExtension().lastPathComponent) else {
                problems.append(.init(.error, file: name, "holiday files are named by year, e.g. holidays/2024.csv"))
                continue
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(.init(.error, file: name, "cannot read as UTF-8"))
                continue
            }
            let (h, p) = HolidayFile.parse(text, file: name, year: year, allowedKinds: [.national, .cutiBersama])
            problems += p
            national += h
            years.insert(year)
        }

        var closures: [String: [Holiday]] = [:]
        for url in files(in: seeds.appendingPathComponent("closures"), ext: "csv") {
            let name = "closures/\(url.lastPathComponent)"
            let code = url.deletingPathExtension().lastPathComponent
            if !agencies.contains(where: { $0.code == code }) && !agencyFiles.contains(where: { $0.1.code == code }) {
                problems.append(.init(.error, file: name, "no agency \"\(code)\" in the catalog for this closures file"))
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(.init(.error, file: name, "cannot read as UTF-8"))
                continue
            }
            let (h, p) = HolidayFile.parse(text, file: name, allowedKinds: [.closure, .regional])
            problems += p
            closures[code] = h
        }
        var catalog = Catalog(agencies: agencies, nationalHolidays: national, agencyClosures: closures, loadedYears: years, notes: notes)
        catalog.populations = populations
        return (catalog, problems)
    }

    static func url(_ name: String) -> URL { URL(fileURLWithPath: name) }

    static func files(in dir: URL, ext: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".\(ext)") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// A decoding error as a problem naming the field path (`services[3].promise.variants`).
    static func decodingProblem(_ e: DecodingError, file: String) -> CatalogProblem {
        func path(_ keys: [CodingKey]) -> String {
            var out = ""
            for k in keys {
                if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
            }
            return out
        }
        switch e {
        case .keyNotFound(let key, let ctx):
            let p = path(ctx.codingPath)
            return .init(.error, file: file, field: p.isEmpty ? key.stringValue : "\(p).\(key.stringValue)", "missing field \"\(key.stringValue)\"")
        case .typeMismatch(let type, let ctx):
            return .init(.error, file: file, field: path(ctx.codingPath), "expected \(type): \(ctx.debugDescription)")
        case .valueNotFound(let type, let ctx):
            return .init(.error, file: file, field: path(ctx.codingPath), "expected \(type), found null")
        case .dataCorrupted(let ctx):
            return .init(.error, file: file, field: ctx.codingPath.isEmpty ? nil : path(ctx.codingPath), "invalid JSON: \(ctx.debugDescription)")
        @unknown default:
            return .init(.error, file: file, "\(e)")
        }
    }
}
