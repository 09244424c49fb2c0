// The one error type of the web front end: an HTTP status and a message for the client.
// Handlers throw it (or the library's UsageError / IndexError, which the server maps to 400 /
// 503); the server turns every error into {"error": "..."} at one boundary.
#pragma once

#include <stdexcept>
#include <string>

namespace klausul::web {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

/// 400: a missing or malformed parameter.
inline HttpError bad_request(const std::string& message) { return HttpError(400, message); }
/// 404: an unknown clause or document.
inline HttpError not_found(const std::string& message) { return HttpError(404, message); }

}  // namespace klausul::web
