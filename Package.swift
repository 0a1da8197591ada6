// swift-tools-version:6.0
// skm — IKM (PermenPANRB 14/2017) and service-standard compliance for Indonesian public services.
//
// The layout is the architecture: `SKMDomain` is pure Swift with no dependencies and no I/O;
// every other module depends on it, never the other way round.
import PackageDescription

let package = Package(
    name: "skm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "skm", targets: ["skm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Token digests (SHA-256); already in the graph through the test dependencies.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Already in the graph through Hummingbird; named because the server uses them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // PostgreSQL, the second store (SKMPostgres): the maintained NIO driver, with COPY FROM STDIN.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The rules: IKM, samples, calendars, promises, turnaround. No I/O.
        .target(name: "SKMDomain"),

        // Reading the standards catalog and holiday calendar from `seeds/`, and decree texts.
        .target(name: "SKMCatalog", dependencies: ["SKMDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // One SQLite setting Swift cannot make (a variadic C call); see its header.
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),

        // SQLite through GRDB: schema, migrations, bulk loads, reads.
        .target(name: "SKMStorage", dependencies: [
            "SKMDomain", "CSQLiteTuning",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // PostgreSQL as a second `SurveyStore`, selected by a postgres:// store address.
        .target(name: "SKMPostgres", dependencies: [
            "SKMDomain", "SKMStorage",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Getting office files in: CSV and XLSX readers, column mapping, rejects.
        .target(name: "SKMImport", dependencies: [
            "SKMDomain", "SKMStorage",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // libxlsxwriter, as Debian ships it.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // The evaluation report: figures assembled from the store, written as XLSX and JSON.
        .target(name: "SKMReports", dependencies: [
            "SKMDomain", "SKMStorage", "CXlsxWriter",
        ]),

        // Realistic, reproducible demo data for the seed agencies.
        .target(name: "SKMDemo", dependencies: ["SKMDomain"]),

        // Public HTML pages (the survey form, QR posters, published results): Swift string building, inline styles.
        .target(name: "SKMPages", dependencies: ["SKMDomain", "SKMReports"]),

        // libqrencode, as Debian ships it.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),

        // QR codes of form addresses as SVG and PNG.
        .target(name: "SKMQRCode", dependencies: ["CQRencode"]),

        // HTTP JSON API for kiosks, web forms and dashboards.
        .target(name: "SKMServer", dependencies: [
            "SKMDomain", "SKMStorage", "SKMImport", "SKMReports", "SKMPages",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),

        // The command-line tool.
        .executableTarget(name: "skm", dependencies: [
            "SKMDomain", "SKMCatalog", "SKMStorage", "SKMImport", "SKMReports", "SKMDemo", "SKMServer", "SKMPages", "SKMQRCode",
            "SKMPostgres",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Fuzz targets (scripts/fuzz builds them with libFuzzer; here they replay a corpus).
        .target(name: "SKMFuzz", dependencies: [
            "SKMDomain", "SKMImport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "skm-fuzz", dependencies: ["SKMFuzz"]),

        .testTarget(name: "SKMDomainTests", dependencies: ["SKMDomain"]),
        .testTarget(name: "SKMCatalogTests", dependencies: ["SKMCatalog", "SKMDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "SKMStorageTests", dependencies: ["SKMStorage", "SKMDomain"]),
        .testTarget(name: "SKMImportTests", dependencies: [
            "SKMImport", "SKMStorage", "SKMDomain",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),  // builds malformed workbooks
        ],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SKMReportsTests", dependencies: [
            "SKMReports", "SKMStorage", "SKMDomain",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "SKMServerTests", dependencies: [
            "SKMServer", "SKMStorage", "SKMDomain", "SKMReports", "SKMPages",
            "SKMCatalog",  // the public results page is tested on the seed catalog's Bengkulu Selatan
            "SKMPostgres",  // two servers on one PostgreSQL database
            "SKMDemo",  // a seeded generator for the random changes of FiguresCacheTests
            .product(name: "GRDB", package: "GRDB.swift"),  // survey-form tests read the stored row back
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "SKMCLITests", dependencies: ["SKMPostgres"]),  // makes the PostgreSQL demo's database
        .testTarget(name: "SKMPostgresTests", dependencies: [
            "SKMPostgres", "SKMStorage", "SKMDomain", "SKMImport", "SKMReports", "SKMCatalog", "SKMDemo",
        ]),
        .testTarget(name: "SKMPagesTests", dependencies: ["SKMPages", "SKMQRCode", "SKMDomain", "SKMReports"]),
    ]
)
