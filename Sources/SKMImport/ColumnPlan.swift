import SKMDomain

/// Which column feeds which field, decided once from the header.
///
/// Order of decision for each column: an explicit `--map col=field`; an alias
/// (`tanggal_terima`, `received_at`, …, case- and punctuation-insensitive); a numbered
/// answer column (`u3` = unsur U3; `q8` = question 8 under the chosen layout); a column that
/// identifies a person (dropped, never read); for response files, a question whose words
/// name an unsur ("… kewajaran biaya/tarif …" → U4); otherwise ignored. Every column lands
/// in exactly one of these, and the import summary lists the dropped and ignored ones.
public struct ColumnPlan: Sendable, Equatable {
    public private(set) var columns: [ImportField: Int] = [:]
    /// Header of each used column, for reject messages.
    public let header: [String]
    /// Columns that identify a person: not read, not stored.
    public private(set) var dropped: [String] = []
    /// Columns nothing uses.
    public private(set) var ignored: [String] = []

    private var slots = [Int](repeating: -1, count: ImportField.ordinalCount)

    @inline(__always) public func index(_ f: ImportField) -> Int? {
        let i = slots[f.ordinal]
        return i < 0 ? nil : i
    }

    /// The column name as written in the file, for rejects.
    public func columnName(_ f: ImportField) -> String { columns[f].map { header[$0] } ?? f.description }

    public init(header: [String], kind: ImportKind, overrides: [(column: String, field: String)] = [],
                layout: QuestionnaireLayout = .regulationOrder, dateGiven: Bool = false) throws {
        self.header = header
        let method = layout.method
        let aliases = ImportField.aliases(kind)
        var byAlias: [String: ImportField] = [:]
        for (f, names) in aliases { for n in names + [f.description] { byAlias[n] = f } }
        let normalized = header.map(normalizedHeader)
        var decided = [Bool](repeating: false, count: header.count)

        func assign(_ f: ImportField, _ col: Int) throws {
            if let other = columns[f], other != col {
                throw ColumnPlanError.twoColumnsForOneField(field: f.description, first: header[other], second: header[col])
            }
            columns[f] = col
            decided[col] = true
        }

        for (column, fieldName) in overrides {
            guard let col = header.firstIndex(of: column) ?? normalized.firstIndex(of: normalizedHeader(column)) else {
                throw ColumnPlanError.noSuchColumn(column, header: header)
            }
            let target = normalizedHeader(fieldName)
            if target == "ignore" || fieldName == "-" { decided[col] = true; ignored.append(header[col]); continue }
            guard let f = Self.field(named: target, kind: kind, layout: layout, aliases: byAlias) else {
                throw ColumnPlanError.unknownField(fieldName, kind: kind)
            }
            try assign(f, col)
        }
        for (col, name) in normalized.enumerated() where !decided[col] {
            let bare = normalizedHeader(Self.withoutParentheses(header[col]))
            if let f = byAlias[name] ?? byAlias[bare] ?? Self.numberedAnswer(name, kind: kind, layout: layout) {
                try assign(f, col)
            } else if ImportField.isPersonal(name) {
                dropped.append(header[col])
                decided[col] = true
            } else if kind == .responses, method == .permenPANRB14_2017 {
                let words = Set(name.split(separator: "_").map(String.init))
                let hits = ImportField.unsurKeywords.indices.filter { !words.isDisjoint(with: ImportField.unsurKeywords[$0]) }
                if hits.count == 1 {
                    try assign(.answer(hits[0]), col)
                } else if hits.isEmpty, !words.isDisjoint(with: ["saran", "masukan", "kritik", "usulan"]) {
                    try assign(.saran, col)
                } else if hits.count > 1 {
                    throw ColumnPlanError.ambiguousQuestion(header[col], unsur: hits.map { method.unsur[$0].code })
                }
            }
        }
        for col in header.indices where !decided[col] && !header[col].isEmpty { ignored.append(header[col]) }
        for (f, col) in columns { slots[f.ordinal] = col }
        try checkRequired(kind, dateGiven: dateGiven)
    }

    private func checkRequired(_ kind: ImportKind, dateGiven: Bool) throws {
        // The service may come from `--service` instead of a column: the importer checks that;
        // a responses file's date from `--date`/`--period`.
        let required: [ImportField] = kind == .transactions ? [.id, .receivedAt] : (dateGiven ? [] : [.date])
        for f in required where columns[f] == nil { throw ColumnPlanError.missingField(f.description, kind: kind, header: header) }
        if kind == .responses, !columns.keys.contains(where: { if case .answer = $0 { true } else { false } }) {
            throw ColumnPlanError.noAnswerColumns(header: header)
        }
    }

    /// "Jenis Kelamin (L/P)" → "Jenis Kelamin ": a hint in brackets does not change what the column is.
    static func withoutParentheses(_ s: String) -> String {
        var out = "", depth = 0
        for ch in s {
            if ch == "(" || ch == "[" { depth += 1 } else if ch == ")" || ch == "]" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return out
    }

    /// A field name as `--map` accepts it: canonical names, their aliases, `u1`… and `q1`….
    static func field(named name: String, kind: ImportKind, layout: QuestionnaireLayout, aliases: [String: ImportField]) -> ImportField? {
        aliases[name] ?? numberedAnswer(name, kind: kind, layout: layout)
    }

    /// `u3`, `unsur_3` → the unsur U3; `q8`, `p8`, `pertanyaan_8`, `soal_8` → question 8 under `layout`.
    static func numberedAnswer(_ name: String, kind: ImportKind, layout: QuestionnaireLayout) -> ImportField? {
        guard kind == .responses else { return nil }
        var prefix = name
        while let last = prefix.last, last.isNumber { prefix.removeLast() }
        guard prefix.count < name.count, let n = Int(name.dropFirst(prefix.count)), n >= 1 else { return nil }
        if prefix.hasSuffix("_") { prefix.removeLast() }
        switch prefix {
        case "u", "unsur", "nilai_u", "jawaban_u", "nilai_unsur":
            return n <= layout.method.unsur.count ? .answer(n - 1) : nil
        case "q", "p", "pertanyaan", "soal", "question", "nilai", "jawaban", "jwb", "nilai_p", "nilai_q", "jawaban_p", "jawaban_q":
            guard n <= layout.unsurCodes.count, let u = layout.method.index(ofUnsur: layout.unsurCodes[n - 1]) else { return nil }
            return .answer(u)
        default:
            return nil
        }
    }
}

/// A header that cannot be used as it is; the message says what to pass to fix it.
public enum ColumnPlanError: Error, Equatable, CustomStringConvertible {
    case noSuchColumn(String, header: [String])
    case unknownField(String, kind: ImportKind)
    case twoColumnsForOneField(field: String, first: String, second: String)
    case ambiguousQuestion(String, unsur: [String])
    case missingField(String, kind: ImportKind, header: [String])
    case noAnswerColumns(header: [String])

    public var description: String {
        switch self {
        case let .noSuchColumn(c, h):
            "--map names column '\(c)', which is not in the header (\(h.joined(separator: ", ")))"
        case let .unknownField(f, kind):
            "--map: unknown field '\(f)' for \(kind.rawValue); fields: "
                + (kind == .transactions ? ImportField.transactionFields : ImportField.responseFields).map(\.description).joined(separator: ", ")
                + (kind == .responses ? ", u1…u9, q1…q9, ignore" : ", ignore")
        case let .twoColumnsForOneField(f, a, b):
            "columns '\(a)' and '\(b)' both look like \(f): choose one with --map \"\(b)=ignore\" (or map it elsewhere)"
        case let .ambiguousQuestion(c, u):
            "column '\(c)' mentions several unsur (\(u.joined(separator: ", "))): say which with --map \"\(c)=u1\" (u1…u9)"
        case let .missingField(f, kind, h):
            "no column for \(f) in this \(kind.rawValue) file (header: \(h.joined(separator: ", "))): rename it or use --map \"COLUMN=\(f)\""
                + (f == "date" ? ", or give every row's date with --date YYYY-MM-DD or --period" : "")
        case let .noAnswerColumns(h):
            "no answer columns found (header: \(h.joined(separator: ", "))): name them u1…u9 or q1…q9, or --map \"COLUMN=u1\""
        }
    }
}
