import ArgumentParser
import Foundation
import SKMDomain
import SKMImport
import SKMStorage

/// `skm import transactions|responses FILE`: loads an office's file into the store, good rows
/// in, every bad row listed with its line, column, value and reason.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a transactions register or survey responses (CSV or XLSX).",
        discussion: """
            Columns are recognised by name, Indonesian or English, any case (tanggal_terima, received_at…); \
            --map "Column=field" decides for one column. Columns that identify a person (nama, NIK, telepon, \
            email, alamat) are never read. Times without a zone are the agency's local time. Importing the \
            same file again adds nothing; the whole import is one transaction. A survey file without an id \
            column is recognised row by row from its raw cells (or the form's timestamp) and each row's \
            place among identical rows: respondents who answered alike are never merged, and a later export \
            of the same form adds only its new rows.

            A row whose id is already stored with other content is rejected as a conflict; --replace \
            overwrites it instead (the earlier content is not kept). `skm import list` shows every import \
            with its batch number; `skm import undo BATCH` removes what that import added.

            Exit status: 0 when rows were stored or already there (rejected rows, if any, are listed \
            and kept in the store's rejects); 3 when the file had rows and every one was rejected, so \
            that a scheduled job notices a wrong file or mapping; 1 on any other error (nothing stored), \
            including a broken file structure (an unterminated quote, a damaged XLSX part), named by file \
            and line or cell; --keep-going then stores the readable rows and lists the lines skipped. \
            --strict turns any rejected row into a failure that stores nothing.
            """,
        subcommands: [Transactions.self, Responses.self, List.self, Undo.self]
    )

    struct Options: ParsableArguments {
        @Argument(help: "The CSV (comma or semicolon, UTF-8) or XLSX file.")
        var file: String

        @Option(help: "The store file (default: $SKM_STORE, else skm.sqlite).")
        var store: String?

        @Option(help: "Agency code for every row, when the file has no agency column.")
        var agency: String?

        @Option(help: "Service code or name for every row, when the file has no service column.")
        var service: String?

        @Option(help: "XLSX sheet to read (default: the first).")
        var sheet: String?

        @Option(name: .customLong("map"), help: ArgumentHelp("Use COLUMN for FIELD (repeatable); FIELD 'ignore' skips it.", valueName: "COLUMN=FIELD"))
        var map: [String] = []

        @Flag(help: "Fail the whole import (store nothing) if any row is rejected.")
        var strict = false

        @Flag(help: "Overwrite a stored row whose id comes again with different content.")
        var replace = false

        @Flag(help: "On a broken file structure (unterminated quote, damaged XLSX part), store the readable rows and list the lines skipped, instead of storing nothing.")
        var keepGoing = false

        @Option(help: "Order of slashed dates: dmy (04/03/2024 = 4 March, Indonesian) or mdy (en-US Google Forms export).")
        var dateOrder: String = DateOrder.dayFirst.rawValue

        func importOptions(layout: QuestionnaireLayout) throws -> ImportOptions {
            var pairs: [(column: String, field: String)] = []
            for m in map {
                guard let eq = m.lastIndex(of: "=") else { throw ValidationError("--map expects COLUMN=FIELD, got '\(m)'") }
                pairs.append((String(m[..<eq]), String(m[m.index(after: eq)...])))
            }
            guard let order = DateOrder(rawValue: dateOrder.lowercased()) else {
                throw ValidationError("--date-order must be dmy or mdy, got '\(dateOrder)'")
            }
            return ImportOptions(agency: agency, service: service, sheet: sheet, columnMap: pairs, strict: strict,
                                 replace: replace, layout: layout, dateOrder: order, keepGoing: keepGoing)
        }

        var storePath: String { store ?? ProcessInfo.processInfo.environment["SKM_STORE"] ?? "skm.sqlite" }
    }

    struct Transactions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import service transactions: id, service, received_at, finished_at, variant, pauses, channel.")
        @OptionGroup var options: Options

        func run() throws { try runImport(.transactions, options, layout: .regulationOrder) }
    }

    struct Responses: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import SKM questionnaire responses, including a Google Forms export as it is.")
        @OptionGroup var options: Options

        @Option(help: "How numbered question columns q1…q9 map to unsur: regulation (Q8 Pengaduan, Q9 Sarana), sample-form (Q8 Sarana, Q9 Pengaduan), or kepmenpan-2004 (q1…q14, the 14 unsur of Kepmenpan 25/2004, scored with --method kepmenpan-25-2004).")
        var layout: String = QuestionnaireLayout.regulationOrder.id

        @Option(help: ArgumentHelp("The survey date of every row, for a file without a date column.", valueName: "YYYY-MM-DD"),
                transform: LocalDate.argument)
        var date: LocalDate?

        @Option(help: ArgumentHelp("The survey period of a file without a date column (e.g. 2025-S1): every row is dated its first day.",
                                   valueName: "period"), transform: Period.argument)
        var period: Period?

        func validate() throws {
            guard QuestionnaireLayout.named(layout) != nil else {
                throw ValidationError("--layout must be one of \(QuestionnaireLayout.all.map(\.id).joined(separator: ", "))")
            }
            if date != nil && period != nil { throw ValidationError("give --date or --period, not both") }
        }

        func run() throws {
            try runImport(.responses, options, layout: QuestionnaireLayout.named(layout)!, surveyDate: date ?? period?.start)
        }
    }
}

private func runImport(_ kind: ImportKind, _ o: ImportCommand.Options, layout: QuestionnaireLayout, surveyDate: LocalDate? = nil) throws {
    let opts = try o.importOptions(layout: layout).dated(surveyDate)
    let store = try StoreOptions(store: o.storePath).openExisting()
    do {
        let report = try Importer.run(kind, file: o.file, into: store, options: opts, progress: ImportProgress())
        print(report.summary())
        if let surveyDate, report.mapping.contains(where: { $0.field == "date" }) {
            note("note: --date/--period was not used: the file has a date column")
        } else if let surveyDate {
            note("note: every row is dated \(surveyDate) (the file has no date column)")
        }
        if o.service != nil, let column = report.mapping.first(where: { $0.field == "service" })?.column {
            // --service only fills in a missing column; say so rather than let every row be
            // rejected for a service name the user thought was overridden.
            note("note: --service was not used: the file has a service column '\(column)' (add --map \"\(column)=ignore\" to use --service)")
        }
        if report.counts.read > 0, report.counts.rejected == report.counts.read {
            note("error: every row of \(report.file) was rejected; nothing was imported (exit status 3)")
            throw ExitCode(3)
        }
    } catch let ImportError.strictFailed(report) {
        print(report.summary())
        throw ImportError.strictFailed(report)
    }
}
