#include "render/layout/bar_chart.h"

#include <algorithm>
#include <cstdio>

namespace naskah::render {

PageOps drawBarChart(const BarChart& chart, double widthPt, const FontLibrary& fonts) {
  PageOps ops;
  double maxValue = 0;
  for (const auto& bar : chart.bars) maxValue = std::max(maxValue, bar.value);
  if (maxValue <= 0) maxValue = 1;
  double labelBand = chart.sizePt * 2.6;
  double valueBand = chart.sizePt * 1.6;
  double axisY = chart.heightPt - labelBand;
  double plotHeight = chart.heightPt - labelBand - valueBand;
  double axisX = chart.sizePt * 3;
  double plotWidth = widthPt - axisX;
  ops.lines.push_back(LineOp{axisX, axisY, axisX + plotWidth, axisY, 0.8});
  ops.lines.push_back(LineOp{axisX, axisY, axisX, valueBand - 4, 0.8});
  size_t count = std::max<size_t>(1, chart.bars.size());
  double slot = plotWidth / count;
  double barWidth = slot * 0.6;
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& bar = chart.bars[i];
    double barHeight = plotHeight * bar.value / maxValue;
    double barX = axisX + slot * i + (slot - barWidth) / 2;
    ops.rects.push_back(RectOp{barX, axisY - barHeight, barWidth, barHeight, true, 0.45, 0});
    char value[32];
    std::snprintf(value, sizeof value, "%g", bar.value);
    double valueWidth = fonts.textWidth(FontFace::kBold, value, chart.sizePt);
    ops.texts.push_back(TextOp{barX + (barWidth - valueWidth) / 2, axisY - barHeight - 3, FontFace::kBold,
                               chart.sizePt, value, 0, 0, 0});
    double labelWidth = fonts.textWidth(FontFace::kRegular, bar.label, chart.sizePt);
    ops.texts.push_back(TextOp{axisX + slot * i + (slot - labelWidth) / 2, axisY + chart.sizePt * 1.4,
                               FontFace::kRegular, chart.sizePt, bar.label, 0, 0, 0});
  }
  return ops;
}

}  // namespace naskah::render
