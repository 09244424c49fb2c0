#include "ingest/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <memory>
#include <mutex>

#include "ingest/error.h"

namespace klausul {
namespace {

// NONET: never fetch anything. Deliberately absent: NOENT (expands entities, which is how
// XXE reads local files), DTDLOAD / DTDATTR / DTDVALID (load external DTDs), HUGE (lifts the
// depth and size limits that stop hostile input).
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

std::string too_deep(const std::string& part) {
  return "XML nested too deeply in " + part + " (more than " + std::to_string(kMaxXmlDepth) +
         " levels)";
}

void ignore_generic(void*, const char*, ...) {}
void ignore_structured(void*, xmlErrorPtr) {}

// libxml2's error handlers are per thread: silence its default printing to stderr on each
// thread that parses, after initialising the library once (required before threaded use).
void prepare_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, ignore_generic);
  xmlSetStructuredErrorFunc(nullptr, ignore_structured);
}

// The first error libxml2 reports for one parse, kept for the exception message.
struct ErrorSink {
  std::string message;
};

void collect_error(void* arg, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(arg);
  if (error == nullptr || !sink->message.empty()) return;
  std::string text = error->message != nullptr ? error->message : "malformed XML";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  sink->message = text + " at line " + std::to_string(error->line);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Rejects a DOCTYPE in the prolog before libxml2 sees it, so no entity declaration is ever
// parsed. (UTF-16 parts escape this byte scan; the reader's DOCUMENT_TYPE node catches them.)
void reject_doctype(std::string_view xml, const std::string& part) {
  std::string_view rest = xml;
  if (starts_with(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
  for (;;) {
    const std::size_t lt = rest.find('<');
    if (lt == std::string_view::npos) return;
    rest.remove_prefix(lt);
    std::string_view close;
    if (starts_with(rest, "<?"))
      close = "?>";
    else if (starts_with(rest, "<!--"))
      close = "-->";
    else if (starts_with(rest, "<!DOCTYPE") || starts_with(rest, "<!ENTITY"))
      break;
    else
      return;  // the root element: the prolog is over
    const std::size_t end = rest.find(close);
    if (end == std::string_view::npos) return;
    rest.remove_prefix(end + close.size());
  }
  throw IngestError("XML document type declaration (DTD/entities) not accepted in " + part);
}

struct ReaderDeleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

const char* str(const xmlChar* s) { return s != nullptr ? reinterpret_cast<const char*>(s) : ""; }

XmlNode element_of(xmlTextReaderPtr reader) {
  XmlNode node;
  node.name = str(xmlTextReaderConstLocalName(reader));
  while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
    if (xmlTextReaderIsNamespaceDecl(reader) == 1) continue;
    node.attributes.emplace_back(str(xmlTextReaderConstName(reader)),
                                 str(xmlTextReaderConstValue(reader)));
  }
  xmlTextReaderMoveToElement(reader);
  return node;
}

// Feeds one reader event into the tree under construction (`open` = path of open elements).
void add_event(xmlTextReaderPtr reader, std::vector<XmlNode*>& open, XmlNode& root,
               const std::string& part) {
  switch (xmlTextReaderNodeType(reader)) {
    case XML_READER_TYPE_ELEMENT: {
      if (xmlTextReaderDepth(reader) >= kMaxXmlDepth) throw IngestError(too_deep(part));
      const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
      XmlNode node = element_of(reader);
      XmlNode* added = nullptr;
      if (open.empty()) {
        root = std::move(node);
        added = &root;
      } else {
        open.back()->children.push_back(std::move(node));
        added = &open.back()->children.back();
      }
      if (!empty) open.push_back(added);
      break;
    }
    case XML_READER_TYPE_END_ELEMENT:
      if (!open.empty()) open.pop_back();
      break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      if (!open.empty()) {
        XmlNode text;
        text.text = str(xmlTextReaderConstValue(reader));
        open.back()->children.push_back(std::move(text));
      }
      break;
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
      throw IngestError("XML document type declaration (DTD/entities) not accepted in " + part);
    default:
      break;  // comments, processing instructions
  }
}

}  // namespace

XmlNode parse_xml(std::string_view xml, const std::string& part) {
  prepare_libxml();
  reject_doctype(xml, part);
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader(xmlReaderForMemory(
      xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, kParseOptions));
  if (!reader) throw IngestError("cannot parse XML in " + part);
  ErrorSink errors;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), collect_error, &errors);

  XmlNode root;
  std::vector<XmlNode*> open;
  int status = 0;
  while ((status = xmlTextReaderRead(reader.get())) == 1) {
    add_event(reader.get(), open, root, part);
  }
  if (status < 0 || !errors.message.empty()) {
    if (errors.message.find("Excessive depth") != std::string::npos)
      throw IngestError(too_deep(part));
    throw IngestError("malformed XML in " + part + " (" +
                      (errors.message.empty() ? "unreadable" : errors.message) + ")");
  }
  if (root.name.empty()) throw IngestError("malformed XML in " + part + " (no root element)");
  return root;
}

// ------------------------------------------------------------------------------- XmlNode

namespace {

std::string_view local_part(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Exact qualified match first; then by local name (only among prefixed attributes when the
// asked name has a prefix, so "r:id" never falls back to the plain "id").
const std::string* find_attr(const XmlNode& node, std::string_view name) {
  for (const auto& [key, value] : node.attributes) {
    if (key == name) return &value;
  }
  const bool prefixed = name.find(':') != std::string_view::npos;
  const std::string_view local = local_part(name);
  for (const auto& [key, value] : node.attributes) {
    if (prefixed && key.find(':') == std::string::npos) continue;
    if (local_part(key) == local) return &value;
  }
  return nullptr;
}

}  // namespace

const std::string& XmlNode::attr(std::string_view name) const {
  static const std::string kEmpty;
  const std::string* value = find_attr(*this, name);
  return value != nullptr ? *value : kEmpty;
}

bool XmlNode::has_attr(std::string_view name) const { return find_attr(*this, name) != nullptr; }

const XmlNode* XmlNode::child(std::string_view local) const {
  for (const XmlNode& c : children) {
    if (c.name == local) return &c;
  }
  return nullptr;
}

const XmlNode* XmlNode::find(std::string_view local) const {
  for (const XmlNode& c : children) {
    if (c.name == local) return &c;
    if (const XmlNode* found = c.find(local)) return found;
  }
  return nullptr;
}

std::vector<const XmlNode*> XmlNode::children_named(std::string_view local) const {
  std::vector<const XmlNode*> out;
  for (const XmlNode& c : children) {
    if (c.name == local) out.push_back(&c);
  }
  return out;
}

std::string XmlNode::all_text() const {
  if (is_text()) return text;
  std::string out;
  for (const XmlNode& c : children) out += c.all_text();
  return out;
}

}  // namespace klausul
