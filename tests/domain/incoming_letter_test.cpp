#include "domain/letters/incoming_letter.h"

#include <gtest/gtest.h>

#include "domain/common/error.h"
#include "domain/letters/letter_fields.h"

using namespace naskah;
using namespace naskah::domain;

namespace {

FieldValues minimal() {
  return {{"channel", "surat"},  {"sender", "Ketua RT 07"}, {"subject", "Jalan rusak"},
          {"summary", "Jalan berlubang."}, {"complaint_kind", "pengaduan"}};
}

std::vector<std::string> badFields(const FieldValues& values) {
  try {
    fieldsForRegistration(values, "2026-11-23T09:00:00");
  } catch (const Error& e) {
    std::vector<std::string> names;
    for (const auto& v : e.violations()) names.push_back(v.field);
    return names;
  }
  return {};
}

}  // namespace

TEST(IncomingLetterFields, MinimalRegistrationGetsDefaults) {
  auto fields = fieldsForRegistration(minimal(), "2026-11-23T09:00:00");
  EXPECT_EQ(fields.receivedAt, "2026-11-23T09:00:00");
  EXPECT_EQ(fields.urgency, Urgency::kBiasa);
  EXPECT_EQ(fields.scale, Scale::kSmall);
  EXPECT_EQ(agendaYear(fields), 2026);
}

TEST(IncomingLetterFields, EveryMissingRequiredFieldIsNamedTogether) {
  auto names = badFields({});
  EXPECT_EQ(names, (std::vector<std::string>{"channel", "complaint_kind", "sender", "subject", "summary"}));
  names = badFields({{"channel", "sms"}, {"complaint_kind", "saran"}});
  EXPECT_EQ(names, (std::vector<std::string>{"sender", "subject", "summary"}));
}

TEST(IncomingLetterFields, UnknownEnumValuesAndUnknownFieldsAreNamed) {
  auto values = minimal();
  values.push_back({"channel", "telegram"});
  values.push_back({"urgency", "kilat"});
  values.push_back({"colour", "red"});
  auto names = badFields(values);
  EXPECT_EQ(names, (std::vector<std::string>{"channel", "urgency", "colour"}));
}

TEST(IncomingLetterFields, ImpossibleDatesAreRefused) {
  auto values = minimal();
  values.push_back({"received_at", "2026-02-30T10:00:00"});
  values.push_back({"sender_letter_date", "2026-13-01"});
  auto names = badFields(values);
  EXPECT_EQ(names, (std::vector<std::string>{"received_at", "sender_letter_date"}));
}

TEST(IncomingLetterFields, DateTimesWithOffsetsAndLeapDaysAreAccepted) {
  EXPECT_TRUE(isIsoDateTime("2028-02-29T23:59:59+07:00"));
  EXPECT_TRUE(isIsoDateTime("2026-11-23T09:15"));
  EXPECT_FALSE(isIsoDateTime("2027-02-29T10:00:00"));
  EXPECT_FALSE(isIsoDateTime("2026-11-23 09:15:00"));
  EXPECT_FALSE(isIsoDateTime("2026-11-23T24:00:00"));
}

TEST(IncomingLetterFields, ChangedFieldsListsOnlyWhatDiffers) {
  auto before = fieldsForRegistration(minimal(), "2026-11-23T09:00:00");
  auto after = before;
  after.subject = "Jalan rusak berat";
  after.reporter.phone = "0812";
  EXPECT_EQ(changedFields(before, after), (std::vector<std::string>{"subject", "reporter.phone"}));
}

TEST(AttachmentRules, ContentTypeComesFromTheBytesNotTheName) {
  EXPECT_EQ(sniffContentType("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(sniffContentType(std::string("\x89PNG\r\n\x1a\n....", 12)), "image/png");
  EXPECT_EQ(sniffContentType(std::string("\xFF\xD8\xFF\xE0", 4)), "image/jpeg");
  EXPECT_EQ(sniffContentType("<html>"), "");
}

TEST(AttachmentRules, PathLikeNamesAreRefused) {
  for (const char* bad : {"../etc/passwd", "a/b.pdf", "..", "x\\y.pdf", "", "a\nb.pdf"})
    EXPECT_THROW(validateAttachmentName(bad), Error) << bad;
  EXPECT_NO_THROW(validateAttachmentName("surat pengaduan RT 07.pdf"));
}

TEST(IncomingLetterFields, ControlCharactersAreRefusedButLineBreaksAreText) {
  auto values = minimal();
  values.push_back({"subject", std::string("Bantuan\0PKH", 11)});
  values.push_back({"sender", "Ketua RT\x1b[31m"});
  EXPECT_EQ(badFields(values), (std::vector<std::string>{"sender", "subject"}));

  auto multiline = minimal();
  multiline.push_back({"summary", "Baris satu.\r\nBaris dua.\tTab."});
  EXPECT_EQ(fieldsForRegistration(multiline, "2026-11-23T09:00:00").summary, "Baris satu.\r\nBaris dua.\tTab.");
}
