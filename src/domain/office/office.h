// The office (OPD) that keeps the register, its units (bidang / seksi tree) and its users.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/auth/role.h"

namespace naskah::domain {

struct Office {
  std::int64_t id = 0;
  std::string code;        // short code used in numbers, e.g. "DINSOSDUKCAPIL"
  std::string name;        // "Dinas Sosial, Kependudukan dan Pencatatan Sipil"
  std::string government;  // "PEMERINTAH PROVINSI JAMBI"
  std::string address;
  std::string city;        // place name written before the date on letters
  std::string phone;
  std::string email;
  std::string website;
  std::string letterhead;  // folder under letterheads/
};

struct Unit {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  std::optional<std::int64_t> parentId;
  std::string code;
  std::string name;
  std::string kind;  // "sekretariat", "bidang", "seksi", "subbagian", "tim"
};

struct User {
  std::int64_t id = 0;
  std::int64_t officeId = 0;
  std::optional<std::int64_t> unitId;
  std::string username;
  std::string fullName;
  Role role = Role::kReporter;
  std::string position;  // jabatan
  std::string nip;
  std::string passwordHash;
  bool isActive = true;
};

}  // namespace naskah::domain
