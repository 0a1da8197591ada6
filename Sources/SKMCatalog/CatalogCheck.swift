import Foundation
import SKMDomain

/// `skm catalog check`: everything `CatalogLoader` finds, plus what a reviewer should know —
/// years without a national calendar, and promises that differ from what `PromiseParser`
/// reads in their own text (a hand edit that may be deliberate, or a typo).
public enum CatalogCheck {
    /// Years the shipped calendar must cover.
    public static let requiredYears = 2022...2026

    public static func run(seeds: URL, requiredYears: ClosedRange<Int> = requiredYears) -> [CatalogProblem] {
        let (catalog, loadProblems) = CatalogLoader.read(seeds: seeds)
        var problems = loadProblems
        for year in requiredYears where !catalog.loadedYears.contains(year) {
            problems.append(.init(.error, file: "holidays/\(year).csv", "no national holiday calendar for \(year)"))
        }
        for agency in catalog.agencies {
            for (i, s) in agency.services.enumerated() where s.promise.isMeasurable || s.promise.noPromiseReason != nil {
                let parsed = PromiseParser.parse(s.promise.text)
                if parsed.variants != s.promise.variants || parsed.defaultVariant != s.promise.defaultVariant {
                    problems.append(.init(.warning, file: "catalog/\(agency.code).json", field: "services[\(i)].promise",
                                          "service \"\(s.code)\": the promise differs from what the text reads as (\(summary(parsed)))"))
                }
            }
        }
        return problems
    }

    /// "1 hari kerja", "rutin 6 hari; non rutin 1 hari", or "tidak terukur: …".
    public static func summary(_ p: Promise) -> String {
        guard p.isMeasurable else { return "tidak terukur: \(p.noPromiseReason ?? "")" }
        return p.variants.map { v in
            let mark = v.name != nil && v.name == p.defaultVariant ? "*" : ""
            return (v.name.map { "\($0)\(mark) " } ?? "") + v.duration.description
        }.joined(separator: "; ")
    }
}
