// Xapian's stub database file: a text file listing the shards that are searched together, one
// a line, in Xapian 1.4's own syntax so that Xapian's tools (xapian-delve, quest) open it too:
//
//   auto /srv/klausul/shards/stockholm     a local database (relative paths: from the stub)
//   glass /srv/klausul/shards/orebro       the same, naming the backend (also chert)
//   remote search2.example.org:8201        a shard served by xapian-tcpsrv (host:port)
//   remote :ssh host xapian-progsrv /db    a shard behind a program (leading ':' = program)
//
// Blank lines and lines starting with '#' are ignored. Note that "remote :8201" is NOT a TCP
// shard on localhost: Xapian reads a leading ':' as "run the program 8201".
#pragma once

#include <string>
#include <vector>

namespace klausul {

/// One line of a stub file.
struct ShardLocation {
  enum class Kind { local, tcp, program };
  Kind kind = Kind::local;
  std::string backend = "auto";  // local: auto, glass or chert
  std::string path;              // local: absolute path
  std::string host;              // tcp
  unsigned port = 0;             // tcp
  std::string program;           // program: the program and its arguments
  std::string arguments;

  /// The stub line that describes this shard ("auto /abs/path", "remote host:8201").
  std::string line() const;
};

/// True when `path` is a regular file (a stub) rather than an index directory.
bool is_stub_file(const std::string& path);

/// Reads a stub file. Relative local paths are resolved against the stub's folder.
/// Throws IndexError "STUB:LINE: reason" for a line Xapian would not accept, and when the
/// file cannot be read or lists no shard.
std::vector<ShardLocation> read_stub(const std::string& path);

/// Writes a stub file atomically (temporary file, fsync, rename): a reader never sees half a
/// list. Throws IndexError when the file cannot be written.
void write_stub(const std::string& path, const std::vector<ShardLocation>& shards);

}  // namespace klausul
