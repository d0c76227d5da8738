// What the services need from the machine: time, randomness, hashing and files.
// Kept behind interfaces so the services stay pure and testable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace naskah::ports {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::string nowUtc() const = 0;     // "2026-11-23T02:15:00Z"
  virtual std::string nowOffice() const = 0;  // office local time, "2026-11-23T09:15:00"
  // UTC time a number of seconds from now.
  virtual std::string utcAfterSeconds(std::int64_t seconds) const = 0;
};

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // Cryptographically strong random bytes.
  virtual std::string bytes(size_t count) = 0;
};

class Crypto {
 public:
  virtual ~Crypto() = default;
  virtual std::string sha256Hex(std::string_view data) const = 0;
  // A salted slow hash (PBKDF2-SHA256) in a self-describing text form.
  virtual std::string hashPassword(std::string_view password) = 0;
  // Constant-time comparison against a stored hash; false for a malformed stored value.
  virtual bool verifyPassword(std::string_view password, const std::string& stored) const = 0;
};

// Content-addressed file storage (attachments, archived documents). A file is written,
// synced and renamed into place before put() returns, so a row naming it never dangles.
class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Returns the hex SHA-256 of the content, which is also its key.
  virtual std::string put(std::string_view content) = 0;
  // Throws kNotFound when absent.
  virtual std::string get(const std::string& sha256) const = 0;
  // The file that holds the content, for readers that can only load by path (the renderer's
  // images). Read it, never write it. Throws kNotFound when absent.
  virtual std::string filePath(const std::string& sha256) const = 0;
};

// Tells whether bytes are an image the documents can print (decoded as the renderer does), so
// that a broken upload is refused when it arrives rather than breaking every later PDF.
class ImageProbe {
 public:
  virtual ~ImageProbe() = default;
  // Throws Error(kInvalidArgument) naming `field` when content is not a printable PNG or JPEG.
  virtual void checkPrintable(std::string_view content, const std::string& field) const = 0;
};

}  // namespace naskah::ports
