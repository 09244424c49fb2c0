#include "search/versions.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <numeric>
#include <regex>
#include <set>

#include "ingest/normalize.h"
#include "ingest/validity.h"

namespace klausul {
namespace {

bool is_full_date(const std::string& value) { return value.size() == 10 && value[4] == '-'; }

std::string order_date_of(const DocumentInfo& d) {
  const Validity& v = d.validity;
  if (!v.decided.empty()) return v.decided.value;
  if (!v.valid_from.empty() && v.valid_from.value != "tills vidare") return v.valid_from.value;
  if (!d.date.empty()) return d.date;
  return d.year > 0 ? std::to_string(d.year) : std::string{};
}

// a < b as dates of possibly different precision: "2012" < "2013-01-01"; "2012" vs
// "2012-05-01" is not decidable (returns false both ways).
bool date_before(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  const std::size_t n = std::min(a.size(), b.size());
  const int c = a.compare(0, n, b, 0, n);
  return c < 0;
}

std::string clause_id(const DocumentInfo& d, int ordinal) {
  return ordinal > 0 ? d.id + ":" + std::to_string(ordinal) : std::string{};
}

std::string describe(const DocumentInfo& d) {
  std::string out = "«" + (d.title.empty() ? d.path : d.title) + "»";
  const std::string date = order_date_of(d);
  if (!date.empty()) out += " (" + date + ")";
  return out;
}

// Where a fact came from: "klausul ID: «words»" or the manifest line.
std::string source_of(const DocumentInfo& d, const ValidityFact& fact) {
  if (fact.clause > 0) return "klausul " + clause_id(d, fact.clause) + ": «" + fact.quote + "»";
  return fact.quote.empty() ? std::string("dokumentets metadata") : fact.quote;
}

struct Link {
  std::size_t older = 0;
  std::size_t newer = 0;
  std::string reason;
  std::string reason_clause;
};

// The keys documents are found by, computed once (title keys need ICU folding).
struct Keys {
  std::vector<std::string> title;  // title_series_key of each document
  std::vector<std::string> order;  // order_date of each document
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_number;  // region, dnr
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_title;   // region, title
};

Keys keys_of(const std::vector<DocumentInfo>& docs) {
  Keys keys;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    keys.title.push_back(title_series_key(docs[i].title));
    keys.order.push_back(order_date_of(docs[i]));
    if (docs[i].region.empty()) continue;
    const std::string number = diarienummer_key(docs[i].diarienummer);
    if (!number.empty()) keys.by_number[{docs[i].region, number}].push_back(i);
    if (!keys.title.back().empty()) keys.by_title[{docs[i].region, keys.title.back()}].push_back(i);
  }
  return keys;
}

const std::vector<std::size_t>& found(
    const std::map<std::pair<std::string, std::string>, std::vector<std::size_t>>& index,
    const std::string& region, const std::string& key) {
  static const std::vector<std::size_t> kNone;
  auto it = index.find({region, key});
  return it == index.end() ? kNone : it->second;
}

// Rule 1a/1b: the newer document names the older one.
std::vector<Link> named_links(const std::vector<DocumentInfo>& docs, const Keys& keys) {
  std::vector<Link> links;
  for (std::size_t n = 0; n < docs.size(); ++n) {
    const DocumentInfo& newer = docs[n];
    if (newer.region.empty()) continue;
    const std::string own = diarienummer_key(newer.diarienummer);
    for (const ValidityFact& named : newer.validity.replaces) {
      std::vector<std::size_t> older;
      const std::string number = diarienummer_key(named.value);
      if (number != own) {
        for (std::size_t o : found(keys.by_number, newer.region, number)) {
          if (o != n && !date_before(keys.order[n], keys.order[o])) older.push_back(o);
        }
      }
      for (std::size_t o : found(keys.by_title, newer.region, title_series_key(named.value))) {
        if (o != n && date_before(keys.order[o], keys.order[n])) older.push_back(o);
      }
      std::sort(older.begin(), older.end());
      older.erase(std::unique(older.begin(), older.end()), older.end());
      for (std::size_t o : older) {
        links.push_back({o, n,
                         "ersatt av " + describe(newer) + " som säger att den ersätter " +
                             named.value + " — " + source_of(newer, named),
                         clause_id(newer, named.clause)});
      }
    }
  }
  return links;
}

// Rule 1c: same title series, newer date, most clauses aligned.
std::vector<Link> series_links(const std::vector<DocumentInfo>& docs, const Keys& keys,
                               const SameTextCheck& same_text, const std::vector<Link>& known) {
  std::vector<Link> links;
  if (!same_text) return links;
  std::set<std::pair<std::size_t, std::size_t>> linked;
  for (const Link& l : known) linked.emplace(l.older, l.newer);
  for (const auto& [region_title, members] : keys.by_title) {
    for (std::size_t o : members) {
      for (std::size_t n : members) {
        const DocumentInfo& older = docs[o];
        const DocumentInfo& newer = docs[n];
        if (o == n || older.doc_type != newer.doc_type) continue;
        if (!date_before(keys.order[o], keys.order[n]) || linked.count({o, n})) continue;
        if (!same_text(older, newer)) continue;
        links.push_back({o, n,
                         "ersatt av " + describe(newer) +
                             ": samma titelserie, nyare, och de flesta klausulerna motsvaras där",
                         ""});
      }
    }
  }
  return links;
}

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Rule 2 for a document that no newer version in force replaces.
VersionState own_status(const DocumentInfo& d, const std::string& today, bool newest_of_chain) {
  const Validity& v = d.validity;
  VersionState s;
  const std::string to = v.valid_to.value;
  const std::string from = v.valid_from.value;
  if (!from.empty() && from != "tills vidare" && date_before(today, from) && is_full_date(from)) {
    s.reason = "träder i kraft " + from + " — " + source_of(d, v.valid_from);
    s.reason_clause = clause_id(d, v.valid_from.clause);
    return s;
  }
  if (is_full_date(to) && to < today) {
    s.status = VersionStatus::expired;
    s.reason = "gällde till " + to + " — " + source_of(d, v.valid_to);
    s.reason_clause = clause_id(d, v.valid_to.clause);
    return s;
  }
  if (is_full_date(to) || to == "tills vidare") {
    s.status = VersionStatus::in_force;
    s.reason = (to == "tills vidare" ? "gäller tills vidare" : "gäller till " + to) + " — " +
               source_of(d, v.valid_to);
    s.reason_clause = clause_id(d, v.valid_to.clause);
    return s;
  }
  const bool year_passed = !to.empty() && to.substr(0, 4) < today.substr(0, 4);
  if (newest_of_chain && !year_passed) {
    s.status = VersionStatus::in_force;
    s.reason = "nyaste versionen i arkivet av sin kedja";
    return s;
  }
  if (year_passed) {
    s.reason = "enligt texten gäller den till " + to +
               " (bara årtal: sådana perioder förlängs ofta; kontrollera) — " + source_of(d, v.valid_to);
    s.reason_clause = clause_id(d, v.valid_to.clause);
    return s;
  }
  s.reason = "inget slutdatum och ingen nyare version i arkivet";
  if (!v.decided.empty()) s.reason += "; beslutad " + v.decided.value;
  if (!v.revise_by.empty()) s.reason += "; ska revideras senast " + v.revise_by.value;
  return s;
}

VersionState forced_status(const DocumentInfo& d) {
  VersionState s;
  const std::string& value = d.validity.status.value;
  s.status = value == "gällande" ? VersionStatus::in_force
             : value == "ersatt"  ? VersionStatus::replaced
             : value == "utgången" ? VersionStatus::expired
                                   : VersionStatus::unknown;
  s.reason = value + " enligt " + source_of(d, d.validity.status);
  if (!d.validity.replaced_by.empty()) s.reason += " (ersatt av " + d.validity.replaced_by.value + ")";
  return s;
}

const VersionState kUnknownState{};

}  // namespace

std::string version_order_date(const DocumentInfo& document) { return order_date_of(document); }

std::string version_status_name(VersionStatus status) {
  switch (status) {
    case VersionStatus::in_force: return "gällande";
    case VersionStatus::replaced: return "ersatt";
    case VersionStatus::expired: return "utgången";
    case VersionStatus::unknown: break;
  }
  return "okänd";
}

std::string title_series_key(const std::string& title) {
  // Years (and year ranges) name the version, not the series; other numbers ("Plan 2",
  // "område 12") tell documents apart and stay.
  static const std::regex year(R"((^|[^0-9])(19|20)[0-9][0-9](?![0-9]))");
  const std::string folded = std::regex_replace(ascii_key(title), year, "$1 ");
  std::string key;
  bool space = false;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (space && !key.empty()) key += ' ';
      key += c;
      space = false;
    } else {
      space = true;
    }
  }
  return key;
}

std::string today_iso() {
  if (const char* fixed = std::getenv("KLAUSUL_TODAY"); fixed && *fixed) return fixed;
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

VersionIndex VersionIndex::build(std::vector<DocumentInfo> documents, const std::string& today,
                                 const SameTextCheck& same_text) {
  VersionIndex index;
  index.documents_ = std::move(documents);
  const auto& docs = index.documents_;
  for (std::size_t i = 0; i < docs.size(); ++i) index.by_id_[docs[i].id] = i;

  const Keys keys = keys_of(docs);
  std::vector<Link> links = named_links(docs, keys);
  std::vector<Link> series = series_links(docs, keys, same_text, links);
  links.insert(links.end(), series.begin(), series.end());

  // The immediate successor of each replaced document: the earliest newer one linked to it.
  std::vector<const Link*> successor(docs.size(), nullptr);
  std::vector<bool> has_predecessor(docs.size(), false);
  std::vector<std::size_t> parent(docs.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const Link& link : links) {
    const Link*& best = successor[link.older];
    if (!best || date_before(order_date_of(docs[link.newer]), order_date_of(docs[best->newer]))) best = &link;
    has_predecessor[link.newer] = true;
    parent[find_root(parent, link.older)] = find_root(parent, link.newer);
  }
  // The group key: the id of the group's newest document.
  std::map<std::size_t, std::size_t> newest;
  std::map<std::size_t, int> members;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::size_t root = find_root(parent, i);
    ++members[root];
    auto it = newest.find(root);
    if (it == newest.end() || date_before(order_date_of(docs[it->second]), order_date_of(docs[i]))) {
      newest[root] = i;
    }
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const DocumentInfo& d = docs[i];
    const std::size_t root = find_root(parent, i);
    VersionState s;
    const Link* next = successor[i];
    const bool takes_effect =
        next && !(is_full_date(docs[next->newer].validity.valid_from.value) &&
                  date_before(today, docs[next->newer].validity.valid_from.value));
    if (!d.validity.status.empty()) {
      s = forced_status(d);
    } else if (takes_effect) {
      s.status = VersionStatus::replaced;
      s.reason = next->reason;
      s.reason_clause = next->reason_clause;
      s.replaced_by = docs[next->newer].id;
    } else {
      s = own_status(d, today, has_predecessor[i] && !next);
      if (next) s.reason += "; ersätts av " + describe(docs[next->newer]) + " när den träder i kraft";
    }
    if (s.status == VersionStatus::replaced && s.replaced_by.empty() && next) {
      s.replaced_by = docs[next->newer].id;
    }
    if (members[root] > 1) s.group = docs[newest[root]].id;
    s.order_date = order_date_of(d);
    index.states_[d.id] = std::move(s);
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const std::string& group = index.state(docs[i].id).group;
    if (!group.empty()) index.chains_[group].push_back(i);
  }
  for (auto& [group, members] : index.chains_) {
    std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return date_before(order_date_of(docs[a]), order_date_of(docs[b]));
    });
  }
  for (const auto& [id, state] : index.states_) {
    if (index.hidden(id)) index.hidden_.push_back(id);
  }
  std::sort(index.hidden_.begin(), index.hidden_.end());
  return index;
}

const VersionState& VersionIndex::state(const std::string& document_id) const {
  auto it = states_.find(document_id);
  return it == states_.end() ? kUnknownState : it->second;
}

const DocumentInfo* VersionIndex::document(const std::string& document_id) const {
  auto it = by_id_.find(document_id);
  return it == by_id_.end() ? nullptr : &documents_[it->second];
}

std::vector<const DocumentInfo*> VersionIndex::chain(const std::string& document_id) const {
  std::vector<const DocumentInfo*> out;
  const DocumentInfo* self = document(document_id);
  if (!self) return out;
  auto members = chains_.find(state(document_id).group);
  if (members == chains_.end()) return {self};
  for (std::size_t i : members->second) out.push_back(&documents_[i]);
  return out;
}

bool VersionIndex::same_chain(const std::string& a, const std::string& b) const {
  const std::string& group = state(a).group;
  return a != b && !group.empty() && group == state(b).group;
}

bool VersionIndex::hidden(const std::string& document_id) const {
  const VersionStatus status = state(document_id).status;
  return status == VersionStatus::replaced || status == VersionStatus::expired;
}

}  // namespace klausul
