// The smallest useful loader: "*.hello" files with one meeting per line,
//   Alice met Bob
// become two persons and a `met` relation, each fact with its line as evidence.
#include <liaison/plugin.hpp>

#include <set>
#include <string>

namespace {

using namespace liaison::plugin;

int sniffHello(std::string_view, std::string_view bytes)
{
    return bytes.find(" met ") != std::string_view::npos ? 20 : 0;
}

std::string personId(std::string_view name)
{
    std::string id = "person:";
    for (char c : name) id += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
}

void loadHello(std::string_view path, std::string_view bytes, Host &host)
{
    host.addSource({std::string(path), "hello file", "", "en", std::string(path), {}, {}});
    // An id may be handed over once per import: later mentions only add evidence
    // to the relation (the host refuses duplicate ids).
    std::set<std::string> seen;
    std::uint32_t line = 0;
    while (!bytes.empty()) {
        ++line;
        auto nl = bytes.find('\n');
        std::string_view text = bytes.substr(0, nl);
        bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
        if (text.empty()) continue;
        auto met = text.find(" met ");
        if (met == std::string_view::npos) throw LoadError({line, 1, {}}, "expected 'A met B'");
        Evidence evidence{std::string(path), line, {}, std::string(text), -1};
        std::string ids[2];
        std::string_view names[2] = {text.substr(0, met), text.substr(met + 5)};
        for (int i = 0; i < 2; ++i) {
            EntityData person;
            person.id = ids[i] = personId(names[i]);
            if (!seen.insert(person.id).second) continue;
            person.kind = "person";
            person.name = std::string(names[i]);
            person.evidence = {evidence};
            person.origin = {line, 1, {}};
            host.addEntity(person);
        }
        if (!host.addRelation({"met", ids[0], ids[1], {}, {evidence}, {line, 1, {}}})) return;
    }
}

const char *const kPatterns[] = {"*.hello", nullptr};
constexpr liaison_loader kLoader =
    describe<sniffHello, loadHello>("hello", "0.1.0", "Example: 'A met B' lines", kPatterns);

} // namespace

LIAISON_LOADER_ENTRY(hello_builtin) { return &kLoader; }
