import SKMDomain
import SKMPages
import SKMReports
import Testing

/// The pieces of the published results that do not need a store: numbers as a visitor reads
/// them, the charts' shapes, and which period a visitor sees first.
@Suite struct ResultsChartTests {
    @Test func numbersInBothLanguages() {
        #expect(NumberText.decimal(87.5, .id) == "87,50")
        #expect(NumberText.decimal(87.5, .en) == "87.50")
        #expect(NumberText.integer(1_234_567, .id) == "1.234.567")
        #expect(NumberText.integer(1_234_567, .en) == "1,234,567")
        #expect(NumberText.integer(999, .id) == "999")
        #expect(NumberText.percent(0.816, .id) == "81,6 %")
    }

    @Test func barsScaleToTheMaximumAndAMissingValueDrawsNoBar() {
        let svg = SVGChart.bars([.init(label: "U1 Persyaratan", value: 3, text: "3,00"), .init(label: "<b>", value: nil, text: "–")],
                                maximum: 4, id: "c", title: "NRR")
        // The plot is 290 wide: 3 of 4 is 217.5, drawn once; the row without a value has only its track.
        #expect(svg.contains(##"<rect x="0" y="22" width="217.5" height="14" fill="#0b4f8a"/>"##))
        #expect(svg.components(separatedBy: ##"fill="#0b4f8a""##).count == 2)
        #expect(svg.contains("&lt;b&gt;") && !svg.contains("<b>"))
        #expect(svg.contains(#"<desc id="c-d">U1 Persyaratan: 3,00; &lt;b&gt;: –</desc>"#))
    }

    @Test func aLineHasAGapWhereAPeriodHasNoValue() {
        let points = [SVGChart.Point(label: "S1 2024", value: 80, text: "80,00"), .init(label: "S2 2024", value: nil, text: "< 5"),
                      .init(label: "S1 2025", value: 90, text: "90,00")]
        let svg = SVGChart.line(points, floor: 70, ceiling: 100, guides: [(88.31, "A")], id: "t", title: "IKM")
        // Two separate moves, no segment across the gap.
        #expect(svg.contains(#"<path d="M8 114.7 M336 69.3 ""#))
        #expect(svg.contains(">&lt; 5</text>") && svg.components(separatedBy: "<circle").count == 3)
        #expect(svg.contains(#"stroke-dasharray="4 4"/>"#))
    }

    @Test func theDefaultPeriodIsTheLastFinishedSemesterOrTheOneOfTheLastData() {
        let today = LocalDate(year: 2026, month: 12, day: 5)!
        #expect(PublicResults.defaultPeriod(today: today, lastData: LocalDate(year: 2026, month: 11, day: 30)!) == .semester(2026, 1))
        #expect(PublicResults.defaultPeriod(today: today, lastData: LocalDate(year: 2025, month: 12, day: 31)!) == .semester(2025, 2))
        #expect(PublicResults.defaultPeriod(today: today, lastData: LocalDate(year: 2025, month: 3, day: 1)!) == .semester(2025, 1))
        #expect(PublicResults.defaultPeriod(today: today, lastData: nil) == .semester(2026, 1))
        let picks = PublicResults.pickable(first: LocalDate(year: 2024, month: 7, day: 1)!, last: LocalDate(year: 2026, month: 12, day: 1)!, today: today)
        #expect(picks.map(\.description) == ["2026-S1", "2025-S2", "2025-S1", "2024-S2"])
    }
}
