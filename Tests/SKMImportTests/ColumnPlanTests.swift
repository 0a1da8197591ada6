import Testing
import SKMDomain
@testable import SKMImport

@Suite struct ColumnPlanTests {
    @Test func demoTransactionHeaderNeedsNoMapping() throws {
        let h = ["id", "agency", "service", "received_at", "finished_at", "variant", "pauses", "channel"]
        let p = try ColumnPlan(header: h, kind: .transactions)
        #expect(p.columns == [.id: 0, .agency: 1, .service: 2, .receivedAt: 3, .finishedAt: 4, .variant: 5, .pauses: 6, .channel: 7])
        #expect(p.dropped.isEmpty && p.ignored.isEmpty)
    }

    @Test func indonesianAliasesAnyCaseAndPersonalColumnsDropped() throws {
        let h = ["No. Registrasi", "Jenis Layanan", "Tanggal Terima", "TANGGAL SELESAI", "Nama Pemohon", "NIK", "No HP/WA",
                 "Alamat", "Keterangan"]
        let p = try ColumnPlan(header: h, kind: .transactions)
        #expect(p.columns == [.id: 0, .service: 1, .receivedAt: 2, .finishedAt: 3])
        #expect(p.dropped == ["Nama Pemohon", "NIK", "No HP/WA", "Alamat"])
        #expect(p.ignored == ["Keterangan"])
    }

    @Test func demoResponseHeaderUsesRegulationOrder() throws {
        let h = ["id", "agency", "service", "date", "gender", "age", "education", "occupation"] + (1...9).map { "u\($0)" }
            + ["saran", "transaction_id"]
        let p = try ColumnPlan(header: h, kind: .responses)
        #expect(p.index(.answer(7)) == 15)  // u8 = U8 Pengaduan
        #expect(p.index(.answer(8)) == 16)
        #expect(p.index(.transactionId) == 18)
    }

    @Test func numberedQuestionsFollowTheLayout() throws {
        let h = ["tanggal", "layanan"] + (1...9).map { "Q\($0)" }
        let reg = try ColumnPlan(header: h, kind: .responses, layout: .regulationOrder)
        let sample = try ColumnPlan(header: h, kind: .responses, layout: .sampleQuestionnaireOrder)
        #expect(reg.index(.answer(8)) == 10)      // Q9 asks U9 Sarana
        #expect(sample.index(.answer(8)) == 9)    // Q8 asks U9 Sarana on the sample form
        #expect(sample.index(.answer(7)) == 10)   // Q9 asks U8 Pengaduan
    }

    @Test func googleFormsQuestionsFindTheirUnsurInAnyOrder() throws {
        let h = [
            "Stempel waktu", "Alamat email", "Jenis Layanan", "Jenis Kelamin (L/P)",
            "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
            "Saran dan masukan untuk perbaikan pelayanan",
        ]
        let p = try ColumnPlan(header: h, kind: .responses)
        #expect(p.columns == [.date: 0, .service: 2, .gender: 3, .answer(8): 4, .answer(0): 5, .answer(7): 6, .saran: 7])
        #expect(p.dropped == ["Alamat email"])
    }

    @Test func mapOverridesAndErrorsSayWhatToDo() throws {
        let h = ["Kode", "Layanan", "Masuk", "Keluar"]
        #expect(throws: ColumnPlanError.missingField("id", kind: .transactions, header: h)) {
            _ = try ColumnPlan(header: h, kind: .transactions)
        }
        let p = try ColumnPlan(header: h, kind: .transactions,
                               overrides: [("Kode", "id"), ("masuk", "received_at"), ("Keluar", "tanggal_selesai")])
        #expect(p.columns == [.id: 0, .service: 1, .receivedAt: 2, .finishedAt: 3])
        #expect(throws: ColumnPlanError.unknownField("tanggal_lahir", kind: .transactions)) {
            _ = try ColumnPlan(header: h, kind: .transactions, overrides: [("Kode", "tanggal_lahir")])
        }
        #expect(throws: ColumnPlanError.noSuchColumn("Nomor", header: h)) {
            _ = try ColumnPlan(header: h, kind: .transactions, overrides: [("Nomor", "id")])
        }
        let two = ["id", "layanan", "tanggal_terima", "received_at"]
        #expect(throws: ColumnPlanError.twoColumnsForOneField(field: "received_at", first: "tanggal_terima", second: "received_at")) {
            _ = try ColumnPlan(header: two, kind: .transactions)
        }
        let fixed = try ColumnPlan(header: two, kind: .transactions, overrides: [("received_at", "ignore")])
        #expect(fixed.index(.receivedAt) == 2)
        #expect(fixed.ignored == ["received_at"])
    }

    @Test func aQuestionNamingTwoUnsurIsAmbiguous() {
        let h = ["tanggal", "layanan", "Bagaimana waktu dan biaya pelayanan?"]
        #expect(throws: ColumnPlanError.ambiguousQuestion("Bagaimana waktu dan biaya pelayanan?", unsur: ["U3", "U4"])) {
            _ = try ColumnPlan(header: h, kind: .responses)
        }
    }
}
