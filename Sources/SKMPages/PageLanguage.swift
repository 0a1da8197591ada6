/// The language of a public page: Bahasa Indonesia unless the visitor switched to English.
public enum PageLanguage: String, Sendable, CaseIterable {
    case id, en

    /// `?lang=` as a visitor sends it; anything unknown falls back to Indonesian rather than
    /// failing, since a public page must always show something.
    public init(query value: String?) { self = value.flatMap(PageLanguage.init(rawValue:)) ?? .id }

    /// The other language, for the switch link.
    public var other: PageLanguage { self == .id ? .en : .id }

    /// The switch link's text, written in the language it switches to.
    public var ownName: String { self == .id ? "Bahasa Indonesia" : "English" }

    /// Picks the string of this language.
    public func pick(_ id: String, _ en: String) -> String { self == .id ? id : en }
}
