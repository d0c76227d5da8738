// What the layout engine hands to the PDF painter: positioned text, lines, rectangles and
// images per page. Coordinates are points from the top-left corner of the page (y grows
// downwards); text y is the baseline. The painter flips them into PDF space.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/fonts/font_library.h"
#include "render/images/image_store.h"

namespace naskah::render {

struct TextOp {
  double x = 0, y = 0;
  FontFace face = FontFace::kRegular;
  double sizePt = 12;
  std::string text;          // CP1252
  double wordSpacePt = 0;    // extra width of each space (justification)
  double gray = 0;           // 0 = black, 1 = white
  double angleDeg = 0;
};

struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double widthPt = 0.5;
};

struct RectOp {
  double x = 0, y = 0, width = 0, height = 0;
  bool fill = false;
  double gray = 0;           // fill gray
  double lineWidthPt = 0.5;  // stroked when fill is false
};

// A QR code's dark modules as rectangles on a grid of square modules: each rectangle covers
// whole modules (a horizontal run, stretched down over identical runs of the rows below).
struct ModuleGridOp {
  struct Block {
    int column = 0, row = 0, width = 1, height = 1;
  };
  double x = 0, y = 0;       // top-left corner of the grid
  double modulePt = 1;       // side of one module
  int size = 0;              // modules per side
  std::vector<Block> blocks;
};

struct ImageOp {
  double x = 0, y = 0, width = 0, height = 0;
  std::string path;          // identifies the image so a document embeds it once
  std::shared_ptr<const DecodedImage> image;
};

struct PageOps {
  std::optional<TextOp> watermark;
  std::vector<RectOp> rects;
  std::vector<LineOp> lines;
  std::vector<ImageOp> images;
  std::vector<ModuleGridOp> grids;
  std::vector<TextOp> texts;

  // Appends another page's ops moved by (dx, dy).
  void append(const PageOps& other, double dx, double dy);
};

struct LaidOutDocument {
  double widthPt = 0;
  double heightPt = 0;
  std::string title;
  std::vector<PageOps> pages;
};

}  // namespace naskah::render
