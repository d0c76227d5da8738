// Field inspections over HTTP: assign a team to a complaint, record the report, upload and read
// photos, print the Laporan Hasil Pemeriksaan. Rules live in services::InspectionService.
#include "Poco/JSON/Array.h"
#include "http/handlers/routes.h"
#include "domain/common/error.h"
#include "http/upload.h"
#include "json/inspection_json.h"
#include "json/inspection_report_data.h"

namespace naskah::http {
namespace {

services::InspectionService& inspections(Services& s) {
  return available(s.inspections, "field inspections");
}

std::string inspectionPath(std::int64_t id) { return "/api/v1/inspections/" + std::to_string(id); }

}  // namespace

void addInspectionRoutes(Router& router) {
  Services& s = router.services();
  router.add("POST", "/api/v1/incoming-letters/{id}/inspections", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto letterId = request.idParam(0);
    auto assignment = json::inspectionAssignmentFromJson(*request.jsonObject());
    auto created = inspections(s).assign(actor, letterId, assignment);
    ApiReply reply = ApiReply::ok(json::toJson(created), 201);
    reply.headers.push_back({"Location", inspectionPath(created.id)});
    return reply;
  });
  router.add("GET", "/api/v1/incoming-letters/{id}/inspections", BodyKind::kNone, [&s](ApiRequest& request) {
    Poco::JSON::Array items;
    for (const auto& f : inspections(s).listForLetter(request.actor(), request.idParam(0))) items.add(json::toJson(f));
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    return ApiReply::ok(o);
  });
  router.add("GET", "/api/v1/inspections/{id}", BodyKind::kNone, [&s](ApiRequest& request) {
    return ApiReply::ok(json::toJson(inspections(s).get(request.actor(), request.idParam(0))));
  });
  router.add("PUT", "/api/v1/inspections/{id}/report", BodyKind::kJson, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    auto input = json::inspectionReportFromJson(*request.jsonObject());
    return ApiReply::ok(json::toJson(inspections(s).recordReport(actor, id, input.report, input.version)));
  });
  router.add("POST", "/api/v1/inspections/{id}/photos", BodyKind::kUpload, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    auto upload = readUpload(request);
    if (upload.multipart && !upload.hasFile)
      throw Error(ErrorCode::kInvalidArgument, "the upload has no file part", {{"file", "is required"}});
    auto caption = upload.value(request, "caption").value_or("");
    auto photo = inspections(s).addPhoto(actor, id, upload.fileName, caption, upload.content);
    ApiReply reply = ApiReply::ok(json::toJson(photo, id), 201);
    reply.headers.push_back({"Location", inspectionPath(id) + "/photos/" + std::to_string(photo.number)});
    return reply;
  });
  router.add("GET", "/api/v1/inspections/{id}/photos/{number}", BodyKind::kNone, [&s](ApiRequest& request) {
    auto actor = request.actor();
    auto id = request.idParam(0);
    auto number = request.idParam(1);
    if (number > static_cast<std::int64_t>(domain::inspection::kMaxPhotos))
      throw Error(ErrorCode::kNotFound, "inspection " + std::to_string(id) + " has no photo " + std::to_string(number));
    auto found = inspections(s).photo(actor, id, static_cast<int>(number));
    ApiReply reply = ApiReply::bytes(std::move(found.content), found.photo.contentType);
    reply.headers.push_back({"Content-Disposition", "inline; filename=\"foto-" + std::to_string(id) + "-" +
                                                        std::to_string(found.photo.number) +
                                                        (found.photo.contentType == "image/png" ? ".png" : ".jpg") +
                                                        "\""});
    return reply;
  });
  router.add("GET", "/api/v1/inspections/{id}/report.pdf", BodyKind::kNone, [&s](ApiRequest& request) {
    std::string paper = request.paper();
    auto facts = inspections(s).reportFacts(request.actor(), request.idParam(0));
    auto bytes = s.documents.renderPdf(
        {"laporan_pemeriksaan", json::inspectionReportData(facts), facts.office.letterhead, paper});
    return ApiReply::pdf(std::move(bytes), "laporan-pemeriksaan-" + std::to_string(facts.inspection.id) + ".pdf");
  });
}

}  // namespace naskah::http
