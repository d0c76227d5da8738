// Every sample document: renders, passes qpdf --check, embeds every font, gives back its
// text in reading order through pdftotext with no poppler warning, and has the exact
// page size.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pdf_tools.h"

namespace naskah::render::testing {
namespace {

struct DocumentCase {
  std::string templateName;
  std::string sample;
  std::string paper;
  std::string pageSize;  // as pdfinfo prints it
  std::vector<std::string> expectedInOrder;
};

std::ostream& operator<<(std::ostream& out, const DocumentCase& c) { return out << c.sample; }

const std::string kF4 = "609.449 x 935.433 pts";
const std::string kA4 = "595.276 x 841.89 pts";
const std::string kF4Landscape = "935.433 x 609.449 pts";

std::vector<DocumentCase> documentCases() {
  return {
      {"surat_balasan", "surat_balasan", "F4", kF4,
       {"PEMERINTAH PROVINSI JAMBI", "DINAS SOSIAL, KEPENDUDUKAN DAN", "Nomor : 400.9/1187/Dinsosdukcapil/2026",
        "Jambi, 22 November 2026", "Lampiran : 1 (satu) berkas", "Hal : Tindak Lanjut Pengaduan Masyarakat",
        "Yth. Kepala Desa Sungai Duren", "perihal \xE2\x80\x9C" "belum diterimanya bantuan sosial",
        "10\xE2\x80\x93" "12 November 2026", "Rp750.000,00", "a.n. KEPALA DINAS SOSIAL", "SEKRETARIS,",
        "Dra. SITI RAHMAWATI, M.Si.", "Pembina Tingkat I (IV/b)", "NIP 19680512 199303 2 004",
        "Tembusan:", "1. Kepala Dinas Sosial", "3. Sdr. Ahmad Suryadi (pelapor)",
        "Balai Sertifikasi Elektronik (BSrE), BSSN"}},
      {"surat_balasan", "surat_balasan_konsep", "A4", kA4,
       {"Nomor : (diberikan saat ditandatangani)", "Hal : Tindak Lanjut Pengaduan Masyarakat",
        "a.n. KEPALA DINAS SOSIAL", "Paraf hierarki", "1 Kepala Seksi Perlindungan Sosial", "20 November",
        "2 Kepala Bidang Perlindungan dan", "u.b.", "KEPALA BIDANG PERLINDUNGAN DAN",
        "HENDRI KURNIAWAN, S.Sos., M.Si.", "NIP 19760812 200212 1 004", "Tembusan:"}},
      {"tanda_terima", "tanda_terima", "F4", kF4,
       {"TANDA TERIMA PENGADUAN MASYARAKAT", "Nomor Agenda: 0412/SM/2026",
        "Tanggal diterima : Selasa, 3 November 2026 pukul 09.42 WIB", "Nama pelapor : Ahmad Suryadi",
        "Lampiran : 3 (tiga) lembar", "Kode pelacakan : JMB-7K3Q-9XMA", "Identitas pelapor dijaga kerahasiaannya.",
        "Petugas Penerima,", "Rina Marlina, S.Sos.", "NIP 19900315 201503 2 002"}},
      {"formulir_pengaduan", "formulir_pengaduan", "F4", kF4,
       {"FORMULIR PENGADUAN MASYARAKAT", "Jenis Pengaduan :", "Pengaduan / Keluhan / Masalah", "ISI PENGADUAN :",
        "Saya melaporkan bahwa 14 warga", "DATA PELAPOR", "NAMA PELAPOR : Ahmad Suryadi", "TELP/HP : 0812-7345-1180",
        "kerahasiaan pengirim DIJAMIN.", "Jambi, 3 November 2026", "( Ahmad Suryadi )", "Nama Pelapor"}},
      {"formulir_pengaduan", "formulir_pengaduan_kosong", "F4", kF4,
       {"FORMULIR PENGADUAN MASYARAKAT", "Saran / Pertanyaan / Informasi", "NAMA PELAPOR : .....",
        "JENIS KELAMIN : Laki-laki Perempuan", "EMAIL : .....", "DIJAMIN.", "Jambi, .....", "Nama Pelapor"}},
      {"lembar_disposisi", "lembar_disposisi", "F4", kF4,
       {"LEMBAR DISPOSISI", "Surat dari : Ahmad Suryadi", "No. Agenda : 0412/SM/2026", "Sifat: Sangat Segera Segera Rahasia",
        "Perihal : Bantuan sosial warga lanjut usia belum diterima", "Diteruskan kepada Sdr.:", "Dengan hormat harap:",
        "1. Kepala Bidang Perlindungan dan Jaminan", "Proses lebih lanjut", "Catatan:",
        "Batas waktu penyelesaian: 6 November 2026", "Catatan tulisan tangan:", "KEPALA DINAS,",
        "Dr. H. MUHAMMAD FADHIL, S.E., M.M.", "NIP 19720314 199803 1 005",
        "Mohon tidak memisahkan lembar disposisi ini dari suratnya."}},
      {"laporan_pemeriksaan", "laporan_pemeriksaan", "F4", kF4,
       {"LAPORAN HASIL PEMERIKSAAN LAPANGAN", "Nomor: 400.9/LHP-27/Linjamsos/2026",
        "Waktu pemeriksaan : 10 November 2026 s.d. 12 November 2026", "A. Hasil Pemeriksaan",
        "No. Uraian Temuan Keterangan", "5 (lima) warga belum memiliki KTP elektronik.", "B. Mediasi",
        "C. Saran dan Rekomendasi", "1. Pemerintah Desa Sungai Duren", "D. Dokumentasi",
        "Rumah salah satu warga lanjut usia", "Ketua Tim Pemeriksa,", "HENDRA SAPUTRA, S.Sos."}},
      {"buku_agenda", "buku_agenda", "F4", kF4Landscape,
       {"BUKU AGENDA SURAT MASUK", "Periode Oktober 2026", "No. Agenda Tgl. Terima Pengirim", "0341/SM/2026",
        "Halaman 1 dari 4", "No. Agenda Tgl. Terima Pengirim", "Halaman 2 dari 4", "0412/SM/2026",
        "Halaman 4 dari 4"}},
      {"rekap_bulanan", "rekap_bulanan", "F4", kF4,
       {"REKAPITULASI PENGADUAN MASYARAKAT", "Bulan Oktober 2026", "A. Menurut Saluran Pengaduan",
        "1 Surat 21 29,2%", "Jumlah 72 100%", "B. Menurut Status Penanganan", "C. Jumlah Pengaduan Diterima per Minggu",
        "1-7 Okt", "29-31 Okt", "Dari 49 (empat puluh sembilan) pengaduan", "Plt. KEPALA DINAS SOSIAL",
        "Drs. SYAHRIAL EFENDI, M.AP.", "Halaman 1 dari 1"}},
      {"daftar_ekspedisi", "daftar_ekspedisi", "A4", "841.89 x 595.276 pts",
       {"DAFTAR EKSPEDISI SURAT KELUAR", "Nama dan Tanda Tangan Penerima", "400.9/1187/Dinsosdukcapil/2026",
        "Camat Jambi Luar Kota (tembusan)", "Inspektur Provinsi Jambi (tembusan)", "Pengelola Tata Usaha,",
        "RINA MARLINA, S.Sos."}},
  };
}

class SampleDocument : public ::testing::TestWithParam<DocumentCase> {};

TEST_P(SampleDocument, PassesQpdfCheck) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult check = runOnPdf("qpdf --check", pdf);
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
}

TEST_P(SampleDocument, EmbedsEveryFont) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult fonts = runOnPdf("pdffonts", pdf);
  ASSERT_EQ(fonts.exitCode, 0) << fonts.err;
  std::istringstream lines(fonts.out);
  std::string line;
  int count = 0;
  for (int i = 0; std::getline(lines, line); ++i) {
    if (i < 2) continue;  // header lines
    ++count;
    EXPECT_NE(line.find("LiberationSans"), std::string::npos) << line;
    EXPECT_NE(line.find(" yes yes "), std::string::npos) << "not embedded as subset: " << line;
  }
  EXPECT_GE(count, 1);
  EXPECT_EQ(fonts.err, "");
}

TEST_P(SampleDocument, TextComesBackInReadingOrderWithoutWarnings) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult text = pdfText(pdf);
  ASSERT_EQ(text.exitCode, 0);
  EXPECT_EQ(text.err, "") << "poppler warned";
  std::string squeezed = squeeze(text.out);
  int missing = firstOutOfOrder(squeezed, GetParam().expectedInOrder);
  EXPECT_EQ(missing, -1) << "not found in order: \"" << GetParam().expectedInOrder[missing < 0 ? 0 : missing]
                         << "\"\n" << squeezed;
}

TEST_P(SampleDocument, RasterisesWithoutWarnings) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult raster = runOnPdf("sh -c 'pdftoppm -r 20 -png \"$1\" \"$1.r\" && rm -f \"$1\".r*' sh {}", pdf);
  EXPECT_EQ(raster.err, "");
}

TEST_P(SampleDocument, HasExactPageSize) {
  std::string pdf = renderSample(GetParam().templateName, GetParam().sample, GetParam().paper);
  ToolResult info = runOnPdf("pdfinfo", pdf);
  ASSERT_EQ(info.exitCode, 0) << info.err;
  EXPECT_NE(info.out.find("Page size:       " + GetParam().pageSize), std::string::npos) << info.out;
}

INSTANTIATE_TEST_SUITE_P(Rendering, SampleDocument, ::testing::ValuesIn(documentCases()),
                         [](const auto& info) { return info.param.sample; });

}  // namespace
}  // namespace naskah::render::testing
