#include "letter_html.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "render/qr/qr_matrix.h"
#include "domain/common/indonesian_text.h"

namespace naskah::bench {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

std::string qrSvg(const std::string& data) {
  render::QrMatrix matrix = render::encodeQr(data);
  std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='21mm' height='21mm' viewBox='0 0 " +
                    std::to_string(matrix.size) + " " + std::to_string(matrix.size) +
                    "' shape-rendering='crispEdges'><path d='";
  for (int r = 0; r < matrix.size; ++r) {
    for (int c = 0; c < matrix.size; ++c) {
      if (matrix.at(r, c)) svg += "M" + std::to_string(c) + " " + std::to_string(r) + "h1v1h-1z";
    }
  }
  return svg + "'/></svg>";
}

}  // namespace

std::string letterHtml(const std::string& letterJson) {
  Poco::JSON::Parser parser;
  auto root = parser.parse(letterJson).extract<Poco::JSON::Object::Ptr>();
  auto signer = root->getObject("penandatangan");
  auto to = root->getObject("tujuan");
  std::string html = R"(<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Surat</title><style>
@page { size: 215mm 330mm; margin: 15mm 20mm 25mm 30mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 12pt; margin: 0; }
.kop { display: flex; align-items: center; border-bottom: 3px double #000; padding-bottom: 4px; margin-bottom: 12pt; }
.kop img { height: 25mm; width: 21mm; } .kop .t { flex: 1; text-align: center; margin-right: 21mm; }
.g { font: bold 14pt sans-serif; } .d { font: bold 15pt sans-serif; } .a { font-size: 9pt; }
.meta { display: flex; justify-content: space-between; margin-bottom: 12pt; }
.meta td { padding: 0 4px 0 0; vertical-align: top; }
p.b { text-align: justify; text-indent: 12.5mm; margin: 0 0 6pt; line-height: 1.3; }
.sig { margin: 14pt 0 0 82mm; text-align: center; break-inside: avoid; }
.tte { display: flex; align-items: center; text-align: left; font-size: 8pt; gap: 3mm; margin: 4pt 0; }
.nm { font-weight: bold; text-decoration: underline; } .tem { font-size: 11pt; margin-top: 18pt; }
.tem ol { margin: 0; padding-left: 6mm; } footer { font-size: 7pt; text-align: center; color: #444; margin-top: 24pt; }
</style></head><body>)";
  html += "<div class='kop'><img src='logo.png'><div class='t'><div class='g'>PEMERINTAH PROVINSI JAMBI</div>"
          "<div class='d'>DINAS SOSIAL, KEPENDUDUKAN DAN PENCATATAN SIPIL</div>"
          "<div class='a'>Jalan Jenderal Sudirman Nomor 47, Thehok, Jambi Selatan, Kota Jambi 36138</div>"
          "<div class='a'>Telepon (0741) 40512, Faksimile (0741) 40513</div>"
          "<div class='a'>Laman dinsosdukcapil.jambiprov.go.id, Pos-el dinsosdukcapil@jambiprov.go.id</div></div></div>";
  auto lampiran = root->getObject("lampiran");
  int jumlah = lampiran->getValue<int>("jumlah");
  html += "<div class='meta'><table><tr><td>Nomor</td><td>:</td><td>" + escape(root->getValue<std::string>("nomor")) +
          "</td></tr><tr><td>Sifat</td><td>:</td><td>" + escape(root->getValue<std::string>("sifat")) +
          "</td></tr><tr><td>Lampiran</td><td>:</td><td>" + std::to_string(jumlah) + " (" + domain::terbilang(jumlah) +
          ") " + escape(lampiran->getValue<std::string>("satuan")) + "</td></tr><tr><td>Hal</td><td>:</td><td>" +
          escape(root->getValue<std::string>("hal")) + "</td></tr></table><div>" +
          escape(root->getValue<std::string>("tempat")) + ", " +
          domain::formatIndonesianDate(root->getValue<std::string>("tanggal")) + "</div></div>";
  html += "<div style='margin-bottom:12pt'>Yth. " + escape(to->getValue<std::string>("kepada"));
  for (const auto& line : *to->getArray("alamat")) html += "<br>" + escape(line.convert<std::string>());
  html += "</div>";
  for (const auto& paragraph : *root->getArray("paragraf")) {
    html += "<p class='b'>" + escape(paragraph.convert<std::string>()) + "</p>";
  }
  html += "<p class='b'>" + escape(root->getValue<std::string>("penutup")) + "</p>";
  html += "<div class='sig'>a.n. " + escape(signer->getValue<std::string>("an")) + "<br>" +
          escape(signer->getValue<std::string>("jabatan")) + ",<div class='tte'>" +
          qrSvg(signer->getValue<std::string>("verifikasi")) + "<span>Ditandatangani secara elektronik oleh " +
          escape(signer->getValue<std::string>("jabatan")) + "</span></div><div class='nm'>" +
          escape(signer->getValue<std::string>("nama")) + "</div>" + escape(signer->getValue<std::string>("pangkat")) +
          "<br>NIP " + domain::formatNip(signer->getValue<std::string>("nip")) + "</div>";
  html += "<div class='tem'>Tembusan:<ol>";
  for (const auto& item : *root->getArray("tembusan")) html += "<li>" + escape(item.convert<std::string>()) + "</li>";
  html += "</ol></div><footer>Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
          "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN. Keaslian dapat diperiksa pada " +
          escape(root->getValue<std::string>("tte_verifikasi")) + "</footer></body></html>";
  return html;
}

}  // namespace naskah::bench
