#include "http/server.h"

#include "Poco/Net/HTTPServer.h"
#include "Poco/Net/HTTPServerParams.h"
#include "Poco/Net/NetException.h"
#include "Poco/Net/ServerSocket.h"
#include "Poco/ThreadPool.h"
#include "domain/common/error.h"
#include "http/handlers/routes.h"

namespace naskah::http {

Server::Server(Services services, ServerOptions options) : services_(services), options_(std::move(options)) {}

Server::~Server() { stop(); }

void Server::start() {
  Poco::Net::ServerSocket socket;
  try {
    socket.bind(Poco::Net::SocketAddress(options_.host, static_cast<Poco::UInt16>(options_.port)), true);
    socket.listen(options_.queue);
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kUnavailable, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                             ": " + e.displayText());
  }
  port_ = socket.address().port();
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options_.threads);
  params->setMaxQueued(options_.queue);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(options_.keepAliveSeconds, 0));
  params->setMaxKeepAliveRequests(0);  // unlimited
  params->setServerName("naskah");
  pool_ = std::make_unique<Poco::ThreadPool>(2, options_.threads + 4);
  auto* router = new Router(services_);
  addAllRoutes(*router);
  server_ = std::make_unique<Poco::Net::HTTPServer>(router, *pool_, socket, params);
  server_->start();
}

void Server::stop() {
  if (!server_) return;
  server_->stopAll(false);
  // stopAll(false) stops accepting; wait for the requests already running to be answered.
  for (int i = 0; i < 100 && server_->currentConnections() > 0; ++i) Poco::Thread::sleep(50);
  server_->stopAll(true);
  pool_->joinAll();
  server_.reset();
}

}  // namespace naskah::http
