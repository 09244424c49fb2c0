#include "tools/klausul/web/server.h"

#include <httplib.h>
#include <xapian.h>

#include <cstdio>
#include <functional>

#include "ingest/error.h"
#include "tools/klausul/web/api.h"
#include "tools/klausul/web/api_json.h"
#include "tools/klausul/web/assets.h"
#include "tools/klausul/web/export_download.h"
#include "tools/klausul/web/http_error.h"
#include "tools/klausul/web/source_file.h"

namespace klausul::web {
namespace {

// Requests carry only a query string; a body is never needed, so anything large is refused.
constexpr size_t kMaxBodyBytes = 16 * 1024;

const char* const kSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump_safe(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

// THE error boundary of the web front end: every handler runs inside it, and every failure
// becomes a status and {"error": "..."}.
void guarded(httplib::Response& res, const std::function<void()>& handler) {
  try {
    handler();
  } catch (const HttpError& e) {
    send_error(res, e.status(), e.what());
  } catch (const UsageError& e) {
    send_error(res, 400, e.what());
  } catch (const IndexError& e) {
    send_error(res, 503, std::string("index är inte tillgängligt: ") + e.what());
  } catch (const Xapian::DatabaseError& e) {
    send_error(res, 503, "index är inte tillgängligt: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "klausul serve: %s\n", e.get_description().c_str());
    send_error(res, 500, "internt fel i sökningen");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "klausul serve: %s\n", e.what());
    send_error(res, 500, "internt fel");
  }
}

using JsonEndpoint = std::function<nlohmann::json(const ParamReader&)>;

httplib::Server::Handler json_route(JsonEndpoint endpoint) {
  return [endpoint = std::move(endpoint)](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] { send_json(res, 200, endpoint(ParamReader(req.params))); });
  };
}

// A path for the log with control characters and non-ASCII shown as escapes, so a request
// cannot forge log lines.
std::string printable(const std::string& text) {
  std::string out;
  for (unsigned char c : text.substr(0, 300)) {
    if (c < 0x20 || c >= 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void log_request(const httplib::Request& req, const httplib::Response& res) {
  // One fprintf per line: lines from worker threads never interleave.
  std::fprintf(stderr, "klausul serve: %s %s %s %d %zu\n", req.remote_addr.c_str(),
               printable(req.method).c_str(), printable(req.path).c_str(), res.status,
               res.body.size());
}

std::string host_of(const std::string& host_header) {
  if (host_header.starts_with("[")) return host_header.substr(0, host_header.find(']') + 1);
  return host_header.substr(0, host_header.find(':'));
}

}  // namespace

bool is_loopback(const std::string& address) {
  return address.starts_with("127.") || address == "::1" || address == "[::1]" ||
         address == "localhost";
}

WebServer::WebServer(ServerOptions options)
    : options_(std::move(options)), pool_(options_.database),
      server_(std::make_unique<httplib::Server>()) {
  install_routes();
}

WebServer::~WebServer() = default;

void WebServer::install_routes() {
  httplib::Server& s = *server_;
  s.set_payload_max_length(kMaxBodyBytes);
  s.set_default_headers({{"Content-Security-Policy", kSecurityPolicy},
                         {"X-Content-Type-Options", "nosniff"},
                         {"X-Frame-Options", "DENY"},
                         {"Referrer-Policy", "no-referrer"},
                         {"Cache-Control", "no-store"}});
  s.set_logger(log_request);

  // On loopback, a page of another site must not reach the API through a DNS name that
  // resolves to 127.0.0.1 (DNS rebinding): the Host header has to name this machine.
  if (is_loopback(options_.bind)) {
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      const std::string host = host_of(req.get_header_value("Host"));
      if (host.empty() || is_loopback(host) || host == options_.bind) {
        return httplib::Server::HandlerResponse::Unhandled;
      }
      send_error(res, 403, "okänd Host: servern svarar bara på 127.0.0.1 och localhost");
      return httplib::Server::HandlerResponse::Handled;
    });
  }

  for (const Asset& asset : assets()) {
    // Route patterns are regular expressions: escape the '.' of "app.css".
    std::string pattern;
    for (char c : asset.path) pattern += c == '.' ? std::string("\\.") : std::string(1, c);
    s.Get(pattern, [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
      res.set_header("Cache-Control", "no-cache");
    });
  }

  s.Get("/api/search", json_route([this](const ParamReader& p) { return api_search(pool_, p); }));
  s.Get("/api/similar", json_route([this](const ParamReader& p) { return api_similar(pool_, p); }));
  s.Get("/api/compare", json_route([this](const ParamReader& p) { return api_compare(pool_, p); }));
  s.Get("/api/documents", json_route([this](const ParamReader&) { return api_documents(pool_); }));
  s.Get("/api/coverage", json_route([this](const ParamReader& p) { return api_coverage(pool_, p); }));
  s.Get("/api/clause", json_route([this](const ParamReader& p) { return api_clause(pool_, p); }));
  // The source file of an indexed document, by its id (hex content hash): never a path.
  s.Get(R"(/source/([0-9A-Za-z_-]{1,128}))", [this](const httplib::Request& req,
                                                     httplib::Response& res) {
    guarded(res, [&] {
      SourceFile file = read_source(pool_, req.matches[1].str());
      // A PDF is shown by the browser's own viewer, which the page's policy would block.
      res.headers.erase("Content-Security-Policy");
      res.set_header("Content-Security-Policy", file.content_type == "application/pdf"
                                                    ? "frame-ancestors 'none'"
                                                    : "default-src 'none'; sandbox");
      res.set_header("Content-Disposition", std::string(file.attachment ? "attachment" : "inline") +
                                                "; filename=\"" + file.filename + "\"");
      res.set_content(std::move(file.body), file.content_type.c_str());
    });
  });
  s.Get("/api/export", [this](const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      Download download = export_download(pool_, ParamReader(req.params));
      res.set_header("Content-Disposition",
                     "attachment; filename=\"" + download.filename + "\"");
      res.set_content(std::move(download.body), download.content_type.c_str());
    });
  });

  // Read-only: no method but GET (and HEAD, answered from the GET routes) does anything.
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    send_error(res, 405, "klausul serve är skrivskyddad: bara GET stöds");
  };
  s.Post(".*", refuse);
  s.Put(".*", refuse);
  s.Patch(".*", refuse);
  s.Delete(".*", refuse);
  s.Options(".*", refuse);

  // Every other path (and any error without a body of its own) answers in JSON.
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, res.status == 404 ? "finns inte" : "felaktig begäran");
        return httplib::Server::HandlerResponse::Handled;
      }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internt fel");
  });
}

int WebServer::bind() {
  port_ = options_.port == 0 ? server_->bind_to_any_port(options_.bind)
                             : (server_->bind_to_port(options_.bind, options_.port)
                                    ? options_.port
                                    : -1);
  if (port_ <= 0) {
    throw UsageError("cannot listen on " + options_.bind + " port " +
                     std::to_string(options_.port) + " (in use, or not an address of this machine)");
  }
  return port_;
}

void WebServer::run() { server_->listen_after_bind(); }

void WebServer::stop() { server_->stop(); }

std::string WebServer::url() const {
  const bool ipv6 = options_.bind.find(':') != std::string::npos;
  const std::string host = ipv6 ? "[" + options_.bind + "]" : options_.bind;
  return "http://" + host + ":" + std::to_string(port_) + "/";
}

}  // namespace klausul::web
