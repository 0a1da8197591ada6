import Foundation
import Testing
@testable import SKMReports
import SKMDomain

/// Report-level warnings a head of office needs to read the figures right.
@Suite struct ReportWarningsTests {
    /// The fixture's decree is in force from 2023-01-02: a period that starts before it has
    /// transactions without a promise, and the report says why.
    @Test func aPeriodBeforeTheDecreeSaysWhyTransactionsHaveNoPromise() throws {
        let source: ComplianceSource = { @Sendable _, _ in (["kb": ReportFixture.kbCompliance], ReportFixture.kbCompliance) }
        let builder = ReportBuilder(store: try ReportFixture.store(), options: ReportOptions(), compliance: source)
        let before = try builder.build(agency: ReportFixture.agency, period: .quarter(2022, 4))
        #expect(before.warnings.map(\.description) == ["Transaksi yang diterima sebelum 2023-01-02 (berlakunya keputusan standar pelayanan) tidak punya janji waktu; ketepatan waktunya tidak dinilai dan dihitung \"tanpa janji waktu\"."])
        let straddling = try builder.build(agency: ReportFixture.agency, period: Period(parsing: "2022-12-01..2023-01-31")!)
        #expect(straddling.warnings.count == 1)
        #expect(try builder.build(agency: ReportFixture.agency, period: ReportFixture.q1).warnings.isEmpty)
        // Without turnaround there is nothing to explain.
        let scoresOnly = ReportBuilder(store: try ReportFixture.store(), options: ReportOptions(), compliance: nil)
        #expect(try scoresOnly.build(agency: ReportFixture.agency, period: .quarter(2022, 4)).warnings.isEmpty)
    }
}
