import Testing
import SKMImport

@Suite struct AnswerParserTests {
    let p = AnswerParser()

    func v(_ s: String, _ u: Int = 0) -> Int?? {
        if case let .success(x) = p.parse(s, unsur: u) { return .some(x) }
        return nil
    }

    func reason(_ s: String, _ u: Int = 0) -> String? {
        if case let .failure(f) = p.parse(s, unsur: u) { return f.reason }
        return nil
    }

    @Test func numbersAndEmpty() {
        #expect(v("4") == .some(4))
        #expect(v(" 1 ") == .some(1))
        #expect(v("3.0") == .some(3))
        #expect(v("") == .some(nil))
        #expect(v("  ") == .some(nil))
        #expect(reason("5") == "jawaban 5 di luar rentang 1–4")
        #expect(reason("0") == "jawaban 0 di luar rentang 1–4")
        #expect(reason("2.5") == "jawaban 2.5 di luar rentang 1–4")
        #expect(v("4,0") == .some(4))
    }

    /// Numbers written in ways no questionnaire writes are refused, not read as 4, 4, 1.
    @Test func onlyPlainNumbers() {
        let why = "bukan angka 1–4 yang ditulis biasa (tanpa tanda, pangkat atau heksadesimal)"
        #expect(reason("0x4") == "jawaban '0x4' \(why)")
        #expect(reason("+4") == "jawaban '+4' \(why)")
        #expect(reason("1e0") == "jawaban '1e0' \(why)")
        #expect(reason("-1") == "jawaban '-1' \(why)")
        #expect(v(" 4 ") == .some(4))  // surrounding spaces are trimmed: a spreadsheet's padding, not a different number
        #expect(v("4. Sangat sesuai") == .some(4))
    }

    @Test func labelsPerUnsurAnyCaseTrimmed() {
        #expect(v("Sangat sesuai") == .some(4))
        #expect(v("  sangat   SESUAI. ") == .some(4))
        #expect(v("Gratis", 3) == .some(4))          // U4 Biaya/Tarif
        #expect(v("Sangat mahal", 3) == .some(1))
        #expect(v("Cukup", 8) == .some(2))           // U9 Sarana: Buruk / Cukup / Baik / Sangat baik
        #expect(v("Dikelola dengan baik", 7) == .some(4))
        #expect(v("Kurang baik", 2) == .some(2))     // a generic scale
        #expect(v("d. Sangat sesuai") == .some(4))
        #expect(v("4) Sangat sesuai") == .some(4))
        #expect(reason("2) Sangat sesuai") == "nomor 2 tidak cocok dengan label 'sangat sesuai' (= 4)")
        #expect(reason("Lumayan") == "jawaban 'Lumayan' bukan angka 1–4 atau label U1 (Tidak sesuai / Kurang sesuai / Sesuai / Sangat sesuai)")
    }
}
