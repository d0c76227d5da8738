// The HTTP server: Poco's HTTPServer with a thread pool sized for many keep-alive clients
// (Poco serves one connection per thread; with its default 16 threads the 17th client waits).
#pragma once

#include <memory>
#include <string>

#include "http/api.h"

namespace Poco {
class ThreadPool;
namespace Net {
class HTTPServer;
}
}  // namespace Poco

namespace naskah::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  int threads = 128;
  int queue = 256;
  int keepAliveSeconds = 15;
};

class Server {
 public:
  Server(Services services, ServerOptions options);
  ~Server();
  // Binds and starts serving; throws kUnavailable when the address is taken.
  void start();
  // Stops accepting, lets running requests finish (up to a few seconds) and joins the threads.
  void stop();
  int port() const { return port_; }

 private:
  Services services_;
  ServerOptions options_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  int port_ = 0;
};

}  // namespace naskah::http
