// naskah: one binary, many subcommands (see `naskah --help`).
#include "app/app_system.h"
#include "cli/naskah_app.h"

#include <malloc.h>

int main(int argc, char** argv) {
  // glibc returns freed memory to the kernel eagerly (madvise/brk), and each return flushes
  // the TLB of every core: measured at a sixth of the server's CPU under load. Keep a
  // modest cushion instead (peak RSS stays ~30 MB; see docs/performance.md).
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  naskah::app::AppRuntime runtime;
  Poco::AutoPtr<naskah::cli::NaskahApp> app(new naskah::cli::NaskahApp(runtime));
  int parseExit = app->parse(argc, argv);
  if (parseExit >= 0) return parseExit;
  // ServerApplication hides run() behind its daemon handling; Application::run() is what we want.
  return static_cast<Poco::Util::Application&>(*app).run();
}
