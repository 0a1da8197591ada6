import SKMDomain
import SKMImport

/// Cell-sized parsers: dates, answers and decree promise texts.
enum TextFuzz {
    static let dmy = DateParser(order: .dayFirst), mdy = DateParser(order: .monthFirst, acceptsSerial: true)
    static let answers = AnswerParser()

    static func date(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for parser in [dmy, mdy] {
            guard case let .success(p) = parser.parse(text) else { continue }
            require((0..<86400).contains(p.secondOfDay ?? 0), "second of day \(p.secondOfDay!)")
            require(abs(p.utcOffset ?? 0) <= 14 * 3600 + 59 * 60, "offset \(p.utcOffset!)")
            // What was read, written back as ISO text, reads the same.
            let (y, m, d) = (p.date.year, p.date.components.month, p.date.components.day)
            var iso = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
            if let s = p.secondOfDay {
                iso += " " + pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2)
                if let o = p.utcOffset { iso += (o < 0 ? "-" : "+") + pad(Int(abs(o)) / 3600, 2) + ":" + pad(Int(abs(o)) / 60 % 60, 2) }
            }
            guard (0...9999).contains(y) else { continue }
            let again = DateParser(order: .dayFirst).parse(iso)
            require(again == .success(p), "'\(text)' → \(p) → '\(iso)' → \(again)")
        }
    }

    static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, w - s.count)) + s
    }

    static func answer(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for u in answers.method.unsur.indices {
            let r = answers.parse(text, unsur: u)
            if case let .success(v?) = r { require((1...4).contains(v), "answer \(v)") }
            // A leading combining mark would join the space into one character: ASCII edges only.
            if let f = text.unicodeScalars.first, let l = text.unicodeScalars.last, f.isASCII, l.isASCII {
                require(answers.parse(" " + text + " ", unsur: u) == r, "surrounding spaces change '\(text)'")
            }
        }
    }

    static func promise(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let p = PromiseParser.parse(text)
        require(p.text == text, "text changed")
        require(p.variants.isEmpty == (p.noPromiseReason != nil), "variants and reason disagree")
        let names = p.variants.map(\.name)
        require(Set(names).count == names.count, "duplicate variants \(names)")
        for v in p.variants {
            // "0 (satu) hari" gives 0 days: what the text says, so ≥ 0 (reported, left to the domain).
            require(v.duration.amount >= 0, "duration \(v.duration)")
            require(v.duration.lowerBound.map { $0 >= 0 } ?? true, "lower bound \(v.duration)")
        }
        if !p.variants.isEmpty {
            require(names.contains(p.defaultVariant), "default \(String(describing: p.defaultVariant)) not in \(names)")
        }
    }
}
