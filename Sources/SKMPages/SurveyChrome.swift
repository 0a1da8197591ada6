/// What the survey pages share: the language switch, links that keep the language and kiosk
/// mode, the form's extra styles, and the one progressive-enhancement script.
enum SurveyChrome {
    static func link(_ path: String, language: PageLanguage, kiosk: Bool, extra: [(String, String)] = []) -> String {
        SurveyLink.url(path, language: language, kiosk: kiosk, extra: extra)
    }

    /// The language switch, written in the language it switches to. It stays on the survey,
    /// so it is kept in kiosk mode too.
    static func topBar(language l: PageLanguage, path: String, kiosk: Bool) -> String {
        let other = l.other
        return """
            <div class="topbar"><span class="muted">SKM</span>\
            <a class="lang" lang="\(other.rawValue)" hreflang="\(other.rawValue)" href="\(HTML.attr(link(path, language: other, kiosk: kiosk)))">\(HTML.text(other.ownName))</a></div>

            """
    }

    static let style = """
        .office{font-weight:600;margin-top:0}
        form{margin-top:1rem}
        .q{border:1px solid #c4c9cf;border-radius:.5rem;margin:0 0 1rem;padding:.5rem .75rem .75rem}
        .q[aria-describedby]{border:2px solid #a4001d}
        legend{font-weight:600;padding:0 .25rem}
        .n{font-weight:700}
        .unsur{font-size:.9375rem;margin:.25rem 0 .5rem}
        .opt{display:flex;align-items:center;gap:.75rem;min-height:48px;padding:.25rem .5rem;border-radius:.375rem;cursor:pointer}
        .opt:hover{background:#eef3f8}
        .opt input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#0b4f8a}
        .field{margin:0 0 1rem}
        .field label{display:block;font-weight:600;margin-bottom:.25rem}
        select,input[type=text],input[type=number],textarea{display:block;width:100%;min-height:48px;padding:.5rem .75rem;\
        font:inherit;color:#1b1b1b;background:#fff;border:1px solid #6b7280;border-radius:.375rem}
        textarea{min-height:7rem;resize:vertical}
        [aria-invalid=true]{border:2px solid #a4001d}
        .hint{font-size:.9375rem;margin:.25rem 0 0}
        .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
        .thanks{text-align:center;padding-top:2rem}
        .thanks .mark{font-size:3rem;line-height:1;color:#0b6b2e}
        """

    /// Shows "n / limit" under the saran while typing. Without JavaScript the static hint
    /// says the limit and `maxlength` enforces it.
    static let counterScript = """
        <script>
        (function(){var t=document.getElementById('saran'),c=document.getElementById('saran-count');if(!t||!c)return;
        var n=+t.getAttribute('data-limit');function u(){c.textContent=t.value.length+' / '+n;}c.hidden=false;u();t.addEventListener('input',u);})();
        </script>

        """
}

/// Addresses of the survey pages, keeping the visitor's language and kiosk mode.
public enum SurveyLink {
    /// `path` with `lang=en` (when English) and `kiosk=1` (when on), plus `extra` pairs.
    public static func url(_ path: String, language: PageLanguage, kiosk: Bool, extra: [(String, String)] = []) -> String {
        var q: [(String, String)] = []
        if language == .en { q.append(("lang", "en")) }
        if kiosk { q.append(("kiosk", "1")) }
        return path + HTML.query(q + extra)
    }
}
