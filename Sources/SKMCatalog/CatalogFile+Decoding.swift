import Foundation

// Catalog files decode leniently: a missing field becomes empty instead of stopping the
// decode at the first one, so that `CatalogKeys.problems` can name every missing field of
// every file in one run and `CatalogValidation` can still check the values that are there.
// A file with a missing required field never loads (the shape check reports it as an error).

extension AgencyFile {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decodeIfPresent(String.self, forKey: .code) ?? "",
                  name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
                  region: try c.decodeIfPresent(String.self, forKey: .region) ?? "",
                  timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone) ?? "",
                  decree: try c.decodeIfPresent(DecreeFile.self, forKey: .decree) ?? DecreeFile(number: "", date: "", title: ""),
                  officeHours: try c.decodeIfPresent(OfficeHoursFile.self, forKey: .officeHours),
                  notes: try c.decodeIfPresent([String].self, forKey: .notes),
                  services: try c.decodeIfPresent([ServiceFile].self, forKey: .services) ?? [])
    }
}

extension DecreeFile {
    enum CodingKeys: String, CodingKey { case number, date, title }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(number: try c.decodeIfPresent(String.self, forKey: .number) ?? "",
                  date: try c.decodeIfPresent(String.self, forKey: .date) ?? "",
                  title: try c.decodeIfPresent(String.self, forKey: .title) ?? "")
    }
}

extension ServiceFile {
    enum CodingKeys: String, CodingKey { case code, name, components, promise, population }

    /// `components` is optional: a catalog written by hand may give only names and promises.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try c.decodeIfPresent(String.self, forKey: .code) ?? "",
                  name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
                  components: try c.decodeIfPresent([ComponentFile].self, forKey: .components) ?? [],
                  promise: try c.decodeIfPresent(PromiseFile.self, forKey: .promise),
                  population: try c.decodeIfPresent([String: Int].self, forKey: .population))
    }
}

extension ComponentFile {
    enum CodingKeys: String, CodingKey { case key, heading, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(key: try c.decodeIfPresent(String.self, forKey: .key) ?? "",
                  heading: try c.decodeIfPresent(String.self, forKey: .heading) ?? "",
                  text: try c.decodeIfPresent(String.self, forKey: .text) ?? "")
    }
}

extension PromiseFile {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
                  variants: try c.decodeIfPresent([VariantFile].self, forKey: .variants) ?? [],
                  defaultVariant: try c.decodeIfPresent(String.self, forKey: .defaultVariant),
                  noPromiseReason: try c.decodeIfPresent(String.self, forKey: .noPromiseReason))
    }
}

extension VariantFile {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decodeIfPresent(String.self, forKey: .name),
                  amount: try c.decodeIfPresent(Int.self, forKey: .amount) ?? 0,
                  unit: try c.decodeIfPresent(String.self, forKey: .unit) ?? "",
                  lowerBound: try c.decodeIfPresent(Int.self, forKey: .lowerBound))
    }
}
