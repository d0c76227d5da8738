#include "domain/outgoing/outgoing_letter.h"

#include <gtest/gtest.h>

#include "domain/letters/agenda_number_format.h"
#include "domain/outgoing/outgoing_number_format.h"

namespace naskah::domain {
namespace {

OutgoingLetter letterWithChain(OutgoingStatus status) {
  OutgoingLetter l;
  l.drafter = "petugas";
  l.status = status;
  l.paraf = {{1, 1, "kasi", "Kepala Seksi", ParafState::kPending, ""},
             {1, 2, "kabid", "Kepala Bidang", ParafState::kPending, ""},
             {1, 3, "sekretaris", "Sekretaris", ParafState::kPending, ""}};
  return l;
}

Actor actor(const std::string& name, Role role) { return Actor{1, 1, name, role}; }

ErrorCode codeOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error";
  return ErrorCode::kInternal;
}

TEST(OutgoingNumberFormat, DefaultPatternFollowsTataNaskahDinas) {
  OutgoingNumberFormat format(OutgoingNumberFormat::kDefaultPattern);
  EXPECT_EQ(format.format({"400.9", 17, "DAFDUK", "DINSOSDUKCAPIL", 2026, 11}), "400.9/17/DAFDUK/2026");
  EXPECT_EQ(OutgoingNumberFormat("{classification}/{seq:3}/{office}/{month}/{year}")
                .format({"000.8.3", 5, "DAFDUK", "DINSOS", 2027, 6}),
            "000.8.3/005/DINSOS/VI/2027");
}

TEST(OutgoingNumberFormat, RejectsUnknownPlaceholdersAndMissingSequence) {
  EXPECT_EQ(codeOf([] { OutgoingNumberFormat("{classification}/{nomor}"); }), ErrorCode::kInvalidArgument);
  EXPECT_EQ(codeOf([] { OutgoingNumberFormat("{classification}/{year}"); }), ErrorCode::kInvalidArgument);
  EXPECT_EQ(codeOf([] { OutgoingNumberFormat("{seq"); }), ErrorCode::kInvalidArgument);
}

TEST(AgendaNumberFormat, StillFormatsThroughTheSharedPattern) {
  EXPECT_EQ(AgendaNumberFormat("{seq:4}/SM/{office}/{month}/{year}").format(42, 2026, 11, "DINSOS"),
            "0042/SM/DINSOS/XI/2026");
}

TEST(OutgoingLetterRules, ParafGoesInOrderAndOnlyToTheChain) {
  auto l = letterWithChain(OutgoingStatus::kInCorrection);
  EXPECT_EQ(requireMayParaf(l, actor("kasi", Role::kSupervisor)).order, 1);
  EXPECT_EQ(codeOf([&] { requireMayParaf(l, actor("kabid", Role::kManager)); }), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(codeOf([&] { requireMayParaf(l, actor("kadis", Role::kHead)); }), ErrorCode::kPermissionDenied);
  EXPECT_EQ(codeOf([&] { requireMayParaf(l, actor("lain", Role::kManager)); }), ErrorCode::kPermissionDenied);
  l.paraf[0].state = ParafState::kGiven;
  EXPECT_EQ(statusAfterParaf(l), OutgoingStatus::kAwaitingParaf);
  l.paraf[1].state = ParafState::kGiven;
  EXPECT_EQ(statusAfterParaf(l), OutgoingStatus::kAwaitingSignature);
}

TEST(OutgoingLetterRules, DraftIsTheDraftersUntilSubmitted) {
  auto l = letterWithChain(OutgoingStatus::kDraft);
  EXPECT_NO_THROW(requireMayEdit(l, actor("petugas", Role::kOfficer)));
  EXPECT_EQ(codeOf([&] { requireMayEdit(l, actor("kasi", Role::kSupervisor)); }), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(codeOf([&] { requireMayEdit(l, actor("tu", Role::kRegistrar)); }), ErrorCode::kPermissionDenied);
  l.status = OutgoingStatus::kInCorrection;
  EXPECT_NO_THROW(requireMayEdit(l, actor("kasi", Role::kSupervisor)));
  l.status = OutgoingStatus::kAwaitingSignature;
  EXPECT_EQ(codeOf([&] { requireMayEdit(l, actor("petugas", Role::kOfficer)); }), ErrorCode::kFailedPrecondition);
}

TEST(OutgoingLetterRules, OnlyTheHeadReturnsALetterAwaitingSignature) {
  auto l = letterWithChain(OutgoingStatus::kAwaitingSignature);
  for (auto& s : l.paraf) s.state = ParafState::kGiven;
  EXPECT_NO_THROW(requireMayReturn(l, actor("kadis", Role::kHead)));
  EXPECT_EQ(codeOf([&] { requireMayReturn(l, actor("kabid", Role::kManager)); }), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(codeOf([&] { requireMayReturn(l, actor("petugas", Role::kOfficer)); }), ErrorCode::kPermissionDenied);
}

TEST(OutgoingContentRules, ValidationNamesEveryBadField) {
  OutgoingContent c;
  c.subject = "Tindak Lanjut Pengaduan.";
  c.tembusan = {"Yth. Camat Jambi Luar Kota", "Arsip"};
  c.classificationCode = "400..9";
  c.capacity = SignerCapacity::kUntukBeliau;
  Violations v;
  validateContent(c, v);
  std::vector<std::string> fields;
  for (const auto& item : v.items()) fields.push_back(item.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"recipient", "subject", "paragraphs", "closing", "tembusan[0]",
                                              "tembusan[1]", "classification_code", "on_behalf_of",
                                              "intermediary"}));
}

TEST(OutgoingContentRules, AddresseesAreRecipientTembusanAndReporterOnce) {
  OutgoingContent c;
  c.recipient = "Kepala Desa Sungai Duren";
  c.tembusan = {"Camat Jambi Luar Kota", "Sdr. Ahmad Suryadi"};
  c.reporter = "Sdr. Ahmad Suryadi";
  EXPECT_EQ(addressees(c),
            (std::vector<std::string>{"Kepala Desa Sungai Duren", "Camat Jambi Luar Kota", "Sdr. Ahmad Suryadi"}));
  c.reporter = "Sdr. Rahmat";
  EXPECT_EQ(addressees(c).size(), 4u);
}

}  // namespace
}  // namespace naskah::domain
