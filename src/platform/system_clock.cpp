#include "platform/system_clock.h"

#include <chrono>
#include <ctime>

namespace naskah::platform {
namespace {

std::string format(std::time_t t, const char* pattern) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[40];
  std::strftime(buffer, sizeof buffer, pattern, &tm);
  return buffer;
}

std::time_t nowSeconds() { return std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()); }

}  // namespace

std::string SystemClock::nowUtc() const { return format(nowSeconds(), "%Y-%m-%dT%H:%M:%SZ"); }

std::string SystemClock::nowOffice() const {
  return format(nowSeconds() + static_cast<std::time_t>(offsetMinutes_) * 60, "%Y-%m-%dT%H:%M:%S");
}

std::string SystemClock::utcAfterSeconds(std::int64_t seconds) const {
  return format(nowSeconds() + static_cast<std::time_t>(seconds), "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace naskah::platform
