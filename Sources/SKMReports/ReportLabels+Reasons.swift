import SKMDomain

/// The domain's typed promises, reasons and warnings in the report's language. The Indonesian
/// wording is the one reports and catalog files have always carried, so Indonesian output
/// stays byte for byte what it was.
extension ReportLabels {
    /// A promised duration: "10 s.d. 30 menit" / "10 to 30 minutes".
    public func duration(_ d: PromisedDuration) -> String {
        guard !isIndonesian else { return d.description }
        let unit = self.unit(d.unit.rawValue)
        return (d.lowerBound.map { "\($0) to " } ?? "") + "\(d.amount) \(d.amount == 1 ? String(unit.dropLast()) : unit)"
    }

    /// A promise's variants: "rutin: 6 hari; non rutin: 1 hari". Variant names are the
    /// register's codes and stay as written.
    public func promise(_ variants: [Promise.Variant]) -> String {
        variants.map { ($0.name.map { "\($0): " } ?? "") + duration($0.duration) }.joined(separator: "; ")
    }

    /// Why a standard promises nothing measurable; a reviewer's own words stay as written.
    public func unmeasurable(_ r: UnmeasurablePromise) -> String {
        guard !isIndonesian else { return r.code }
        return switch r {
        case .massService: "names no completion time (the service is given en masse)"
        case .serviceHoursOnly: "gives only service days/hours, not a completion time"
        case .noMeasurableTime: "names no measurable completion time"
        case .stated(let text): text
        }
    }

    /// A warning under the figures.
    public func warning(_ w: ReportWarning) -> String {
        let id = isIndonesian
        switch w {
        case .ikm(.unsurWithoutAnswers(let u, let present)):
            return id ? "Unsur \(u.code) \(u.name) tidak memiliki jawaban; IKM dihitung dari \(present) unsur yang ada."
                      : "Element (unsur) \(u.code) \(u.englishName) has no answers; IKM is computed from the \(present) elements answered."
        case .ikm(.noAnswers):
            return id ? "Tidak ada jawaban untuk dinilai." : "No answers to score."
        case .servicesOutsideCatalog(let codes):
            return id ? "Respon untuk layanan di luar katalog diabaikan: \(codes.joined(separator: ", "))"
                      : "Responses for services outside the catalog were left out: \(codes.joined(separator: ", "))"
        case .receivedBeforeStandard(let day):
            return id ? "Transaksi yang diterima sebelum \(day) (berlakunya keputusan standar pelayanan) tidak punya janji waktu; ketepatan waktunya tidak dinilai dan dihitung \"tanpa janji waktu\"."
                      : "Transactions received before \(day) (when the service standard decree took effect) have no promise; their timeliness is not judged and they count as \"no promise\"."
        case .forPublication:
            return id ? "Laporan untuk publikasi: daftar kasus terlambat, saran dan baris yang ditolak tidak dimuat."
                      : "Report for publication: late cases, suggestions and rejected rows are left out."
        case .text(let text):
            return text
        }
    }
}
