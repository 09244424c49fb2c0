// The read-only web server of `klausul serve`: the embedded page, the JSON API and the source
// files of indexed documents (/source/DOCUMENT_ID), nothing else. There is no endpoint that
// writes: every method but GET/HEAD is refused with 405, and every other path is 404. The only
// files read from disk are indexed documents' own, found by document id (source_file.h).
#pragma once

#include <memory>
#include <string>

#include "tools/klausul/web/index_pool.h"

namespace httplib {
class Server;
}

namespace klausul::web {

struct ServerOptions {
  std::string database;          // index folder
  std::string bind = "127.0.0.1";
  int port = 8080;               // 0: any free port
};

class WebServer {
 public:
  explicit WebServer(ServerOptions options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  /// Binds the listening socket and returns the port (the chosen one for port 0).
  /// Throws UsageError when the address cannot be bound (in use, not local, ...).
  int bind();
  /// Serves requests until stop(); bind() first.
  void run();
  /// Makes run() return after the requests in progress. Safe from any thread.
  void stop();
  /// "http://127.0.0.1:8080/" (after bind()).
  std::string url() const;

 private:
  void install_routes();

  ServerOptions options_;
  IndexPool pool_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
};

/// True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& address);

}  // namespace klausul::web
