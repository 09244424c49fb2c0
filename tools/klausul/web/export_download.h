// GET /api/export: the current search, similar or compare result as a file download, written
// by the same exporters as `klausul ... --format` (search/export.h), so a download and a CLI
// export of the same question are the same file.
#pragma once

#include <string>

#include "tools/klausul/web/index_pool.h"
#include "tools/klausul/web/params.h"

namespace klausul::web {

struct Download {
  std::string body;
  std::string content_type;
  std::string filename;  // ASCII, for Content-Disposition: attachment
};

/// kind=search|similar|compare, format=csv|xlsx|jsonl|json|md|html, csv_delimiter=, and the
/// parameters of that kind's endpoint (search exports up to kMaxExportRows rows, default 1000).
Download export_download(IndexPool& pool, const ParamReader& params);

}  // namespace klausul::web
