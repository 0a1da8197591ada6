/// The HTML document every public page shares: `lang` set, a viewport for phones, the inline
/// style sheet, and nothing fetched from elsewhere (offices run these pages on intranets
/// without internet).
public struct PageShell: Sendable {
    public var language: PageLanguage
    public var title: String
    /// Seconds after which the browser loads `refresh.url` by itself (kiosk mode); works
    /// without JavaScript.
    public var refresh: (seconds: Int, url: String)?
    /// Extra CSS for one page, appended to the shared sheet.
    public var style = ""

    public init(language: PageLanguage, title: String, refresh: (seconds: Int, url: String)? = nil, style: String = "") {
        self.language = language
        self.title = title
        self.refresh = refresh
        self.style = style
    }

    /// The whole document around `body` (already HTML).
    public func render(body: String) -> String {
        var head = """
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(HTML.text(title))</title>
            """
        if let refresh {
            head += "\n<meta http-equiv=\"refresh\" content=\"\(refresh.seconds); url=\(HTML.attr(refresh.url))\">"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            \(head)
            <style>\(PageStyle.base)\(style)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }
}
