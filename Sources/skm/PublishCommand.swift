import ArgumentParser
import SKMStorage

/// `skm publish`: turns an office's public results page (`/p/<agency>` of skm serve) on or off.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Turn the public results page /p/<agency> of skm serve on or off.",
        discussion: """
            Off by default: the address answers 404 until an office turns it on. The page shows \
            only what `skm report --publish` allows (no saran, no transaction ids, no rejected \
            rows, nothing counted from fewer than 5 respondents). The same page as a file for \
            the office's website: skm report --format html.

            Examples:
              skm publish --agency bengkulu-selatan --on
              skm publish --agency bengkulu-selatan --off
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .long, help: "Agency code.") var agency: String
    @Flag(exclusivity: .exclusive, help: "Turn the page on or off.") var state: State

    enum State: String, EnumerableFlag { case on, off }

    func run() throws {
        do {
            try storeOptions.openExisting().setPublication(agency: agency, on: state == .on)
        } catch let e as StoreError {
            throw CLIError("\(e)")
        }
        note("public results page of \(agency) turned \(state.rawValue): /p/\(agency)")
    }
}
