// The Laporan Hasil Pemeriksaan's data for templates/laporan_pemeriksaan.xml (its keys are the
// printed document's, in Indonesian; samples/documents/laporan_pemeriksaan.json shows them).
#pragma once

#include <string>

#include "services/inspection_service.h"

namespace naskah::json {

std::string inspectionReportData(const services::InspectionReportFacts& facts);

}  // namespace naskah::json
