/* xlsx_chart.c: native charts over a data block. */
#include <string.h>
#include "xlsx_int.h"

static uint8_t chart_type(enum pst_xlsx_chart_kind kind)
{
	if (kind == PST_XLSX_CHART_COLUMN)
		return LXW_CHART_COLUMN;
	if (kind == PST_XLSX_CHART_COLUMN_STACKED)
		return LXW_CHART_COLUMN_STACKED;
	if (kind == PST_XLSX_CHART_BAR_STACKED)
		return LXW_CHART_BAR_STACKED;
	return LXW_CHART_LINE;
}

static void series_color(lxw_chart_series *series, enum pst_xlsx_chart_kind kind, uint32_t color)
{
	lxw_chart_line line = {0};
	lxw_chart_fill fill = {0};

	if (kind == PST_XLSX_CHART_LINE) {
		line.color = color;
		line.width = 2.25;
		chart_series_set_line(series, &line);
	} else {
		fill.color = color;
		chart_series_set_fill(series, &fill);
	}
}

/* One series per value column of the block, named by its header cell. */
static void add_series(lxw_chart *chart, const struct pst_xlsx_data *d, const struct pst_xlsx_chart_spec *spec)
{
	const char *sheet = d->sheet->name;
	lxw_row_t first = d->header_row + 1, last = d->header_row + d->rows;
	size_t i;

	for (i = 0; i < d->nseries; i++) {
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		lxw_col_t c = (lxw_col_t)(i + 1);

		chart_series_set_categories(series, sheet, first, 0, last, 0);
		chart_series_set_values(series, sheet, first, c, last, c);
		chart_series_set_name_range(series, sheet, d->header_row, c);
		if (spec->colors)
			series_color(series, spec->kind, spec->colors[i]);
		if (spec->kind == PST_XLSX_CHART_LINE)
			chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
	}
}

/* In a bar chart libxlsxwriter's x_axis is the horizontal (value) axis and
 * y_axis the category axis, drawn reversed so the first category is on top. */
static void set_titles(lxw_chart *chart, const struct pst_xlsx_chart_spec *spec)
{
	struct strbuf sb = STRBUF_INIT;
	bool bar = spec->kind == PST_XLSX_CHART_BAR_STACKED;
	lxw_chart_axis *cat = bar ? chart->y_axis : chart->x_axis, *val = bar ? chart->x_axis : chart->y_axis;

	if (spec->title)
		chart_title_set_name(chart, xlsx_plain_title(&sb, spec->title));
	if (spec->x_title)
		chart_axis_set_name(cat, xlsx_plain_title(&sb, spec->x_title));
	if (spec->y_title)
		chart_axis_set_name(val, xlsx_plain_title(&sb, spec->y_title));
	if (bar) {
		chart_axis_set_reverse(cat);
		chart_axis_set_crossing_max(cat); /* value axis below the last bar */
	}
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	strbuf_release(&sb);
}

int pst_xlsx_chart_add(const struct pst_xlsx_data *d, const struct pst_xlsx_chart_spec *spec,
                       struct pst_error *err)
{
	struct pst_xlsx_book *book = d->sheet->book;
	lxw_chart *chart;
	lxw_error e;
	int rc = xlsx_usable(book, err);

	if (rc)
		return rc;
	if (d->rows == 0)
		return xlsx_misuse(book, err, "sheet '%s': chart over an empty data block", d->sheet->name);
	chart = workbook_add_chart(book->wb, chart_type(spec->kind));
	if (!chart)
		return xlsx_misuse(book, err, "sheet '%s': cannot make a chart", d->sheet->name);
	add_series(chart, d, spec);
	set_titles(chart, spec);
	if (spec->y_scale > 0.0) {
		lxw_chart_options o;

		memset(&o, 0, sizeof(o));
		o.x_scale = 1.0;
		o.y_scale = spec->y_scale;
		e = worksheet_insert_chart_opt(d->sheet->ws, spec->row, spec->col, chart, &o);
	} else {
		e = worksheet_insert_chart(d->sheet->ws, spec->row, spec->col, chart);
	}
	return e ? xlsx_lxw_fail(book, e, d->sheet->name, spec->row, spec->col, err) : PST_OK;
}
