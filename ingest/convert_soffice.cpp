#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/convert_legacy.h"
#include "ingest/error.h"
#include "ingest/subprocess.h"

namespace klausul {
namespace {

constexpr std::uintmax_t kMaxConvertedBytes = 512ull * 1024 * 1024;

std::string soffice_path() {
  std::string path = find_program("soffice");
  return path.empty() ? find_program("libreoffice") : path;
}

std::string first_line(const std::string& text) {
  const size_t start = text.find_first_not_of(" \n");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

bool SofficeConverter::available() const { return !soffice_path().empty(); }

std::string SofficeConverter::convert(std::string_view bytes, const std::string& from,
                                      const std::string& to,
                                      std::chrono::steady_clock::time_point deadline) const {
  const std::string program = soffice_path();
  if (program.empty()) throw IngestError("LibreOffice (soffice) is not installed");
  PrivateTempDir dir;
  const std::string input = dir / ("document." + from);
  {
    std::ofstream out(input, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw IngestError("cannot write a temporary copy for LibreOffice");
  }
  const auto own_limit = std::chrono::steady_clock::now() + std::chrono::seconds(max_seconds_);
  const auto stop = std::min(deadline, own_limit);
  ProcessResult result = run_process(
      {program, "-env:UserInstallation=file://" + (dir / "profile"), "--headless", "--norestore",
       "--nolockcheck", "--nodefault", "--convert-to", to, "--outdir", dir / "out", input},
      stop, {"HOME=" + dir.path()}, 64 * 1024);
  if (result.timed_out) {
    throw IngestError("LibreOffice conversion of ." + from + " timed out (killed)");
  }
  const std::string output = dir / ("out/document." + to);
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(output, ec);
  if (ec || size == 0) {
    std::string why = first_line(result.err);
    if (why.empty()) why = first_line(result.out);
    throw IngestError("LibreOffice could not convert the ." + from + " file" +
                      (why.empty() ? std::string() : " (" + why + ")"));
  }
  if (size > kMaxConvertedBytes) throw IngestError("converted ." + to + " too large");
  std::ifstream in(output, std::ios::binary);
  std::ostringstream converted;
  converted << in.rdbuf();
  return converted.str();
}

const SofficeConverter& SofficeConverter::shared() {
  static const SofficeConverter converter;
  return converter;
}

}  // namespace klausul
