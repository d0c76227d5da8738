// Each resource registers its routes; addAllRoutes registers every one.
#pragma once

#include "http/router.h"

namespace naskah::http {

void addHealthRoutes(Router& router);
void addAuthRoutes(Router& router);
void addIncomingLetterRoutes(Router& router);
void addAuditRoutes(Router& router);
void addDirectoryRoutes(Router& router);
void addArchiveImportRoutes(Router& router);
void addArchiveRoutes(Router& router);
void addDocumentRoutes(Router& router);
void addOutgoingLetterRoutes(Router& router);
void addCaseRoutes(Router& router);
void addDispositionRoutes(Router& router);
void addRetentionRoutes(Router& router);
void addVerifyRoutes(Router& router);
void addInspectionRoutes(Router& router);

inline void addAllRoutes(Router& router) {
  addHealthRoutes(router);
  addAuthRoutes(router);
  addIncomingLetterRoutes(router);
  addAuditRoutes(router);
  addDirectoryRoutes(router);
  addArchiveImportRoutes(router);  // before /archive/{id}
  addArchiveRoutes(router);
  addDocumentRoutes(router);
  addOutgoingLetterRoutes(router);
  addCaseRoutes(router);
  addDispositionRoutes(router);
  addRetentionRoutes(router);
  addVerifyRoutes(router);
  addInspectionRoutes(router);
}

}  // namespace naskah::http
