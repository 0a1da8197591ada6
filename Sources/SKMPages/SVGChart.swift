/// Charts as inline SVG drawn on the server: no script, no library, no request elsewhere, and
/// they print as sharply as the text. Each chart has a title and a description listing its
/// values, so a screen reader reads the figures and not the shapes.
///
/// The view box is 360 units wide, a phone's width in CSS pixels, so text drawn at 13 units
/// reads at about 13 px on a phone; on a wider screen the chart scales up with the column.
public enum SVGChart {
    public struct Bar: Sendable {
        public var label: String
        /// Nil: no bar, only `text` (e.g. "tanpa janji waktu").
        public var value: Double?
        public var text: String
        public init(label: String, value: Double?, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    static let width = 360.0
    static let ink = "#1b1b1b", muted = "#4a4a4a", bar = "#0b4f8a", grid = "#c4c9cf"

    /// Horizontal bars, one row per item: its label above, the bar from 0 to `maximum`, and its
    /// value written at the bar's end.
    public static func bars(_ items: [Bar], maximum: Double, id: String, title: String) -> String {
        let row = 40.0, top = 4.0
        let height = top + Double(items.count) * row + 4
        let plot = width - 70  // room for the value text
        var s = open(id: id, title: title, height: height, description: items.map { "\($0.label): \($0.text)" }.joined(separator: "; "))
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * row
            s += "<text x=\"0\" y=\"\(f(y + 13))\" font-size=\"13\" fill=\"\(ink)\">\(HTML.text(clip(item.label)))</text>\n"
            s += "<rect x=\"0\" y=\"\(f(y + 18))\" width=\"\(f(plot))\" height=\"14\" fill=\"#eef1f4\"/>\n"
            var end = 0.0
            if let v = item.value {
                end = plot * max(0, min(1, v / maximum))
                s += "<rect x=\"0\" y=\"\(f(y + 18))\" width=\"\(f(end))\" height=\"14\" fill=\"\(bar)\"/>\n"
            }
            s += "<text x=\"\(f(plot + 6))\" y=\"\(f(y + 30))\" font-size=\"13\" font-weight=\"700\" fill=\"\(item.value == nil ? muted : ink)\">\(HTML.text(item.text))</text>\n"
        }
        return s + "</svg>\n"
    }

    public struct Point: Sendable {
        public var label: String
        /// Nil: a gap (no data, or hidden for publication).
        public var value: Double?
        public var text: String
        public init(label: String, value: Double?, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    /// A line through `points` left to right on a scale from `floor` to `ceiling`, each point
    /// marked and its value written above it; `guides` are dashed reference lines (grade
    /// boundaries) with their names.
    public static func line(_ points: [Point], floor: Double, ceiling: Double, guides: [(value: Double, name: String)],
                            id: String, title: String) -> String {
        let height = 200.0, left = 8.0, right = 24.0, top = 24.0, bottom = 40.0
        let plotH = height - top - bottom
        let step = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { points.count > 1 ? left + step * Double(i) : width / 2 }
        func y(_ v: Double) -> Double { top + plotH * (1 - (max(floor, min(ceiling, v)) - floor) / (ceiling - floor)) }
        var s = open(id: id, title: title, height: height, description: points.map { "\($0.label): \($0.text)" }.joined(separator: "; "))
        for g in guides where g.value > floor && g.value < ceiling {
            s += "<line x1=\"0\" x2=\"\(f(width))\" y1=\"\(f(y(g.value)))\" y2=\"\(f(y(g.value)))\" stroke=\"\(grid)\" stroke-dasharray=\"4 4\"/>\n"
            s += "<text x=\"\(f(width - 2))\" y=\"\(f(y(g.value) - 3))\" font-size=\"11\" text-anchor=\"end\" fill=\"\(muted)\">\(HTML.text(g.name))</text>\n"
        }
        s += "<line x1=\"0\" x2=\"\(f(width))\" y1=\"\(f(top + plotH))\" y2=\"\(f(top + plotH))\" stroke=\"\(grid)\"/>\n"
        // Segments only between neighbours that both have a value: a gap stays a gap.
        var path = "", pen = false
        for (i, p) in points.enumerated() {
            guard let v = p.value else { pen = false; continue }
            path += "\(pen ? "L" : "M")\(f(x(i))) \(f(y(v))) "
            pen = true
        }
        if !path.isEmpty { s += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(bar)\" stroke-width=\"2.5\"/>\n" }
        for (i, p) in points.enumerated() {
            let anchor = i == 0 && points.count > 1 ? "start" : i == points.count - 1 && points.count > 1 ? "end" : "middle"
            if let v = p.value {
                s += "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"4\" fill=\"\(bar)\"/>\n"
                s += "<text x=\"\(f(x(i)))\" y=\"\(f(y(v) - 9))\" font-size=\"12\" font-weight=\"700\" text-anchor=\"\(anchor)\" fill=\"\(ink)\">\(HTML.text(p.text))</text>\n"
            } else {
                s += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotH - 6))\" font-size=\"12\" text-anchor=\"\(anchor)\" fill=\"\(muted)\">\(HTML.text(p.text))</text>\n"
            }
            s += "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 18))\" font-size=\"11\" text-anchor=\"\(anchor)\" fill=\"\(muted)\">\(HTML.text(p.label))</text>\n"
        }
        return s + "</svg>\n"
    }

    private static func open(id: String, title: String, height: Double, description: String) -> String {
        """
        <svg class="chart" id="\(id)" viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-labelledby="\(id)-t \(id)-d" font-family="system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif">
        <title id="\(id)-t">\(HTML.text(title))</title>
        <desc id="\(id)-d">\(HTML.text(description))</desc>

        """
    }

    /// A label that fits the chart's width at 13 units (the description keeps it whole).
    static func clip(_ s: String, to n: Int = 52) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    /// A coordinate with at most one decimal, so that the markup stays short and stable.
    static func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
