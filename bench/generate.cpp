// liaison-generate: a seeded, deterministic synthetic conference network in
// Liaison JSON (and optionally CSV nodes/edges tables), sized by a target
// number of relations (1k .. 5M and beyond).
//
//   generate --relations N --seed S -o out.json [--csv-dir DIR] [--lean]
// --lean writes lean records: entities with id/kind/name, relations with
// kind/from/to (no sources, names, attributes or evidence).
//
// The network: ~200 countries, organisations located in them, persons (Chinese
// names with romanisation, or Latin names) working for an organisation and
// representing a country; conferences held in a country, each with sessions
// (part_of the conference) and topics discussed. A person attends a few
// conferences and a few sessions within each, sometimes speaks; each session
// has a chair. Every participant of a session also attended its conference,
// so who-met-whom weights equal the bipartite person-event projection's.
// The same seed and size give the same bytes on every platform (own RNG, no
// std distributions).
#include "country_names.hpp"
#include "synthetic_names.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace liaison::bench {
namespace {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint64_t n) { return n == 0 ? 0 : static_cast<std::uint32_t>(next() % n); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    // Skewed towards small indices: a few popular organisations and countries.
    std::uint32_t skewed(std::uint64_t n) { return static_cast<std::uint32_t>(static_cast<double>(n) * unit() * unit()); }

private:
    std::uint64_t m_state;
};

enum class Kind : std::uint8_t { Attended, SpokeAt, Chaired, WorksFor, Represents, LocatedIn, HeldIn, Discussed, PartOf };
const char *kindName(Kind k)
{
    static const char *const names[] = {"attended", "spoke_at", "chaired", "works_for", "represents",
                                        "located_in", "held_in", "discussed", "part_of"};
    return names[static_cast<int>(k)];
}

struct Node {
    std::string id, kind, name, zh, en;
    int start = -1, end = -1; // days since 2010-01-01, events only
    std::uint32_t source = 0;
};

struct Edge {
    std::uint32_t from, to;
    Kind kind;
    int date = -1;
    std::uint32_t source = 0;
};

struct Network {
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::uint32_t sources = 1;
};

std::string isoDate(int day)
{
    // Civil date from days since 2010-01-01 (Howard Hinnant's algorithm).
    long z = day + 14610 + 719468; // 2010-01-01 is day 14610 after 1970-01-01
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    char text[48];
    std::snprintf(text, sizeof text, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
    return text;
}

Network build(std::uint64_t seed, std::size_t persons)
{
    Rng rng(seed);
    Network net;
    auto add = [&](Node n) {
        net.nodes.push_back(std::move(n));
        return static_cast<std::uint32_t>(net.nodes.size() - 1);
    };
    auto relate = [&](std::uint32_t from, std::uint32_t to, Kind kind, int date, std::uint32_t source) {
        net.edges.push_back({from, to, kind, date, source});
    };
    net.sources = static_cast<std::uint32_t>(std::clamp<std::size_t>(persons / 500, 1, 1000));

    const std::size_t countryCount = std::clamp<std::size_t>(persons / 20, 10, 200);
    std::vector<std::uint32_t> countries;
    for (std::size_t i = 0; i < countryCount; ++i)
        countries.push_back(add({std::string("country:") + kCountries[i].code, "country", kCountries[i].name, "",
                                 kCountries[i].name}));

    const std::size_t topicCount = std::min<std::size_t>(countOf(kTopics) + persons / 500, 200);
    std::vector<std::uint32_t> topics;
    for (std::size_t i = 0; i < topicCount; ++i) {
        const Syllable &t = kTopics[i % countOf(kTopics)];
        std::string en = t.latin, zh = t.han;
        if (i >= countOf(kTopics)) {
            const char *field = kOrgFields[(i / countOf(kTopics)) % countOf(kOrgFields)];
            en += std::string(" in ") + field + " " + std::to_string(i / countOf(kTopics) / countOf(kOrgFields) + 1);
            zh += "（" + std::to_string(i / countOf(kTopics)) + "）";
        }
        topics.push_back(add({"topic:t" + std::to_string(i), "topic", en, zh, en}));
    }

    const std::size_t orgCount = std::max<std::size_t>(5, persons / 25);
    std::vector<std::uint32_t> orgs, orgCountry;
    for (std::size_t i = 0; i < orgCount; ++i) {
        std::uint32_t country = countries[rng.skewed(countryCount)];
        std::string en = std::string(kOrgPlaces[rng.below(countOf(kOrgPlaces))]) + " " +
                         kOrgFields[rng.below(countOf(kOrgFields))] + " " + kOrgTypes[rng.below(countOf(kOrgTypes))] +
                         " of " + net.nodes[country].name;
        std::string zh;
        if (rng.chance(0.3)) zh = std::string(kSurnames[rng.below(countOf(kSurnames))].han) + kOrgHan[rng.below(countOf(kOrgHan))];
        Node org{"organisation:o" + std::to_string(i), "organisation", zh.empty() ? en : zh, zh, en};
        orgs.push_back(add(std::move(org)));
        orgCountry.push_back(country);
        relate(orgs.back(), country, Kind::LocatedIn, -1, rng.below(net.sources));
    }

    // Persons and how many conferences each attends (1 + geometric, mean ~1.8).
    struct PersonPlan {
        std::uint32_t node, org, country;
        int conferences;
    };
    std::vector<PersonPlan> people;
    std::size_t slots = 0;
    const std::size_t personBase = net.nodes.size();
    net.nodes.reserve(personBase + persons);
    for (std::size_t i = 0; i < persons; ++i) {
        Node n{"person:p" + std::to_string(i), "person", "", "", ""};
        if (rng.chance(0.4)) {
            const Syllable &s = kSurnames[rng.below(countOf(kSurnames))];
            const Syllable &g1 = kGiven[rng.below(countOf(kGiven))];
            n.zh = std::string(s.han) + g1.han;
            n.en = std::string(s.latin) + " " + g1.latin;
            if (rng.chance(0.8)) {
                const Syllable &g2 = kGiven[rng.below(countOf(kGiven))];
                n.zh += g2.han;
                n.en += std::string("-") + g2.latin;
            }
            std::size_t initial = std::strlen(s.latin) + 1;
            n.en[initial] = static_cast<char>(n.en[initial] - 'a' + 'A');
            n.name = n.zh;
        } else {
            n.en = std::string(kFirstNames[rng.below(countOf(kFirstNames))]) + " " +
                   static_cast<char>('A' + rng.below(26)) + ". " + kLastNames[rng.below(countOf(kLastNames))];
            n.name = n.en;
        }
        std::uint32_t org = rng.skewed(orgCount);
        std::uint32_t country = rng.chance(0.9) ? orgCountry[org] : countries[rng.below(countryCount)];
        int conferences = 1;
        while (conferences < 6 && rng.chance(0.45)) ++conferences;
        slots += static_cast<std::size_t>(conferences);
        people.push_back({add(std::move(n)), orgs[org], country, conferences});
    }

    // Conferences sized log-uniformly between 10 and 200 attendees until every slot has a seat.
    struct Conference {
        std::uint32_t node;
        std::vector<std::uint32_t> sessions;
        std::vector<std::uint32_t> attendees;
    };
    std::vector<Conference> conferences;
    std::vector<std::uint32_t> seats;
    const double maxSize = std::clamp(static_cast<double>(slots) / 3.0, 10.0, 200.0);
    while (seats.size() < slots) {
        auto size = static_cast<std::size_t>(10.0 * std::pow(maxSize / 10.0, rng.unit()));
        std::size_t c = conferences.size();
        int start = static_cast<int>(rng.below(15 * 365));
        int days = 1 + static_cast<int>(rng.below(3));
        std::uint32_t topic = topics[rng.below(topicCount)];
        const char *what = kConferenceKinds[rng.below(countOf(kConferenceKinds))];
        std::uint32_t country = countries[rng.skewed(countryCount)];
        std::string year = isoDate(start).substr(0, 4);
        Node conf{"event:c" + std::to_string(c), "event",
                  "", net.nodes[topic].zh + "國際" + "論壇 " + year,
                  "International " + std::string(what) + " on " + net.nodes[topic].en + " " + year + " #" + std::to_string(c)};
        conf.name = rng.chance(0.3) ? conf.zh : conf.en;
        conf.start = start;
        conf.end = start + days - 1;
        conf.source = static_cast<std::uint32_t>(c % net.sources);
        Conference plan{add(std::move(conf)), {}, {}};
        relate(plan.node, country, Kind::HeldIn, -1, static_cast<std::uint32_t>(c % net.sources));
        relate(plan.node, topic, Kind::Discussed, -1, static_cast<std::uint32_t>(c % net.sources));
        if (rng.chance(0.5))
            relate(plan.node, topics[rng.below(topicCount)], Kind::Discussed, -1, static_cast<std::uint32_t>(c % net.sources));
        std::size_t sessionCount = std::clamp<std::size_t>(size / 8, 2, 25);
        for (std::size_t s = 0; s < sessionCount; ++s) {
            std::uint32_t sessionTopic = topics[rng.below(topicCount)];
            Node session{"event:c" + std::to_string(c) + "-s" + std::to_string(s), "event",
                         std::string(kSessionKinds[rng.below(countOf(kSessionKinds))]) + " " + std::to_string(s + 1) +
                             ": " + net.nodes[sessionTopic].en,
                         "", ""};
            session.start = session.end = start + static_cast<int>(rng.below(static_cast<std::uint64_t>(days)));
            session.source = static_cast<std::uint32_t>(c % net.sources);
            std::uint32_t sessionNode = add(std::move(session));
            relate(sessionNode, plan.node, Kind::PartOf, -1, static_cast<std::uint32_t>(c % net.sources));
            relate(sessionNode, sessionTopic, Kind::Discussed, -1, static_cast<std::uint32_t>(c % net.sources));
            plan.sessions.push_back(sessionNode);
        }
        for (std::size_t i = 0; i < size; ++i) seats.push_back(static_cast<std::uint32_t>(c));
        conferences.push_back(std::move(plan));
    }
    for (std::size_t i = seats.size(); i > 1; --i) std::swap(seats[i - 1], seats[rng.below(i)]);

    std::size_t seat = 0;
    for (const PersonPlan &p : people) {
        std::uint32_t source = rng.below(net.sources);
        relate(p.node, p.org, Kind::WorksFor, -1, source);
        if (rng.chance(0.1)) relate(p.node, orgs[rng.skewed(orgCount)], Kind::WorksFor, -1, source);
        relate(p.node, p.country, Kind::Represents, -1, source);
        std::vector<std::uint32_t> mine;
        for (int k = 0; k < p.conferences; ++k) {
            std::uint32_t c = seats[seat++];
            if (std::find(mine.begin(), mine.end(), c) != mine.end()) continue;
            mine.push_back(c);
        }
        for (std::uint32_t c : mine) {
            Conference &conf = conferences[c];
            const Node &event = net.nodes[conf.node];
            auto src = static_cast<std::uint32_t>(c % net.sources);
            relate(p.node, conf.node, Kind::Attended, event.start, src);
            conf.attendees.push_back(p.node);
            std::size_t sessionCount = 1 + rng.below(std::min<std::size_t>(3, conf.sessions.size()));
            std::size_t first = rng.below(conf.sessions.size());
            for (std::size_t s = 0; s < sessionCount; ++s) {
                std::uint32_t session = conf.sessions[(first + s * 3) % conf.sessions.size()];
                relate(p.node, session, Kind::Attended, net.nodes[session].start, src);
                if (s == 0 && rng.chance(0.12)) relate(p.node, session, Kind::SpokeAt, net.nodes[session].start, src);
            }
        }
    }
    for (std::size_t c = 0; c < conferences.size(); ++c) {
        Conference &conf = conferences[c];
        if (conf.attendees.empty()) continue;
        for (std::uint32_t session : conf.sessions)
            relate(conf.attendees[rng.below(conf.attendees.size())], session, Kind::Chaired, net.nodes[session].start,
                   static_cast<std::uint32_t>(c % net.sources));
    }
    return net;
}

// Buffered output through stdio; JSON strings here never hold control characters.
class Out {
public:
    explicit Out(const std::string &path) : m_file(std::fopen(path.c_str(), "wb"))
    {
        if (!m_file) throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        std::setvbuf(m_file, nullptr, _IOFBF, 1 << 20);
    }
    ~Out()
    {
        if (m_file) std::fclose(m_file);
    }
    Out &operator<<(std::string_view s)
    {
        std::fwrite(s.data(), 1, s.size(), m_file);
        return *this;
    }
    Out &operator<<(long n) { return *this << std::string_view(std::to_string(n)); }
    void close()
    {
        if (std::fclose(m_file) != 0) throw std::runtime_error("write failed");
        m_file = nullptr;
    }

private:
    std::FILE *m_file;
};

std::string jsonString(std::string_view s)
{
    std::string q = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') q += '\\';
        q += c;
    }
    return q + '"';
}

std::string csvField(std::string_view s)
{
    if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + '"';
}

// The same network with lean records only (entities id/kind/name,
// relations kind/from/to): the rows of bench/compare that show the load
// against the bare parse.
void writeLeanJson(const Network &net, const std::string &path, std::uint64_t seed)
{
    Out out(path);
    out << "{\"liaison\": 1,\n\"generator\": {\"seed\": " << static_cast<long>(seed) << ", \"records\": \"lean\"},\n\"entities\": [\n";
    for (std::size_t i = 0; i < net.nodes.size(); ++i) {
        const Node &n = net.nodes[i];
        out << (i ? ",\n" : "") << "{\"id\": " << jsonString(n.id) << ", \"kind\": \"" << n.kind << "\", \"name\": " << jsonString(n.name) << "}";
    }
    out << "],\n\"relations\": [\n";
    for (std::size_t i = 0; i < net.edges.size(); ++i) {
        const Edge &e = net.edges[i];
        out << (i ? ",\n" : "") << "{\"kind\": \"" << kindName(e.kind) << "\", \"from\": " << jsonString(net.nodes[e.from].id)
            << ", \"to\": " << jsonString(net.nodes[e.to].id) << "}";
    }
    out << "]}\n";
    out.close();
}

void writeJson(const Network &net, const std::string &path, std::uint64_t seed)
{
    Out out(path);
    out << "{\"liaison\": 1,\n\"generator\": {\"seed\": " << static_cast<long>(seed) << "},\n\"sources\": [\n";
    for (std::uint32_t s = 0; s < net.sources; ++s)
        out << (s ? ",\n" : "") << "{\"id\": \"report-" << static_cast<long>(s) << "\", \"title\": \"Synthetic trip report "
            << static_cast<long>(s) << "\", \"language\": \"zh-Hant\"}";
    out << "],\n\"entities\": [\n";
    std::vector<long> line(net.sources, 1);
    for (std::size_t i = 0; i < net.nodes.size(); ++i) {
        const Node &n = net.nodes[i];
        out << (i ? ",\n" : "") << "{\"id\": " << jsonString(n.id) << ", \"kind\": \"" << n.kind << "\", \"name\": " << jsonString(n.name);
        if (!n.zh.empty() || !n.en.empty()) {
            out << ", \"names\": {";
            if (!n.zh.empty()) out << "\"zh\": " << jsonString(n.zh);
            if (!n.en.empty()) out << (n.zh.empty() ? "" : ", ") << "\"en\": " << jsonString(n.en);
            out << "}";
        }
        if (n.start >= 0)
            out << ", \"attributes\": {\"start\": \"" << isoDate(n.start) << "\", \"end\": \"" << isoDate(n.end) << "\"}";
        out << ", \"evidence\": [{\"source\": \"report-" << static_cast<long>(n.source) << "\", \"line\": "
            << line[n.source]++ << "}]}";
    }
    out << "],\n\"relations\": [\n";
    for (std::size_t i = 0; i < net.edges.size(); ++i) {
        const Edge &e = net.edges[i];
        out << (i ? ",\n" : "") << "{\"kind\": \"" << kindName(e.kind) << "\", \"from\": " << jsonString(net.nodes[e.from].id)
            << ", \"to\": " << jsonString(net.nodes[e.to].id);
        if (e.date >= 0) out << ", \"attributes\": {\"date\": \"" << isoDate(e.date) << "\"}";
        out << ", \"evidence\": [{\"source\": \"report-" << static_cast<long>(e.source) << "\", \"line\": " << line[e.source]++;
        if (e.kind == Kind::SpokeAt || e.kind == Kind::Chaired)
            out << ", \"quote\": " << jsonString(net.nodes[e.from].name + (e.kind == Kind::SpokeAt ? " spoke at " : " chaired ") + net.nodes[e.to].name);
        out << "}]}";
    }
    out << "]}\n";
    out.close();
}

void writeCsv(const Network &net, const std::filesystem::path &dir)
{
    std::filesystem::create_directories(dir);
    Out nodes((dir / "nodes.csv").string());
    nodes << "id,kind,name,name.zh,name.en,start,end\n";
    for (const Node &n : net.nodes) {
        nodes << csvField(n.id) << "," << n.kind << "," << csvField(n.name) << "," << csvField(n.zh) << "," << csvField(n.en) << ","
              << (n.start >= 0 ? isoDate(n.start) : "") << "," << (n.end >= 0 ? isoDate(n.end) : "") << "\n";
    }
    nodes.close();
    Out edges((dir / "edges.csv").string());
    edges << "from,to,kind,date\n";
    for (const Edge &e : net.edges)
        edges << csvField(net.nodes[e.from].id) << "," << csvField(net.nodes[e.to].id) << "," << kindName(e.kind) << ","
              << (e.date >= 0 ? isoDate(e.date) : "") << "\n";
    edges.close();
}

int usage(const char *message)
{
    std::fprintf(stderr, "%s\nusage: generate --relations N [--seed S] -o OUT.json [--csv-dir DIR] [--lean]\n", message);
    return 1;
}

} // namespace
} // namespace liaison::bench

int main(int argc, char **argv)
{
    using namespace liaison::bench;
    std::size_t relations = 0;
    std::uint64_t seed = 1;
    std::string out, csvDir;
    bool lean = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") return usage("Generates a synthetic conference network in Liaison JSON.") * 0;
        if (a == "--lean") {
            lean = true;
            continue;
        }
        if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
        std::string v = argv[++i];
        if (a == "--relations") relations = std::strtoull(v.c_str(), nullptr, 10);
        else if (a == "--seed") seed = std::strtoull(v.c_str(), nullptr, 10);
        else if (a == "-o" || a == "--output") out = v;
        else if (a == "--csv-dir") csvDir = v;
        else return usage(("unknown option " + a).c_str());
    }
    if (relations < 100 || out.empty()) return usage("need --relations N (>= 100) and -o OUT.json");
    try {
        // About 8.6 relations per person; one correction pass lands within a percent.
        std::size_t persons = std::max<std::size_t>(10, relations * 10 / 86);
        Network net = build(seed, persons);
        persons = std::max<std::size_t>(10, static_cast<std::size_t>(static_cast<double>(persons) *
                                                                     static_cast<double>(relations) /
                                                                     static_cast<double>(net.edges.size())));
        net = build(seed, persons);
        if (lean) writeLeanJson(net, out, seed);
        else writeJson(net, out, seed);
        if (!csvDir.empty()) writeCsv(net, csvDir);
        std::fprintf(stderr, "generate: %zu entities, %zu relations (%zu persons), seed %llu -> %s\n", net.nodes.size(),
                     net.edges.size(), persons, static_cast<unsigned long long>(seed), out.c_str());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "generate: %s\n", e.what());
        return 2;
    }
    return 0;
}
