import CXlsxWriter

/// Series colours, dashes, labels and legends: what a chart needs to read well on paper.
extension Chart {
    /// One series over column ranges of `sheet`, returned for styling.
    @discardableResult
    func series(name: String, sheet: String, categories: (first: Int, last: Int, col: Int),
                values: (first: Int, last: Int, col: Int)) -> Series {
        let s = chart_add_series(pointer, nil, nil)!
        chart_series_set_categories(s, sheet, lxw_row_t(categories.first), lxw_col_t(categories.col),
                                    lxw_row_t(categories.last), lxw_col_t(categories.col))
        chart_series_set_values(s, sheet, lxw_row_t(values.first), lxw_col_t(values.col),
                                lxw_row_t(values.last), lxw_col_t(values.col))
        chart_series_set_name(s, name)
        return Series(pointer: s)
    }

    func legendAtBottom() { chart_legend_set_position(pointer, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }

    /// The value axis's number format and step between gridlines.
    func valueAxis(format: String, majorUnit: Double) {
        chart_axis_set_num_format(pointer.pointee.y_axis, format)
        chart_axis_set_major_unit(pointer.pointee.y_axis, majorUnit)
    }

    struct Series {
        let pointer: UnsafeMutablePointer<lxw_chart_series>

        func fill(_ rgb: UInt32) {
            var f = lxw_chart_fill(color: rgb, none: 0, transparency: 0)
            chart_series_set_fill(pointer, &f)
        }

        /// A thin line; `dashed` for reference lines such as the grade boundaries.
        func line(_ rgb: UInt32, width: Float, dashed: Bool = false) {
            var l = lxw_chart_line()
            l.color = rgb
            l.width = width
            l.dash_type = UInt8((dashed ? LXW_CHART_LINE_DASH_DASH : LXW_CHART_LINE_DASH_SOLID).rawValue)
            chart_series_set_line(pointer, &l)
        }

        func marker(_ type: lxw_chart_marker_type) { chart_series_set_marker_type(pointer, UInt8(type.rawValue)) }

        /// Each point's value written beside it, in `format`.
        func labels(format: String) {
            chart_series_set_labels(pointer)
            chart_series_set_labels_num_format(pointer, format)
        }
    }
}
