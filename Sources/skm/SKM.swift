import ArgumentParser

@main
struct SKM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skm",
        abstract: "Evaluate public services against their own standards: IKM and turnaround.",
        subcommands: [CatalogCommand.self]
    )
}
