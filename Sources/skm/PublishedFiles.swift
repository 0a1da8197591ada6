import Foundation
import SKMDomain
import SKMPages
import SKMReports

/// `skm report --format html`: the public results page as one self-contained file for the
/// office's website (styles and charts inline, no link anywhere), and the "hasil SKM"
/// infographic as SVG, plus PNG when `rsvg-convert` (Debian's librsvg2-bin) is installed.
///
/// Always built for publication, whatever `--publish` says: these files exist to be put
/// online. Each file is written atomically (a temporary file, then a rename), so a web server
/// serving the directory never sends half a page.
struct PublishedFiles {
    var pipeline: ReportPipeline
    var language: PageLanguage
    var directory: URL

    /// Writes the files of one agency and period; returns their paths.
    func write(agency: Agency, period: Period) throws -> [URL] {
        let results = try pipeline.publicResults(agency: agency, period: period)
        let base = { (ext: String) in directory.appendingPathComponent(ReportFileName.make(agency: agency.code, period: period.description, ext: ext)) }
        let page = base("html"), svg = base("svg")
        try Data(PublicResultsPage(results: results, language: language, path: nil).render().utf8).write(to: page, options: .atomic)
        try Data(ResultsInfographic(results: results, language: language).render().utf8).write(to: svg, options: .atomic)
        var written = [page, svg]
        if let converter = Self.converter {
            let png = base("png")
            try Self.convert(svg: svg, to: png, with: converter)
            written.append(png)
        }
        return written
    }

    /// `rsvg-convert` on the PATH, if any.
    static let converter: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct ConversionFailed: Error, CustomStringConvertible {
        var file: String
        var status: Int32
        var description: String { "rsvg-convert could not convert \(file) to PNG (exit \(status))" }
    }

    private static func convert(svg: URL, to png: URL, with converter: String) throws {
        let temporary = png.deletingLastPathComponent().appendingPathComponent(".\(png.lastPathComponent).\(getpid()).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: converter)
        p.arguments = ["--format", "png", "--output", temporary.path, svg.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ConversionFailed(file: svg.path, status: p.terminationStatus) }
        guard rename(temporary.path, png.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: png.path]) }
    }
}
