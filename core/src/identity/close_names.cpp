// "Did you mean" for a name that names no entity: the entities whose name,
// per-language name or alias is closest to what the user typed.
#include "liaison/name_lookup.hpp"

#include "liaison/close_matches.hpp"

#include <algorithm>
#include <map>

namespace liaison {

std::vector<EntityIndex> closeByName(const GraphStore &store, std::string_view text, std::size_t limit)
{
    std::map<std::string, std::vector<EntityIndex>> named; // each form -> the entities bearing it
    for (EntityIndex e = 0; e < store.entityCount(); ++e) {
        const Entity &entity = store.entity(e);
        named[entity.name].push_back(e);
        for (const auto &form : entity.names) named[form.second].push_back(e);
        for (const std::string &alias : entity.aliases) named[alias].push_back(e);
    }
    std::vector<std::string> forms;
    forms.reserve(named.size());
    for (const auto &entry : named) forms.push_back(entry.first);
    std::vector<EntityIndex> out;
    for (const std::string &form : closeMatches(text, forms, forms.size())) {
        for (EntityIndex e : named[form]) {
            if (out.size() == limit) return out;
            if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
        }
    }
    return out;
}

} // namespace liaison
