import Foundation
import Testing
import SKMDomain
import SKMStorage
import SKMImport

/// Every row of a file is stored or rejected with its line and reason, and the summary adds
/// up: read = new + unchanged + updated + rejected — on every fixture, imported once and again.
@Suite struct SummaryTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var kind: ImportKind
        var options: ImportOptions
        /// Data rows in the file, as an officer would count them.
        var rows: Int
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "google-forms-skm.csv", kind: .responses, options: ImportOptions(agency: "kab-contoh"), rows: 6),
        Case(file: "google-forms-en-us.csv", kind: .responses, options: ImportOptions(agency: "kab-contoh", dateOrder: .monthFirst), rows: 2),
        Case(file: "handmade.xlsx", kind: .transactions, options: ImportOptions(agency: "kab-contoh"), rows: 3),
        Case(file: "register-openpyxl.xlsx", kind: .transactions, options: ImportOptions(agency: "kab-contoh", sheet: "Register"), rows: 4),
        Case(file: "gforms-identical-respondents.csv", kind: .responses, options: ImportOptions(agency: "kab-contoh"), rows: 8),
        Case(file: "skm-idless-identical.csv", kind: .responses, options: ImportOptions(agency: "kab-contoh"), rows: 6),
        Case(file: "register-excel-semicolon.csv", kind: .transactions, options: ImportOptions(agency: "kab-contoh"), rows: 6),
    ]

    @Test(arguments: cases) func theSummaryAddsUp(_ c: Case) throws {
        let path = try fixture(c.file)
        let store = try TestCatalog.store()
        let table = c.kind == .transactions ? "service_transaction" : "response"
        for pass in 1...2 {
            let r = try Importer.run(c.kind, file: path, into: store, options: c.options)
            let n = r.counts
            #expect(n.read == c.rows, "pass \(pass)")
            #expect(n.read == n.inserted + n.unchanged + n.updated + n.rejected, "pass \(pass)")
            #expect(r.rejects.count == n.rejected)
            #expect(r.rejects.allSatisfy { $0.line >= 2 && $0.file == path && !$0.reason.isEmpty })
            #expect(Set(r.rejects.map(\.line)).count == r.rejects.count)  // one reject per row
            #expect(try store.count(table) == n.inserted + n.unchanged + n.updated, "pass \(pass)")
            #expect(try store.count("reject") == n.rejected + r.warningCount)  // warnings are kept beside the rejects
            if pass == 2 { #expect(n.inserted == 0) }
        }
    }
}
