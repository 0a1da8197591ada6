import Foundation
import Testing
import SKMImport

@Suite struct CSVReaderTests {
    @Test func commaQuotesEmbeddedNewlinesAndLineNumbers() throws {
        let text = "id,saran\r\n1,\"Antrian \"\"lama\"\",\r\nmohon diperbaiki\"\r\n\r\n2,\r\n3,ok"
        for size in [4, 5, 7, 1 << 16] {  // tiny buffers cut CRLF, quotes and BOMs across refills
            let (h, e) = try csvEvents(text, bufferSize: size)
            #expect(h == ["id", "saran"])
            #expect(e == [row(2, "1", "Antrian \"lama\",\r\nmohon diperbaiki"), row(5, "2", ""), row(6, "3", "ok")], "buffer \(size)")
        }
    }

    @Test func semicolonAndTabAreSniffedFromTheHeader() throws {
        let (h, e) = try csvEvents("id;tanggal_terima;catatan\n1;04/03/2024 09:15;\"a, b\"\n")
        #expect(h == ["id", "tanggal_terima", "catatan"])
        #expect(e == [row(2, "1", "04/03/2024 09:15", "a, b")])
        let (h2, _) = try csvEvents("a\tb\tc\n")
        #expect(h2 == ["a", "b", "c"])
        let (h3, _) = try csvEvents("\"x;y\",b\n")  // delimiters inside quotes do not count
        #expect(h3 == ["x;y", "b"])
    }

    @Test func byteOrderMarkIsDroppedAndUTF16Refused() throws {
        let (h, e) = try csvEvents([0xEF, 0xBB, 0xBF] + Array("id,x\n1,é\n".utf8), bufferSize: 4)
        #expect(h == ["id", "x"])
        #expect(e == [row(2, "1", "é")])
        #expect(throws: TableFileError.self) { _ = try csvEvents([0xFF, 0xFE, 0x69, 0x00]) }
    }

    @Test func strictErrorsAreRowEventsAndReadingGoesOn() throws {
        let text = """
            a,b
            1,ab"c
            2,"x"y
            3,4,5
            4
            5,ok
            6,"never closed
            7,z
            """
        for size in [3, 4, 7, 1 << 16] {  // unquoted fields are copied in runs: cut them across refills
            let (_, e) = try csvEvents(text, bufferSize: size)
            #expect(e == [
                .malformed(line: 2, reason: "tanda kutip di tengah kolom ke-2 yang tidak diapit kutip"),
                .malformed(line: 3, reason: "ada teks setelah tanda kutip penutup di kolom ke-2"),
                .malformed(line: 4, reason: "3 kolom, padahal header punya 2"),
                .malformed(line: 5, reason: "1 kolom, padahal header punya 2"),
                row(6, "5", "ok"),
                .damaged(.unterminatedQuote(line: 7, through: 8)),
            ], "buffer \(size)")
        }
    }

    @Test func invalidUTF8IsRejectedWithTheLine() throws {
        let bytes = Array("a,b\n1,ab".utf8) + [0xE9] + Array("cd\n2,\"x\ny\"\n".utf8)  // Latin-1 é
        for size in [3, 4, 1 << 16] {
            let (_, e) = try csvEvents(bytes, bufferSize: size)
            #expect(e == [.malformed(line: 2, reason: "kolom ke-2 bukan teks UTF-8 yang sah: simpan berkas sebagai 'CSV UTF-8'"),
                          row(3, "2", "x\ny")], "buffer \(size)")
        }
    }

    @Test func emptyFileAndMissingFileAreFileErrors() throws {
        #expect(throws: TableFileError.empty(file: "t.csv")) { _ = try csvEvents("\n\n") }
        #expect(throws: TableFileError.self) { _ = try CSVReader(path: "/nonexistent/x.csv") }
    }

    @Test func readsFromAFileWithProgress() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeTemp("x.csv", "a,b\n1,2\n", in: dir)
        let r = try CSVReader(path: path)
        var rows = 0
        try r.read(header: { _ in }, row: { _ in rows += 1 })
        #expect(rows == 1)
        #expect(r.progressBytes.done == 8)
        #expect(r.progressBytes.total == 8)
    }
}
