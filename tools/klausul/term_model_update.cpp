#include "tools/klausul/term_model_update.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "index/analyzer.h"
#include "index/database.h"
#include "index/term_model_learning.h"
#include "ingest/error.h"
#include "search/open_database.h"
#include "search/version_store.h"
#include "tools/klausul/cli_args.h"
#include "tools/klausul/commands.h"

namespace klausul::cli {
namespace {

// An exclusive lock on <model>.lock for as long as it lives: one learner at a time.
class LearnerLock {
 public:
  explicit LearnerLock(const std::string& model_path) {
    const std::string path = model_path + ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw IndexError(path + ": cannot create the term model's lock file");
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) throw IndexError(path + ": cannot lock the term model");
    }
  }
  ~LearnerLock() { ::close(fd_); }  // closing releases the lock
  LearnerLock(const LearnerLock&) = delete;
  LearnerLock& operator=(const LearnerLock&) = delete;

 private:
  int fd_ = -1;
};

void print_learned(const TermModel& model, double seconds) {
  char line[200];
  if (model.empty()) {
    std::snprintf(line, sizeof line,
                  "term model: the index holds too little text to learn from (under %zu words); "
                  "similar compares by stems and thesaurus\n",
                  TermModelOptions{}.min_tokens);
  } else {
    std::snprintf(line, sizeof line, "term model: %zu words learned from the index in %.1f s\n",
                  model.size(), seconds);
  }
  std::cerr << line;
}

// Learns and saves the model under the learner lock; with `if_stale`, only when the model
// on disk does not belong to the index as it is now. A second process may commit while the
// index is read: then the read starts again on the new state (a few times at most).
void learn_locked(const std::string& db_path, bool if_stale) {
  const std::string path = term_model_path(db_path);
  LearnerLock lock(path);
  Xapian::Database db = open_for_reading(db_path);
  for (int attempt = 1;; ++attempt) {
    try {
      if (if_stale && TermModel::read_signature(path) == index_signature(db)) return;
      const auto start = std::chrono::steady_clock::now();
      const TermModel model = learn_term_model(db);
      model.save(path);
      print_learned(model, std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                         start).count());
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 3) throw IndexError(db_path + ": the index kept changing while learning");
      db.reopen();
    }
  }
}

// An index too small to learn from gets an empty model of its state (similar then compares
// by stems alone) without reading its clauses a second time.
void save_empty_model(const Xapian::Database& db, const std::string& db_path) {
  const std::string path = term_model_path(db_path);
  LearnerLock lock(path);
  const TermModel model(TermModelOptions{}.dimensions, index_signature(db));
  model.save(path);
  print_learned(model, 0);
}

// Starts `klausul learn --db DB --if-stale` detached from this process (its own session, its
// output in <model>.log, a lower priority), so the command that changed the index returns
// now. Double fork: no zombie is left behind. Returns false when it could not be started.
bool start_background_learner(const std::string& db_path) {
  const std::string log = term_model_path(db_path) + ".log";
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    if (::fork() != 0) ::_exit(0);
    ::setsid();
    ::signal(SIGPIPE, SIG_DFL);  // ingest ignores it; an ignored signal survives exec
    const int null_fd = ::open("/dev/null", O_RDONLY);
    const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    const int out = log_fd >= 0 ? log_fd : null_fd;
    if (out >= 0) {
      ::dup2(out, STDOUT_FILENO);
      ::dup2(out, STDERR_FILENO);
    }
    if (::nice(10) == -1) {
      // A learner at normal priority is still correct.
    }
    ::execl("/proc/self/exe", "klausul", "learn", "--db", db_path.c_str(), "--if-stale",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

LearnMode learn_mode_from(const std::string& value) {
  if (value.empty() || value == "background") return LearnMode::background;
  if (value == "wait") return LearnMode::wait;
  if (value == "no") return LearnMode::skip;
  throw UsageError("--learn takes background, wait or no, not '" + value + "'");
}

void refresh_term_model(const Xapian::Database& db, const std::string& db_path, LearnMode mode) {
  if (TermModel::read_signature(term_model_path(db_path)) == index_signature(db)) return;
  // Which same-titled documents are versions of one another changes with the index too.
  update_series_file(db, db_path);
  // Too little text to learn from: nothing to learn, and saying so is quick.
  const bool small = !enough_text_to_learn(db);
  if (small) {
    save_empty_model(db, db_path);
  } else if (mode == LearnMode::wait) {
    learn_locked(db_path, true);
  } else if (mode == LearnMode::skip) {
    std::cerr << "term model: not learned again (--learn no); `klausul learn` updates it\n";
  } else if (start_background_learner(db_path)) {
    std::cerr << "term model: learning again in the background (log: "
              << term_model_path(db_path) << ".log); until then similar uses the previous one\n";
  } else {
    learn_locked(db_path, true);
  }
}

int run_learn(int argc, char** argv) {
  Args args = parse_args(argc, argv, 2, {"db", "neighbours"}, {"if-stale"});
  if (!args.positional.empty()) {
    throw UsageError("learn takes no arguments (only --db DIR, --if-stale, --neighbours WORDS)");
  }
  const std::string db_path = resolve_database_path(args.get("db"));
  if (!args.get("neighbours").empty()) {
    // What the archive associates with a word: the stems the model holds closest to it.
    const TermModel model = TermModel::load(term_model_path(db_path));
    for (const std::string& word : content_stems(args.get("neighbours"))) {
      std::cout << word << ':';
      for (const auto& [stem, similarity] : model.neighbours(word, 10, 0.0)) {
        char weight[16];
        std::snprintf(weight, sizeof weight, "%.2f", similarity);
        std::cout << ' ' << stem << ' ' << weight;
      }
      std::cout << '\n';
    }
    return kExitOk;
  }
  if (!args.has("if-stale")) {
    update_series_file(open_for_reading(db_path), db_path);
  }
  learn_locked(db_path, args.has("if-stale"));
  return kExitOk;
}

}  // namespace klausul::cli
