// klausul-serve: `klausul serve` (tools/klausul/cmd_serve.cpp), a program of its own so that
// the web server and OpenSSL, which cpp-httplib links, are loaded by the server only.
// `klausul serve ARGS` runs it as `klausul-serve serve ARGS`; `klausul-serve ARGS` works too.
#include <cstring>
#include <vector>

#include "tools/klausul/commands.h"
#include "tools/klausul/error_boundary.h"

int main(int argc, char** argv) {
  using namespace klausul::cli;
  std::vector<char*> arguments(argv, argv + argc);
  static char serve[] = "serve";
  if (argc < 2 || std::strcmp(argv[1], "serve") != 0) arguments.insert(arguments.begin() + 1, serve);
  arguments.push_back(nullptr);
  const int count = static_cast<int>(arguments.size()) - 1;
  return run_guarded("serve", [&] { return run_serve(count, arguments.data()); });
}
