import Foundation
import Testing
import SKMCatalog
import SKMDomain

/// `skm catalog check`: each kind of mistake is reported with its file, field and value.
struct CatalogCheckTests {
    static let holidays = "date,kind,name,source\n2024-01-01,libur_nasional,Tahun Baru,SKB 855/2023\n"

    static func agency(timeZone: String = "WIB", services: String) -> String {
        """
        {"code": "contoh", "name": "Dinas Contoh", "region": "Kota Contoh", "time_zone": "\(timeZone)",
         "decree": {"number": "1 Tahun 2024", "date": "2024-01-02", "title": "Standar Pelayanan"},
         "services": [\(services)]}
        """
    }

    static let good = """
    {"code": "a", "name": "Layanan A", "components": [{"key": "jangka_waktu", "heading": "Jangka Waktu", "text": "3 hari kerja"}],
     "promise": {"text": "3 hari kerja", "variants": [{"amount": 3, "unit": "hari kerja"}]}}
    """

    func problems(_ json: String, years: ClosedRange<Int> = 2024...2024) throws -> [String] {
        let dir = try Seeds.temporary(["catalog/contoh.json": json, "holidays/2024.csv": Self.holidays])
        return CatalogCheck.run(seeds: dir, requiredYears: years).filter { $0.severity == .error }.map(\.description)
    }

    @Test func aGoodCatalogLoads() throws {
        #expect(try problems(Self.agency(services: Self.good)) == [])
        let dir = try Seeds.temporary(["catalog/contoh.json": Self.agency(services: Self.good), "holidays/2024.csv": Self.holidays])
        let catalog = try CatalogLoader.load(seeds: dir)
        #expect(catalog.agency("contoh")?.service("a")?.promise.duration(forVariant: nil) == PromisedDuration(amount: 3, unit: .workingDays))
        #expect(catalog.agency("contoh")?.officeHours == .civilService)
    }

    @Test func unknownTimeZone() throws {
        #expect(try problems(Self.agency(timeZone: "WITT", services: Self.good)) ==
                ["error: catalog/contoh.json: time_zone: unknown time zone \"WITT\" (expected WIB, WITA or WIT)"])
    }

    @Test func serviceWithoutPromise() throws {
        let s = #"{"code": "b", "name": "Layanan B", "components": []}"#
        let t = #"{"code": "c", "name": "Layanan C", "components": [], "promise": {"text": "", "variants": []}}"#
        #expect(try problems(Self.agency(services: [Self.good, s, t].joined(separator: ","))) == [
            "error: catalog/contoh.json: services[1].promise: service \"b\" has no promise: give variants, or no_promise_reason when the decree promises no time",
            "error: catalog/contoh.json: services[2].promise: service \"c\" has no promise: no variants and no no_promise_reason",
        ])
    }

    @Test func duplicateCodes() throws {
        #expect(try problems(Self.agency(services: [Self.good, Self.good].joined(separator: ","))) ==
                ["error: catalog/contoh.json: services[1].code: duplicate service code \"a\" (also services[0])"])
    }

    @Test func badVariantsUnitsAndDefaults() throws {
        let s = """
        {"code": "d", "name": "Layanan D", "components": [],
         "promise": {"text": "x", "variants": [{"name": "rutin", "amount": 6, "unit": "hari"}, {"name": "darurat", "amount": 1, "unit": "days"}],
                     "default_variant": "biasa"}}
        """
        #expect(try problems(Self.agency(services: s)) == [
            "error: catalog/contoh.json: services[0].promise.variants[1].unit: unknown unit \"days\" (expected menit, jam, hari, hari kerja, bulan)",
            "error: catalog/contoh.json: services[0].promise.default_variant: default variant \"biasa\" is not among the variants (rutin, darurat)",
        ])
    }

    @Test func badFieldsAndMissingYears() throws {
        let json = """
        {"code": "contoh", "name": "Dinas Contoh", "region": "Kota Contoh", "time_zone": "WIB",
         "decree": {"number": "1", "date": "2024-13-01", "title": "T"}, "office_hours": {"senin": ["07.30-25.00"]}, "services": []}
        """
        #expect(try problems(json, years: 2024...2025) == [
            "error: catalog/contoh.json: decree.date: \"2024-13-01\" is not a YYYY-MM-DD date",
            "error: catalog/contoh.json: office_hours.senin: \"07.30-25.00\" is not an interval like \"07.30-12.00\"",
            "error: holidays/2025.csv: no national holiday calendar for 2025",
        ])
    }

    @Test func malformedJSONNamesTheField() throws {
        let json = Self.agency(services: #"{"code": "e", "name": "E", "components": [{"key": "biaya", "heading": "Biaya"}]}"#)
        #expect(try problems(json) == [
            "error: catalog/contoh.json: services[0].components[0].text: missing field \"text\"",
            "error: catalog/contoh.json: services[0].promise: service \"e\" has no promise: give variants, or no_promise_reason when the decree promises no time",
        ])
        let dir = try Seeds.temporary(["catalog/contoh.json": json, "holidays/2024.csv": Self.holidays])
        #expect(throws: CatalogLoadError.self) { try CatalogLoader.load(seeds: dir) }
    }

    @Test func misspeltFieldsAreNotIgnored() throws {
        let s = """
        {"code": "a", "name": "Layanan A", "components": [],
         "promise": {"text": "3 hari", "variants": [{"amount": 3, "unit": "hari", "lowerbound": 1}], "default": "x"}}
        """
        let json = Self.agency(services: s).replacingOccurrences(of: "\"services\"", with: "\"office_hour\": {}, \"services\"")
        #expect(try problems(json) == [
            "error: catalog/contoh.json: office_hour: unknown field \"office_hour\" (expected one of code, decree, name, notes, office_hours, region, services, time_zone)",
            "error: catalog/contoh.json: services[0].promise.default: unknown field \"default\" (expected one of default_variant, no_promise_reason, text, variants)",
            "error: catalog/contoh.json: services[0].promise.variants[0].lowerbound: unknown field \"lowerbound\" (expected one of amount, lower_bound, name, unit)",
        ])
    }

    @Test func fileNameMustMatchTheAgencyCode() throws {
        let dir = try Seeds.temporary(["catalog/lain.json": Self.agency(services: Self.good), "holidays/2024.csv": Self.holidays])
        #expect(CatalogCheck.run(seeds: dir, requiredYears: 2024...2024).map(\.description) ==
                ["error: catalog/lain.json: code: agency code \"contoh\" does not match the file name \"lain\""])
    }

    @Test func everyProblemOfEveryFileInOneRun() throws {
        let bare = #"{"code": "contoh", "services": [{"code": "a", "promise": {"variants": [{"amount": "3", "unit": "hari"}]}}, 7]}"#
        let other = #"{"code": "lain", "name": "Dinas Lain", "region": "Kota Lain", "time_zone": "WITT", "decree": {"date": "2024-01-02", "title": "T"}, "services": []}"#
        let dir = try Seeds.temporary(["catalog/contoh.json": bare, "catalog/lain.json": other, "holidays/2024.csv": Self.holidays])
        #expect(CatalogCheck.run(seeds: dir, requiredYears: 2024...2024).map(\.description) == [
            "error: catalog/contoh.json: decree: missing field \"decree\"",
            "error: catalog/contoh.json: name: missing field \"name\"",
            "error: catalog/contoh.json: region: missing field \"region\"",
            "error: catalog/contoh.json: time_zone: missing field \"time_zone\"",
            "error: catalog/contoh.json: services[0].name: missing field \"name\"",
            "error: catalog/contoh.json: services[0].promise.text: missing field \"text\"",
            "error: catalog/contoh.json: services[0].promise.variants[0].amount: expected a whole number, found \"3\"",
            "error: catalog/contoh.json: services[1]: expected an object, found 7",
            "error: catalog/lain.json: decree.number: missing field \"number\"",
            "error: catalog/lain.json: time_zone: unknown time zone \"WITT\" (expected WIB, WITA or WIT)",
        ])
    }

    @Test func namesAndPromisesAreEnough() throws {
        let s = #"{"code": "a", "name": "Layanan A", "promise": {"text": "3 hari kerja", "variants": [{"amount": 3, "unit": "hari kerja"}]}}"#
        let dir = try Seeds.temporary(["catalog/contoh.json": Self.agency(services: s), "holidays/2024.csv": Self.holidays])
        #expect(CatalogCheck.run(seeds: dir, requiredYears: 2024...2024).map(\.description) == [])
        let catalog = try CatalogLoader.load(seeds: dir)
        #expect(catalog.agency("contoh")?.service("a")?.components == [])
        #expect(catalog.agency("contoh")?.service("a")?.promise.duration(forVariant: nil) == PromisedDuration(amount: 3, unit: .workingDays))
    }

    /// A deadline past ten years would overflow the calendar's span; no decree promises it.
    @Test func promisesOfMoreThanTenYearsAreRefused() throws {
        let s = #"{"code": "a", "name": "A", "promise": {"text": "20 tahun", "variants": [{"name": "w", "amount": 240, "unit": "bulan"}, {"name": "x", "amount": 3661, "unit": "hari kerja"}, {"name": "y", "amount": 3660, "unit": "hari"}]}}"#
        #expect(try problems(Self.agency(services: s)) == [
            "error: catalog/contoh.json: services[0].promise.variants[0].amount: 240 bulan is more than ten years (at most 120)",
            "error: catalog/contoh.json: services[0].promise.variants[1].amount: 3661 hari kerja is more than ten years (at most 3660)",
        ])
    }

    @Test func populationsInTheCatalogAreCheckedAndLoaded() throws {
        let s = #"{"code": "a", "name": "A", "promise": {"text": "1 hari", "variants": [{"amount": 1, "unit": "hari"}]}, "population": {"2025-S1": 1200, "2025-S3": 5, "2025": 0}}"#
        #expect(try problems(Self.agency(services: s)) == [
            "error: catalog/contoh.json: services[0].population.2025: population must be positive, got 0",
            "error: catalog/contoh.json: services[0].population.2025-S3: \"2025-S3\" is not a period like 2025-S1, 2025-Q3, 2025-03 or 2025",
        ])
        let good = #"{"code": "a", "name": "A", "promise": {"text": "1 hari", "variants": [{"amount": 1, "unit": "hari"}]}, "population": {"2025-S1": 1200}}"#
        let dir = try Seeds.temporary(["catalog/contoh.json": Self.agency(services: good), "holidays/2024.csv": Self.holidays])
        let catalog = try CatalogLoader.load(seeds: dir)
        #expect(catalog.populations.map { "\($0.agency)/\($0.service) \($0.period) \($0.count)" } == ["contoh/a 2025-S1 1200"])
    }
}
