#include "tools/klausul/error_boundary.h"

#include <xapian.h>

#include <exception>
#include <iostream>

#include "ingest/error.h"
#include "tools/klausul/commands.h"

namespace klausul::cli {

int run_guarded(const std::string& command, const std::function<int()>& command_body) {
  try {
    return command_body();
  } catch (const UsageError& e) {
    std::cerr << "klausul " << command << ": " << e.what() << '\n';
    return kExitUsage;
  } catch (const IndexError& e) {
    std::cerr << "klausul " << command << ": " << e.what() << '\n';
    return kExitIndex;
  } catch (const Xapian::Error& e) {
    std::cerr << "klausul " << command << ": index error: " << e.get_description() << '\n';
    return kExitIndex;
  } catch (const std::exception& e) {
    std::cerr << "klausul " << command << ": " << e.what() << '\n';
    return kExitIndex;
  }
}

}  // namespace klausul::cli
