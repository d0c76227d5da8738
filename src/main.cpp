// naskah: one binary, many subcommands (see `naskah --help`).
#include "app/app_system.h"
#include "cli/naskah_app.h"

int main(int argc, char** argv) {
  naskah::app::AppRuntime runtime;
  Poco::AutoPtr<naskah::cli::NaskahApp> app(new naskah::cli::NaskahApp(runtime));
  int parseExit = app->parse(argc, argv);
  if (parseExit >= 0) return parseExit;
  // ServerApplication hides run() behind its daemon handling; Application::run() is what we want.
  return static_cast<Poco::Util::Application&>(*app).run();
}
