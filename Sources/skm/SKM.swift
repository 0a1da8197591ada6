import ArgumentParser

@main
struct SKM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skm",
        abstract: "Evaluate public services against their own standards: IKM and turnaround.",
        discussion: """
            skm scores SKM questionnaires with the IKM method of PermenPANRB 14/2017 and checks \
            every transaction's turnaround against the completion time promised in the service's \
            Standar Pelayanan decree, then writes XLSX and JSON reports.

            Start with `skm demo` to see the whole job on generated data.
            """,
        subcommands: [
            InitCommand.self,
            DemoCommand.self,
            ScoreCommand.self,
            ReportCommand.self,
            ComplianceCommand.self,
            CatalogCommand.self,
            AgencyCommand.self,
            ServiceCommand.self,
            PopulationCommand.self,
            ImportCommand.self,
            BenchCommand.self,
            QueryCommand.self,
            ServeCommand.self,
            TokenCommand.self,
            KioskCommand.self,
            PublishCommand.self,
            StoreCommand.self,
        ]
    )
}
