// `klausul serve`: the web page for policy writers (tools/klausul/web/). Read-only: there is
// no import or remove endpoint at all. Binds to loopback unless --bind says otherwise.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "index/database.h"
#include "search/open_database.h"
#include "ingest/error.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"
#include "tools/klausul/web/server.h"

namespace klausul::cli {
namespace {

const char* const kServeHelp = R"(usage: klausul serve [--db DIR] [--bind 127.0.0.1] [--port 8080]

Serves a Swedish web page for searching the index: search with filters and facets,
similar clauses in other regions, comparison of two documents, and exports (CSV, XLSX,
JSON Lines, Markdown, HTML). The JSON API lives under /api/.

The server is read-only: it has no import or remove endpoints, and it answers only GET.
It listens on 127.0.0.1 unless --bind names another address (then anyone who can reach
that address can read the whole index). --port 0 picks a free port. The URL is printed on
stderr; each request is logged there. Searches see what a running `klausul ingest` has
committed. Ctrl-C or SIGTERM stops it.
)";

// Ctrl-C and SIGTERM are taken by one thread with sigwait() rather than a signal handler:
// stopping the server is not async-signal-safe, a normal thread may call it.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

int run_serve(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "bind", "port"}, {"help"});
  if (args.has("help")) {
    std::cout << kServeHelp;
    return kExitOk;
  }
  if (!args.positional.empty()) throw UsageError("serve takes no arguments (see --help)");
  web::ServerOptions options;
  options.database = resolve_database_path(args.get("db"));
  options.bind = args.get("bind", "127.0.0.1");
  const std::string port = args.get("port", "8080");
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(port) > 65535) {
    throw UsageError("--port needs a number from 0 to 65535, not '" + port + "'");
  }
  options.port = std::stoi(port);

  // Block the stop signals before any thread exists, so every server thread inherits the mask
  // and only the waiter below receives them.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  web::WebServer server(options);
  server.bind();
  if (!web::is_loopback(options.bind)) {
    std::fprintf(stderr, "klausul serve: warning: listening on %s, reachable from other "
                         "machines; the index is readable by anyone who can connect\n",
                 options.bind.c_str());
  }
  try {
    open_for_reading(options.database);
  } catch (const IndexError& e) {
    std::fprintf(stderr, "klausul serve: warning: %s (the API answers 503 until it exists)\n",
                 e.what());
  }
  std::fprintf(stderr, "klausul serve: %s\n", server.url().c_str());
  std::fflush(stderr);

  std::atomic<bool> done = false;
  std::thread waiter([&server, &done, signals] {
    int received = 0;
    sigwait(&signals, &received);
    // A signal that came before run() started listening would be lost by one stop().
    while (!done) {
      server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  server.run();
  done = true;
  // run() also returns when listening fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::fprintf(stderr, "klausul serve: stopped\n");
  return kExitOk;
}

}  // namespace klausul::cli
