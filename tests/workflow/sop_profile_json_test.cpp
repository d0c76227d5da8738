#include "json/sop_profile_json.h"

#include <gtest/gtest.h>

#include <fstream>

#include "domain/common/error.h"
#include "json/workflow_json_source.h"
#include "support/temp_dir.h"

using namespace naskah;
using namespace naskah::domain;
using namespace naskah::domain::workflow;

namespace {

const std::string kSop = std::string(NASKAH_SOURCE_DIR) + "/samples/sop";
const std::string kTemplates = std::string(NASKAH_SOURCE_DIR) + "/templates";

std::string sample(const std::string& name) { return json::readTextFile(kSop + "/" + name); }

std::string write(const naskah::testing::TempDir& dir, const std::string& name, const std::string& text) {
  std::string path = dir.path() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "the sample no longer has: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

Error loadError(const std::string& path) {
  try {
    json::loadSopProfile(path, json::documentTemplateNames(kTemplates));
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << path << " loaded without error";
  return Error(ErrorCode::kInternal, "none");
}

bool contains(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

const Step& step(const SopProfile& p, const std::string& id) {
  const Step* s = p.findStep(id);
  if (!s) throw std::runtime_error("no step " + id + " in " + p.id);
  return *s;
}

}  // namespace

TEST(SopProfileJson, AllFiveSampleProfilesLoadAndValidateAgainstTheTemplates) {
  auto profiles = json::loadSopProfiles(kSop, json::documentTemplateNames(kTemplates));
  ASSERT_EQ(profiles.size(), 5u);
  const char* ids[] = {"000-layanan-online-offline", "001-tim-penanganan-pengaduan", "002-penanganan-pengaduan-surat",
                       "003-pengaduan-sms-wa", "004-pengaduan-datang-langsung"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(profiles[i].id, ids[i]);
    EXPECT_EQ(profiles[i].seed.substr(0, 4), std::string(ids[i]).substr(0, 3) + "_");
  }
}

TEST(SopProfileJson, Seed000RoutesOnlineAndOfflineChannelsWithTheirMutuBaku) {
  auto p = json::loadSopProfile(kSop + "/000-layanan-online-offline.json");
  EXPECT_EQ(p.entryFor(Channel::kWhatsApp)->step, "online_admin_menerima");
  EXPECT_EQ(p.entryFor(Channel::kFacebook)->step, "online_admin_menerima");
  EXPECT_EQ(p.entryFor(Channel::kSuggestionBox)->step, "offline_admin_menerima");
  EXPECT_EQ(p.totalTimeStandard, (TimeStandard{25, TimeUnit::kMinutes}));
  EXPECT_EQ(step(p, "online_admin_menerima").timeStandard, (TimeStandard{5, TimeUnit::kMinutes}));
  EXPECT_EQ(step(p, "online_pejabat_menjawab").timeStandard, (TimeStandard{10, TimeUnit::kMinutes}));
  EXPECT_EQ(step(p, "online_kepala_dinas_menjawab").timeStandard, (TimeStandard{10, TimeUnit::kMinutes}));
  EXPECT_EQ(step(p, "offline_evaluasi_unit_teknis").timeStandard, (TimeStandard{1, TimeUnit::kWorkingDays}));
  EXPECT_EQ(step(p, "offline_keputusan_pimpinan").timeStandard, (TimeStandard{30, TimeUnit::kMinutes}));
  EXPECT_FALSE(step(p, "offline_perbaikan").timeStandard);  // "-" in the SOP
  EXPECT_EQ(step(p, "online_admin_menerima").next[0].condition, "jawab_langsung");
  EXPECT_EQ(step(p, "online_admin_menerima").next[1].condition, "teruskan_unit_teknis");
  EXPECT_EQ(step(p, "offline_keputusan_pimpinan").next[1].to, "offline_evaluasi_unit_teknis");
}

TEST(SopProfileJson, Seed001IsFiveWorkingDaysForTheTeamWithBidangCoordination) {
  auto p = json::loadSopProfile(kSop + "/001-tim-penanganan-pengaduan.json");
  EXPECT_EQ(p.totalTimeStandard, (TimeStandard{5, TimeUnit::kWorkingDays}));
  EXPECT_EQ(step(p, "penanganan_tim").next[1].to, "koordinasi_bidang");
  EXPECT_EQ(step(p, "koordinasi_bidang").next[0].to, "penanganan_tim");
  EXPECT_EQ(p.rolesFor(step(p, "penanganan_tim")),
            (std::vector<Role>{Role::kManager, Role::kSupervisor, Role::kOfficer}));
}

TEST(SopProfileJson, Seed002HasTheWholeLetterChainWithASevenDayInspection) {
  auto p = json::loadSopProfile(kSop + "/002-penanganan-pengaduan-surat.json");
  std::vector<std::string> chain;
  for (const auto& s : p.steps) chain.push_back(s.id);
  EXPECT_EQ(chain, (std::vector<std::string>{"agenda_surat_masuk", "disposisi_kepala_opd", "disposisi_kepala_bidang",
                                             "penugasan_petugas", "pemeriksaan_lapangan", "draf_surat",
                                             "koreksi_kepala_seksi", "telaah_kepala_bidang", "tanda_tangan_kepala_opd",
                                             "penyampaian_surat"}));
  EXPECT_EQ(step(p, "pemeriksaan_lapangan").timeStandard, (TimeStandard{7, TimeUnit::kWorkingDays}));
  EXPECT_EQ(step(p, "pemeriksaan_lapangan").output, "laporan_pemeriksaan");
  EXPECT_EQ(step(p, "disposisi_kepala_opd").timeStandard, (TimeStandard{3, TimeUnit::kWorkingDays}));
  EXPECT_EQ(step(p, "penyampaian_surat").output, "daftar_ekspedisi");
  EXPECT_EQ(p.rolesFor(step(p, "tanda_tangan_kepala_opd")), std::vector<Role>{Role::kHead});
  // The last dispatch of the reply closes the case by itself (docs/workflow.md, "Events").
  const Branch* dispatched = SopProfile::branchOn(step(p, "penyampaian_surat"), kReplyDispatchedEvent);
  ASSERT_NE(dispatched, nullptr);
  EXPECT_EQ(dispatched->to, kClosedState);
}

TEST(SopProfileJson, AnUnknownEventIsNamedWithItsStep) {
  naskah::testing::TempDir dir;
  std::string text = replaced(sample("002-penanganan-pengaduan-surat.json"), "\"event\": \"reply_dispatched\"",
                              "\"event\": \"reply_sent\"");
  auto e = loadError(write(dir, "002-event.json", text));
  EXPECT_TRUE(contains(e.what(), "steps.penyampaian_surat.next[0].event 'reply_sent' is not an event Naskah raises"))
      << e.what();
}

TEST(SopProfileJson, Seed003ChecksInFifteenMinutesAnswersInFiveHoursAndRecapsMonthly) {
  auto p = json::loadSopProfile(kSop + "/003-pengaduan-sms-wa.json");
  EXPECT_EQ(p.entryFor(Channel::kSms)->step, "terima_dan_cek");
  EXPECT_EQ(p.entryFor(Channel::kWhatsApp)->step, "terima_dan_cek");
  EXPECT_EQ(step(p, "terima_dan_cek").timeStandard, (TimeStandard{15, TimeUnit::kMinutes}));
  EXPECT_EQ(step(p, "jawab").timeStandard, (TimeStandard{5, TimeUnit::kHours}));
  ASSERT_EQ(p.periodicTasks.size(), 1u);
  EXPECT_EQ(p.periodicTasks[0].period, "bulanan");
  EXPECT_EQ(p.periodicTasks[0].output, "rekap_bulanan");
}

TEST(SopProfileJson, Seed004RoutesEveryScaleFromRegistrationWithinOneWorkingDay) {
  auto p = json::loadSopProfile(kSop + "/004-pengaduan-datang-langsung.json");
  EXPECT_EQ(p.entryFor(Channel::kWalkIn)->step, "ambil_nomor_antrian");
  const Step& registration = step(p, "pencatatan_pengaduan");
  EXPECT_EQ(registration.timeStandard, (TimeStandard{1, TimeUnit::kWorkingDays}));
  for (Scale scale : {Scale::kSmall, Scale::kMedium, Scale::kLarge, Scale::kGeneral}) {
    auto condition = scaleCondition(scale);
    EXPECT_TRUE(std::any_of(registration.next.begin(), registration.next.end(),
                            [&](const Branch& b) { return b.condition == condition; }))
        << condition;
  }
  EXPECT_EQ(step(p, "umum_paraf_sekretaris").next[0].condition, "paraf");
  // The Walikota is no Naskah user: the Kepala Dinas records the meeting.
  EXPECT_EQ(p.rolesFor(step(p, "besar_rapat_walikota")), std::vector<Role>{Role::kHead});
}

TEST(SopProfileJson, ABrokenProfileNamesTheFileTheStepAndItsLine) {
  naskah::testing::TempDir dir;
  std::string text = replaced(sample("002-penanganan-pengaduan-surat.json"), "\"performer\": \"Kepala Seksi\",\n"
                              "      \"time_standard\": { \"amount\": 1, \"unit\": \"hours\" },\n"
                              "      \"output\": \"surat_balasan\"",
                              "\"performer\": \"Kasi\",\n"
                              "      \"time_standard\": { \"amount\": 0, \"unit\": \"hours\" },\n"
                              "      \"output\": \"surat_cinta\"");
  text = replaced(text, "\"to\": \"telaah_kepala_bidang\"", "\"to\": \"telaah_kabid\"");
  std::string path = write(dir, "002-rusak.json", text);
  int line = json::lineOfMember(text, "id", "koreksi_kepala_seksi");
  ASSERT_GT(line, 0);
  auto e = loadError(path);
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  std::string message = e.what();
  EXPECT_TRUE(contains(message, "SOP profile " + path)) << message;
  std::string atLine = "(line " + std::to_string(line) + ")";
  EXPECT_TRUE(contains(message, "steps.koreksi_kepala_seksi.performer 'Kasi' is not an office role")) << message;
  EXPECT_TRUE(contains(message, "steps.koreksi_kepala_seksi.time_standard must be positive")) << message;
  EXPECT_TRUE(contains(message, "steps.koreksi_kepala_seksi.output 'surat_cinta' is not a document template")) << message;
  EXPECT_TRUE(contains(message, "steps.koreksi_kepala_seksi.next[0].to 'telaah_kabid' is not a step")) << message;
  // telaah_kepala_bidang is now reached only from nowhere.
  EXPECT_TRUE(contains(message, "steps.telaah_kepala_bidang is unreachable")) << message;
  for (const auto& v : e.violations()) {
    if (v.field.rfind("steps.koreksi_kepala_seksi", 0) == 0) {
      EXPECT_TRUE(contains(v.message, atLine)) << v.message;
    }
  }
}

TEST(SopProfileJson, ASyntaxErrorNamesTheFileLineAndColumn) {
  naskah::testing::TempDir dir;
  // A missing comma after the "seed" member, on line 4 of the sample.
  std::string text = replaced(sample("003-pengaduan-sms-wa.json"), "\"003_db42898cf3b62392.txt\",",
                              "\"003_db42898cf3b62392.txt\"");
  std::string path = write(dir, "003.json", text);
  auto e = loadError(path);
  EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(contains(e.what(), path + ":5:3: expected ',' or '}'")) << e.what();
}

TEST(SopProfileJson, AKeyGivenTwiceIsRefusedRatherThanSilentlyOverridden) {
  naskah::testing::TempDir dir;
  std::string text = replaced(sample("003-pengaduan-sms-wa.json"), "\"performer\": \"Anggota\",",
                              "\"performer\": \"Anggota\",\n      \"performer\": \"Ketua\",");
  auto e = loadError(write(dir, "003.json", text));
  EXPECT_TRUE(contains(e.what(), "\"performer\" is given twice in this object")) << e.what();
}

TEST(SopProfileJson, AMisspeltOrMistypedKeyIsNamed) {
  naskah::testing::TempDir dir;
  std::string text = replaced(sample("003-pengaduan-sms-wa.json"), "\"performer\": \"Anggota\",",
                              "\"perfomer\": \"Anggota\",");
  text = replaced(text, "{ \"amount\": 5, \"unit\": \"hours\" }", "{ \"amount\": \"5\", \"unit\": \"jam\" }");
  auto e = loadError(write(dir, "003.json", text));
  std::string message = e.what();
  EXPECT_TRUE(contains(message, "steps.analisis_masalah.perfomer is not a known key")) << message;
  EXPECT_TRUE(contains(message, "steps.analisis_masalah.performer is required")) << message;
  EXPECT_TRUE(contains(message, "steps.jawab.time_standard.amount must be a whole number")) << message;
  EXPECT_TRUE(contains(message, "steps.jawab.time_standard.unit 'jam' is not a unit")) << message;
}

TEST(SopProfileJson, AFolderReportsEveryBadFileAndAnIdUsedTwice) {
  naskah::testing::TempDir dir;
  write(dir, "a.json", sample("000-layanan-online-offline.json"));
  write(dir, "b.json", sample("000-layanan-online-offline.json"));
  write(dir, "c.json", "{ \"id\": \"x\", }");
  write(dir, "d.json", replaced(sample("001-tim-penanganan-pengaduan.json"), "\"Bidang Teknis\": [\"manager\", \"supervisor\"]",
                                "\"Bidang Teknis\": [\"kabid\"]"));
  try {
    json::loadSopProfiles(dir.path());
    FAIL() << "a folder with broken profiles loaded";
  } catch (const Error& e) {
    std::string message = e.what();
    EXPECT_TRUE(contains(message, dir.path() + "/b.json: id '000-layanan-online-offline' is the id of " + dir.path() +
                                      "/a.json already"))
        << message;
    EXPECT_TRUE(contains(message, dir.path() + "/c.json line 1:14: a comma before '}'")) << message;
    EXPECT_TRUE(contains(message, dir.path() + "/d.json: roles.Bidang Teknis 'kabid' is not a Naskah role")) << message;
  }
}
