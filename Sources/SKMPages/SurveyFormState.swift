/// What a survey form shows: the visitor's answers so far (empty on a fresh form, kept on a
/// refused one) and the problems found, by field name.
public struct SurveyFormState: Sendable, Equatable {
    public var service: String?
    /// Answers 1…4 by unsur code.
    public var answers: [String: Int] = [:]
    public var gender = ""
    public var age = ""
    public var education = ""
    public var occupation = ""
    public var saran = ""
    /// The ticket or transaction number, stored as the response's transaction link.
    public var ticket = ""
    /// Problems by field name (`service`, `U3`, `age`, `saran`, `ticket`, …, or `form`).
    public var problems: [String: FormProblem] = [:]

    public init(service: String? = nil) { self.service = service }
}

/// Why a field was refused; rendered in the page's language next to the field.
public enum FormProblem: Sendable, Equatable {
    case serviceMissing
    case answerMissing
    case ageInvalid
    case choiceUnknown
    case saranTooLong(max: Int)
    case ticketInvalid(max: Int)
    /// The form's one-time key is missing or malformed (an old or forged page).
    case formExpired
    /// Too many submissions from this device; retry after the seconds given.
    case rateLimited(seconds: Int)
    /// Refused by the store's validation for a reason the form did not foresee.
    case refused(String)

    public func message(_ l: PageLanguage) -> String {
        switch self {
        case .serviceMissing: l.pick("Pilih jenis layanan yang Anda terima.", "Choose the service you received.")
        case .answerMissing: l.pick("Pilih salah satu jawaban.", "Choose one answer.")
        case .ageInvalid: l.pick("Isi umur dengan angka 10–120, atau kosongkan.", "Enter an age from 10 to 120, or leave it empty.")
        case .choiceUnknown: l.pick("Pilihan ini tidak dikenal; pilih dari daftar.", "Unknown choice; pick one from the list.")
        case let .saranTooLong(max): l.pick("Saran paling banyak \(max) karakter.", "Suggestions can be at most \(max) characters.")
        case let .ticketInvalid(max):
            l.pick("Nomor tiket 1–\(max) karakter tanpa spasi.", "A ticket number is 1–\(max) characters without spaces.")
        case .formExpired:
            l.pick("Formulir ini sudah kedaluwarsa. Jawaban Anda tetap ada; silakan kirim lagi.",
                   "This form has expired. Your answers are kept; please send it again.")
        case let .rateLimited(seconds):
            l.pick("Terlalu banyak kiriman dari perangkat ini. Coba lagi dalam \(seconds) detik; jawaban Anda tetap ada.",
                   "Too many submissions from this device. Try again in \(seconds) s; your answers are kept.")
        case let .refused(detail): l.pick("Tidak dapat disimpan: \(detail)", "Could not be stored: \(detail)")
        }
    }
}
