// Wall-clock time in UTC and in the office's time zone (WIB +07:00 by default).
#pragma once

#include "ports/platform.h"

namespace naskah::platform {

class SystemClock : public ports::Clock {
 public:
  // officeUtcOffsetMinutes: 420 for WIB, 480 for WITA, 540 for WIT.
  explicit SystemClock(int officeUtcOffsetMinutes = 420) : offsetMinutes_(officeUtcOffsetMinutes) {}
  std::string nowUtc() const override;
  std::string nowOffice() const override;
  std::string utcAfterSeconds(std::int64_t seconds) const override;

 private:
  int offsetMinutes_;
};

}  // namespace naskah::platform
