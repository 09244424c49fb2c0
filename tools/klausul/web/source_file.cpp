#include "tools/klausul/web/source_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "index/writer.h"
#include "tools/klausul/web/http_error.h"

namespace klausul::web {
namespace {

std::string ascii_name(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (char& c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || u < 0x20 || c == '"' || c == '\\' || c == ';') c = '_';
  }
  return name.empty() ? "dokument" : name;
}

}  // namespace

SourceFile read_source(IndexPool& pool, const std::string& document_id) {
  const DocumentInfo info = pool.with_database([&](const Xapian::Database& db) {
    auto found = find_document_by_id(db, document_id);
    if (!found) throw not_found("inget indexerat dokument med id '" + document_id + "'");
    return *found;
  });
  std::error_code error;
  const auto size = std::filesystem::file_size(info.path, error);
  if (error || !std::filesystem::is_regular_file(info.path, error)) {
    throw not_found("källfilen finns inte längre: " + info.path);
  }
  if (size > kMaxSourceBytes) throw HttpError(413, "källfilen är för stor för att visas här");
  std::ifstream in(info.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) throw not_found("källfilen kan inte läsas: " + info.path);
  SourceFile file;
  file.body = bytes.str();
  file.filename = ascii_name(info.path);
  if (info.format == "pdf") {
    file.content_type = "application/pdf";
  } else if (info.format == "text" || info.format == "html") {
    file.content_type = "text/plain; charset=utf-8";
  } else {
    file.content_type = "application/octet-stream";
    file.attachment = true;
  }
  return file;
}

}  // namespace klausul::web
