// `klausul shards STUB SHARD...`: writes the stub file that searches several indexes (local
// folders, xapian-tcpsrv servers) as one. Reading commands then take --db STUB.
#include <iostream>

#include "ingest/error.h"
#include "search/open_database.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/term_model_update.h"

namespace klausul::cli {

int run_shards(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"learn"}, {});
  const LearnMode learn = learn_mode_from(args.get("learn"));
  if (args.positional.size() < 2) {
    throw UsageError("shards needs a STUB file and at least one SHARD (folder or tcp://HOST:PORT)");
  }
  const std::string stub = args.positional[0];
  std::vector<ShardLocation> shards;
  for (size_t i = 1; i < args.positional.size(); ++i) {
    shards.push_back(parse_shard_argument(args.positional[i]));
  }
  const std::vector<ShardSummary> summaries =
      make_stub(stub, shards, remote_timeouts_from_environment());
  Xapian::doccount documents = 0;
  Xapian::doccount clauses = 0;
  for (const ShardSummary& shard : summaries) {
    std::cout << shard.location.line() << ": " << shard.documents << " documents, " << shard.clauses
              << " clauses\n";
    documents += shard.documents;
    clauses += shard.clauses;
  }
  std::cout << "wrote " << stub << ": " << summaries.size() << " shards, " << documents
            << " documents, " << clauses << " clauses (search with --db " << stub << ")\n";
  // similar and compare through the stub use a term model learned over all its shards
  // together, kept beside the stub (`klausul learn --db STUB` after the shards change).
  refresh_term_model(open_for_reading(stub), stub, learn);
  return kExitOk;
}

}  // namespace klausul::cli
