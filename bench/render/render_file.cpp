// render_file TEMPLATE DATA.json OUT.pdf [LETTERHEAD] [PAPER]
// Renders one document from the source tree's templates/ and letterheads/ (run it from the
// repository root). A development aid; the product's entry point is `naskah render`.
#include <fstream>
#include <iostream>
#include <sstream>

#include "domain/common/error.h"
#include "render/render_job.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: render_file TEMPLATE DATA.json OUT.pdf [LETTERHEAD] [F4|A4]\n";
    return 64;
  }
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 66;
  }
  std::ostringstream data;
  data << in.rdbuf();
  naskah::render::RenderRequest request;
  request.templateName = argv[1];
  request.dataJson = data.str();
  request.letterhead = argc > 4 ? argv[4] : "";
  request.paper = argc > 5 ? argv[5] : "F4";
  request.templatesDir = "templates";
  request.letterheadsDir = "letterheads";
  try {
    std::string pdf = naskah::render::renderPdf(request);
    std::ofstream(argv[3], std::ios::binary) << pdf;
  } catch (const naskah::Error& error) {
    std::cerr << "render: " << error.what() << "\n";
    return 65;
  }
  return 0;
}
