// render_bench [--letters N] [--chromium-runs N] [--no-chromium]
// One command for the rendering figures of issue 3 (run from anywhere; it finds the source
// tree through NASKAH_SOURCE_DIR):
//   1. the one-page reply letter (kop with logo, QR, two fonts): median in-process time
//      and PDF size;
//   2. a 100-page agenda book: median time;
//   3. the same letter as HTML printed by Debian's Chromium headless, with batches of the
//      in-process letter timed between its runs, and the ratio of the two medians.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "letter_html.h"
#include "render/render_job.h"

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

naskah::render::RenderRequest request(const std::string& name, const std::string& data) {
  naskah::render::RenderRequest r;
  r.templateName = name;
  r.dataJson = data;
  r.templatesDir = std::string(NASKAH_SOURCE_DIR) + "/templates";
  r.letterheadsDir = std::string(NASKAH_SOURCE_DIR) + "/letterheads";
  r.letterhead = "dinsosdukcapil-jambi";
  return r;
}

struct Timing {
  double medianMs = 0;
  double p95Ms = 0;
  std::string lastPdf;
};

Timing timeRenders(const naskah::render::RenderRequest& r, int warmup, int runs) {
  for (int i = 0; i < warmup; ++i) naskah::render::renderPdf(r);
  std::vector<double> ms;
  Timing timing;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    timing.lastPdf = naskah::render::renderPdf(r);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  timing.medianMs = ms[ms.size() / 2];
  timing.p95Ms = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  return timing;
}

int pageCount(const std::string& pdf) {
  // Every page object carries "/Type /Page" followed by a non-'s' character.
  int count = 0;
  for (size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1)) {
    if (at + 11 < pdf.size() && pdf[at + 11] != 's') ++count;
  }
  return count;
}

std::string agendaData(int rows) {
  std::string json = "{\"kantor\":\"Dinas Sosial, Kependudukan dan Pencatatan Sipil Provinsi Jambi\","
                     "\"periode\":\"Tahun 2026\",\"entri\":[";
  const char* senders[] = {"Ahmad Suryadi", "Kepala Desa Muaro Sebapo", "Camat Kumpeh Ulu",
                           "LSM Peduli Lansia Jambi", "Dinas Kesehatan Kota Jambi"};
  const char* subjects[] = {"Bantuan sosial lanjut usia belum diterima",
                            "Permohonan perbaikan data KTP elektronik",
                            "Usulan penerima Program Keluarga Harapan tahap berikutnya",
                            "Keluhan antrean pelayanan akta kelahiran"};
  for (int i = 0; i < rows; ++i) {
    char row[512];
    int month = 1 + i * 12 / rows;
    std::snprintf(row, sizeof row,
                  "%s{\"nomor\":\"%04d/SM/2026\",\"diterima\":\"2026-%02d-%02d\",\"pengirim\":\"%s\","
                  "\"tanggal_surat\":\"2026-%02d-%02d\",\"nomor_surat\":\"140/%d/DS/2026\",\"perihal\":\"%s\","
                  "\"lampiran\":\"%d\",\"diteruskan\":\"Kabid Linjamsos\",\"keterangan\":\"Diproses\"}",
                  i ? "," : "", i + 1, month, 1 + i % 28, senders[i % 5], month, 1 + i % 28, 10 + i % 90,
                  subjects[i % 4], i % 4);
    json += row;
  }
  return json + "]}";
}

int run(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Prints the same letter with Chromium, one whole `chromium --print-to-pdf` per call (fresh
// profile each time), and times it.
class ChromiumPrinter {
 public:
  explicit ChromiumPrinter(const std::string& html)
      : work_(fs::temp_directory_path() / ("naskah-bench-chromium-" + std::to_string(getpid()))) {
    fs::create_directories(work_);
    std::ofstream(work_ / "letter.html") << html;
    fs::copy_file(fs::path(NASKAH_SOURCE_DIR) / "letterheads/dinsosdukcapil-jambi/logo.png", work_ / "logo.png",
                  fs::copy_options::overwrite_existing);
  }
  ~ChromiumPrinter() { fs::remove_all(work_); }

  static bool available() { return run("command -v chromium >/dev/null 2>&1") == 0; }

  // Wall milliseconds of one print, or -1 when chromium fails.
  double printOnce() {
    fs::path profile = work_ / ("profile-" + std::to_string(runs_++));
    fs::create_directories(profile);
    std::string command = "HOME=" + work_.string() +
                          " chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir=" + profile.string() +
                          " --no-pdf-header-footer --print-to-pdf=" + (work_ / "letter.pdf").string() + " " +
                          (work_ / "letter.html").string() + " >/dev/null 2>&1";
    auto start = Clock::now();
    int code = run(command);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    fs::remove_all(profile);
    if (code != 0) {
      std::cerr << "chromium exited with " << code << "\n";
      return -1;
    }
    return ms;
  }

  size_t pdfSize() const { return fs::file_size(work_ / "letter.pdf"); }

 private:
  fs::path work_;
  int runs_ = 0;
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int letters = 500, chromiumRuns = 5;
  bool chromium = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--letters" && i + 1 < argc) letters = std::atoi(argv[++i]);
    else if (arg == "--chromium-runs" && i + 1 < argc) chromiumRuns = std::atoi(argv[++i]);
    else if (arg == "--no-chromium") chromium = false;
    else {
      std::cerr << "usage: render_bench [--letters N] [--chromium-runs N] [--no-chromium]\n";
      return 64;
    }
  }
  if (letters < 1 || chromiumRuns < 1) {
    std::cerr << "render_bench: --letters and --chromium-runs take a whole number of at least 1\n";
    return 64;
  }
  std::string letterData = readFile(fs::path(NASKAH_SOURCE_DIR) / "samples/documents/surat_balasan.json");

  auto coldStart = Clock::now();
  naskah::render::renderPdf(request("surat_balasan", letterData));
  double coldMs = std::chrono::duration<double, std::milli>(Clock::now() - coldStart).count();

  Timing letter = timeRenders(request("surat_balasan", letterData), 20, letters);
  std::printf("letter (surat_balasan, F4, kop+logo+QR, 2 fonts): median %.2f ms, p95 %.2f ms over %d renders "
              "(first render in process %.1f ms incl. font subsetting), %d page(s), %zu bytes (%.1f KB)\n",
              letter.medianMs, letter.p95Ms, letters, coldMs, pageCount(letter.lastPdf), letter.lastPdf.size(),
              letter.lastPdf.size() / 1024.0);

  // Find the row count that fills 100 pages, then time it.
  int rows = 1000;
  int pages = pageCount(naskah::render::renderPdf(request("buku_agenda", agendaData(rows))));
  rows = rows * 100 / std::max(1, pages);
  while (pageCount(naskah::render::renderPdf(request("buku_agenda", agendaData(rows)))) > 100) rows -= 2;
  Timing agenda = timeRenders(request("buku_agenda", agendaData(rows)), 1, 5);
  std::printf("agenda book (buku_agenda, landscape): %d pages, %d rows, median %.1f ms over 5 renders, %zu bytes\n",
              pageCount(agenda.lastPdf), rows, agenda.medianMs, agenda.lastPdf.size());

  if (!chromium) return 0;
  if (!ChromiumPrinter::available()) {
    std::printf("chromium: not available (apt-get install chromium)\n");
    return 0;
  }
  // The machine's speed drifts (shared cores, other jobs): batches of letters are timed
  // between the Chromium runs, so both sides of the ratio see the same conditions.
  ChromiumPrinter printer(naskah::bench::letterHtml(letterData));
  auto letterRequest = request("surat_balasan", letterData);
  int batch = std::max(1, letters / chromiumRuns);
  std::vector<double> chromiumMs, besideMs;
  for (int i = 0; i < chromiumRuns; ++i) {
    for (int j = 0; j < batch; ++j) {
      auto start = Clock::now();
      naskah::render::renderPdf(letterRequest);
      besideMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    double ms = printer.printOnce();
    if (ms < 0) return 1;
    chromiumMs.push_back(ms);
  }
  double chromiumMedian = median(chromiumMs), besideMedian = median(besideMs);
  std::printf("same letter via chromium --headless --print-to-pdf: median %.0f ms over %d runs, %zu bytes\n",
              chromiumMedian, chromiumRuns, printer.pdfSize());
  std::printf("letter timed between the chromium runs: median %.2f ms over %zu renders\n", besideMedian,
              besideMs.size());
  std::printf("ratio chromium / libharu in-process: %.0fx\n", chromiumMedian / besideMedian);
  return 0;
}
