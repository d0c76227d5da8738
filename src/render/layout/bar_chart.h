// A bar chart drawn with lines, filled rectangles and labels (the monthly recap's chart).
#pragma once

#include "render/fonts/font_library.h"
#include "render/layout/page_ops.h"
#include "render/markup/document.h"

namespace naskah::render {

// Ops of the chart in a box `widthPt` wide and chart.heightPt high, at (0, 0). Bars scale to
// the largest value; each shows its value above and its label below.
PageOps drawBarChart(const BarChart& chart, double widthPt, const FontLibrary& fonts);

}  // namespace naskah::render
