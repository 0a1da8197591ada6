/// The shared style sheet of the public pages, inline in every page.
///
/// Mobile first: one column sized for a 360 px phone, growing to a readable measure on wider
/// screens; sizes in rem so 200 % zoom reflows instead of scrolling sideways. Colours keep at
/// least 4.5:1 against their background (text #1b1b1b and #4a4a4a on white, white on #0b4f8a,
/// error #a4001d on white), and every control is at least 44 px tall.
public enum PageStyle {
    public static let base = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-size:100%;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;\
        font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#f4f6f8;overflow-wrap:anywhere}
        main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
        h1{font-size:1.375rem;line-height:1.3;margin:.5rem 0 .25rem}
        h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
        p{margin:.5rem 0}
        .muted{color:#4a4a4a}
        a{color:#0b4f8a}
        a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible{\
        outline:3px solid #0b4f8a;outline-offset:2px}
        .topbar{display:flex;justify-content:space-between;align-items:center;gap:.5rem;flex-wrap:wrap}
        .lang{display:inline-flex;align-items:center;min-height:44px;padding:0 .75rem;border:1px solid #0b4f8a;\
        border-radius:.5rem;text-decoration:none;font-weight:600}
        .button{display:block;width:100%;min-height:48px;padding:.75rem 1rem;border:0;border-radius:.5rem;\
        background:#0b4f8a;color:#fff;font:inherit;font-weight:700;text-align:center;text-decoration:none;cursor:pointer}
        .error{color:#a4001d;font-weight:600}
        .notice{border-left:4px solid #a4001d;background:#fff5f6;padding:.5rem .75rem;margin:1rem 0}
        """
}
