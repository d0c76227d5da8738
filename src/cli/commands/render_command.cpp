// naskah render: a template with JSON data to a PDF file (no data folder needed).
#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/commands/commands.h"
#include "domain/common/error.h"

namespace naskah::cli {
namespace {

class RenderCommand : public Command {
 public:
  std::string name() const override { return "render"; }
  std::string summary() const override { return "render a document template with JSON data to PDF"; }
  std::string usage() const override {
    return "render TEMPLATE DATA.json -o OUT.pdf [--letterhead NAME] [--paper F4|A4] [--data DIR]";
  }
  void defineOptions(Poco::Util::OptionSet& options) const override {
    addDataOption(options, false);
    options.addOption(Poco::Util::Option("output", "o", "the PDF file to write").argument("OUT.pdf"));
    options.addOption(Poco::Util::Option("letterhead", "", "letterhead folder name").argument("NAME"));
    options.addOption(Poco::Util::Option("paper", "", "F4 (default) or A4").argument("SIZE"));
  }
  int run(CommandContext& context) override {
    if (context.args.size() != 2)
      throw Error(ErrorCode::kInvalidArgument, "give a template name and a data file", {{"arguments", "usage"}});
    std::string output = context.required("output");
    std::ifstream in(context.args[1], std::ios::binary);
    if (!in) throw Error(ErrorCode::kNotFound, "cannot read " + context.args[1]);
    std::stringstream data;
    data << in.rdbuf();
    AppConfig config = context.has("data") ? context.config() : AppConfig{};
    std::string pdf = context.runtime.renderPdf(context.args[0], data.str(), context.option("letterhead"),
                                                context.option("paper", "F4"), config);
    // Write beside the target and rename, so a failed run never leaves half a PDF behind.
    std::string temp = output + ".part";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
      if (!out) throw Error(ErrorCode::kUnavailable, "cannot write " + output);
    }
    if (std::rename(temp.c_str(), output.c_str()) != 0) throw Error(ErrorCode::kUnavailable, "cannot write " + output);
    context.out << "wrote " << output << " (" << pdf.size() << " bytes)\n";
    return 0;
  }
};

}  // namespace

std::unique_ptr<Command> makeRenderCommand() { return std::make_unique<RenderCommand>(); }

}  // namespace naskah::cli
