// Evidence that travelled through a foreign format as an "evidence"
// attribute (a JSON array, as the exchange exporters write it) is turned
// back into evidence on import.
#include "evidence_attribute.hpp"

#include "liaison/storable.hpp"

#include <rapidjson/document.h>

namespace liaison::detail {

void liftEvidence(Attributes &attributes, std::vector<Evidence> &evidence)
{
    auto it = attributes.find("evidence");
    if (it == attributes.end()) return;
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(it->second.text.c_str(), it->second.text.size());
    if (doc.HasParseError() || !doc.IsArray()) return; // not ours: stays an attribute
    std::vector<Evidence> lifted;
    for (const auto &item : doc.GetArray()) {
        if (!item.IsObject() || !item.HasMember("source") || !item["source"].IsString()) return;
        Evidence e;
        e.source = item["source"].GetString();
        if (item.HasMember("line") && item["line"].IsInt()) e.line = item["line"].GetInt();
        if (item.HasMember("locator") && item["locator"].IsString()) e.locator = item["locator"].GetString();
        if (item.HasMember("quote") && item["quote"].IsString()) e.quote = item["quote"].GetString();
        if (item.HasMember("confidence") && item["confidence"].IsNumber()) e.confidence = item["confidence"].GetDouble();
        lifted.push_back(std::move(e));
    }
    for (auto &e : lifted)
        if (std::find(evidence.begin(), evidence.end(), e) == evidence.end()) evidence.push_back(std::move(e));
    attributes.erase(it);
}

std::string liftedValuesProblem(const Attributes &attributes, const std::vector<Evidence> &evidence)
{
    if (std::string why = valuesProblem(attributes, evidence); !why.empty() || !attributes.contains("evidence"))
        return why;
    Attributes lifted = attributes;
    std::vector<Evidence> all = evidence;
    liftEvidence(lifted, all);
    return valuesProblem(lifted, all);
}

} // namespace liaison::detail
