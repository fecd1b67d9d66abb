// Merge candidates: generation by shared name keys, scoring with reasons and
// counter-reasons. The weights are few and documented in docs/identity.md.
#include "identity/profile.hpp"

#include "liaison/errors.hpp"
#include "liaison/name_lookup.hpp"
#include "liaison/normalize.hpp"

#include <algorithm>

namespace liaison::detail {

namespace {

// Surnames a full form may be cut to: first and last Latin word, or the first
// Han character of a 2-4 character Han name.
std::vector<std::string> surnamesOf(const NameForm &form)
{
    std::vector<std::string> out;
    if (form.surnameOnly || form.key.empty()) return out;
    auto space = form.key.find(' ');
    if (space != std::string::npos) {
        out.push_back(form.key.substr(0, space));
        out.push_back(form.key.substr(form.key.rfind(' ') + 1));
        return out;
    }
    auto first = static_cast<unsigned char>(form.key[0]);
    if (first < 0xE0) return out; // not a 3-byte (CJK) character
    std::size_t chars = 0;
    for (unsigned char c : form.key) chars += (c & 0xC0) != 0x80 ? 1 : 0;
    if (chars >= 2 && chars <= 4) out.push_back(form.key.substr(0, 3));
    return out;
}

std::string inQuotes(const std::string &text) { return "\"" + text + "\""; }

const char *genderWord(Gender g) { return g == Gender::Male ? "male" : "female"; }

struct NameMatch {
    double score = 0;
    std::string reason;
    bool surnameOnly = false;
};

NameMatch matchForms(const NameForm &a, const NameForm &b)
{
    NameMatch m;
    if (a.key.empty() || b.key.empty()) return m;
    if (!a.surnameOnly && !b.surnameOnly && a.key == b.key) {
        m.score = 0.7;
        bool scripts = normalizeName(a.text).key != normalizeName(b.text).key &&
                       foldText(a.text) != foldText(b.text);
        m.reason = "same name " + inQuotes(a.text) + (a.text == b.text ? "" : " = " + inQuotes(b.text)) +
                   (scripts ? " (Traditional/Simplified)" : "");
        return m;
    }
    for (const std::string &order : a.orders) {
        if (std::find(b.orders.begin(), b.orders.end(), order) == b.orders.end()) continue;
        m.score = 0.65;
        m.reason = "name order/spelling variant " + inQuotes(a.text) + " = " + inQuotes(b.text);
        return m;
    }
    auto surnameOf = [](const NameForm &full, const NameForm &shortForm) {
        std::vector<std::string> s = surnamesOf(full);
        return std::find(s.begin(), s.end(), shortForm.key) != s.end();
    };
    if ((a.surnameOnly && b.surnameOnly && a.key == b.key) || (a.surnameOnly && surnameOf(b, a)) ||
        (b.surnameOnly && surnameOf(a, b))) {
        m.score = 0.2;
        m.surnameOnly = true;
        m.reason = "surname-only form " + inQuotes(a.surnameOnly ? a.text : b.text) + " ~ " +
                   inQuotes(a.surnameOnly ? b.text : a.text);
    }
    return m;
}

double contextWeight(KnownKind kind)
{
    switch (kind) {
    case KnownKind::Organisation: return 0.15;
    case KnownKind::Event: return 0.1;
    case KnownKind::Person: return 0.1;
    case KnownKind::Country: return 0.05;
    default: return 0.05;
    }
}

const char *contextWord(KnownKind kind)
{
    switch (kind) {
    case KnownKind::Organisation: return "same organisation ";
    case KnownKind::Event: return "same event ";
    case KnownKind::Person: return "co-occurring person ";
    case KnownKind::Country: return "same country ";
    default: return "same neighbour ";
    }
}

// Names of the countries a profile is linked to.
std::vector<std::string> countriesOf(const GraphStore &store, const Profile &p)
{
    std::vector<std::string> out;
    for (const std::string &id : p.neighbours) {
        EntityIndex n = store.findById(id);
        if (n != kNoEntity && knownKind(store.entity(n).kind) == KnownKind::Country) out.push_back(store.entity(n).name);
    }
    return out;
}

// Date a is before date b, compared to the precision of the less precise
// one: "2017" is not before "2017-09-26" (it may be that day).
bool dateBefore(const std::string &a, const std::string &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    return a.compare(0, n, b, 0, n) < 0;
}

// Why two events cannot be one occasion, or empty: both are dated and their
// days (start..end) do not overlap. Two editions of an annual forum share a
// name; merging them would keep one of the two dates.
std::string datesApart(const Entity &a, const Entity &b)
{
    if (knownKind(a.kind) != KnownKind::Event || knownKind(b.kind) != KnownKind::Event) return {};
    const std::string *startA = a.attribute("start");
    const std::string *startB = b.attribute("start");
    if (startA == nullptr || startB == nullptr || startA->empty() || startB->empty()) return {};
    const std::string *endA = a.attribute("end");
    const std::string *endB = b.attribute("end");
    const std::string &lastA = endA != nullptr && !endA->empty() ? *endA : *startA;
    const std::string &lastB = endB != nullptr && !endB->empty() ? *endB : *startB;
    if (!dateBefore(lastA, *startB) && !dateBefore(lastB, *startA)) return {};
    return "different dates (" + *startA + " / " + *startB + "): two occasions of an event of that name";
}

} // namespace

Profile profileOfEntity(const Entity &entity)
{
    Profile p;
    auto add = [&](const std::string &text) {
        if (text.empty()) return;
        for (const NameForm &f : p.forms)
            if (f.text == text) return;
        p.forms.push_back(analyseName(text, entity.kind));
    };
    add(entity.name);
    for (const auto &[language, name] : entity.names) add(name);
    for (const std::string &alias : entity.aliases) add(alias);
    p.gender = genderOf(entity);
    for (const Evidence &e : entity.evidence)
        if (!e.source.empty()) p.sources.insert(e.source);
    return p;
}

Profile profileOf(const GraphStore &store, EntityIndex e)
{
    Profile p = profileOfEntity(store.entity(e));
    auto relationFacts = [&](RelationIndex r, EntityIndex other) {
        if (other != e) p.neighbours.insert(store.entity(other).id);
        for (const Evidence &ev : store.relation(r).evidence)
            if (!ev.source.empty()) p.sources.insert(ev.source);
    };
    for (RelationIndex r : store.outRelations(e)) relationFacts(r, store.relationTarget(r));
    for (RelationIndex r : store.inRelations(e)) relationFacts(r, store.relationSource(r));
    return p;
}

Candidate scoreProfiles(const GraphStore &store, const Entity &a, const Profile &pa, const Entity &b,
                        const Profile &pb)
{
    Candidate c;
    NameMatch best;
    for (const NameForm &fa : pa.forms)
        for (const NameForm &fb : pb.forms) {
            NameMatch m = matchForms(fa, fb);
            if (m.score > best.score) best = m;
        }
    if (best.score <= 0) return c;
    c.score = best.score;
    c.reasons.push_back(best.reason);

    if (a.kind != b.kind) {
        c.counterReasons.push_back("different kinds (" + a.kind + " / " + b.kind + ")");
        c.blocked = true;
    }
    if (pa.gender != Gender::Unknown && pb.gender != Gender::Unknown && pa.gender != pb.gender) {
        c.counterReasons.push_back(std::string("different gendered titles (") + genderWord(pa.gender) + " / " +
                                   genderWord(pb.gender) + ")");
        c.blocked = true;
    }
    if (std::string apart = datesApart(a, b); !apart.empty()) {
        c.counterReasons.push_back(std::move(apart));
        c.blocked = true;
    }
    std::vector<std::string> sharedSources;
    std::set_intersection(pa.sources.begin(), pa.sources.end(), pb.sources.begin(), pb.sources.end(),
                          std::back_inserter(sharedSources));
    if (!sharedSources.empty()) {
        c.reasons.push_back("same document " + inQuotes(sharedSources.front()));
        c.score += 0.05;
    }
    if (best.surnameOnly) {
        if (sharedSources.empty()) {
            c.counterReasons.push_back("surname-only form across documents");
            c.blocked = true;
        } else {
            c.counterReasons.push_back("surname-only form");
        }
    }
    // Linked to countries, none in common: two organisations of one short
    // name in two countries (電子治理中心 of ITMO and of Taiwan).
    std::vector<std::string> countriesA = countriesOf(store, pa), countriesB = countriesOf(store, pb);
    if (!countriesA.empty() && !countriesB.empty() &&
        std::find_first_of(countriesA.begin(), countriesA.end(), countriesB.begin(), countriesB.end()) ==
            countriesA.end()) {
        c.counterReasons.push_back("different countries (" + countriesA.front() + " / " + countriesB.front() + ")");
        c.score = std::max(0.0, c.score - 0.3);
    }
    double context = 0;
    for (const std::string &id : pa.neighbours) {
        if (!pb.neighbours.contains(id) || id == a.id || id == b.id) continue;
        EntityIndex n = store.findById(id);
        if (n == kNoEntity) continue;
        KnownKind kind = knownKind(store.entity(n).kind);
        c.reasons.push_back(contextWord(kind) + inQuotes(store.entity(n).name));
        context += contextWeight(kind);
    }
    c.score = std::min(1.0, c.score + std::min(context, 0.3));
    if (const Judgement *j = judgementOn(store, a.id, b.id)) {
        if (j->verdict == Verdict::Different) {
            c.counterReasons.push_back("judged different" + (j->time.empty() ? "" : " on " + j->time));
            c.blocked = true;
        } else {
            c.reasons.push_back("judged the same" + (j->time.empty() ? "" : " on " + j->time));
        }
    }
    return c;
}

CandidateIndex::CandidateIndex(const GraphStore &store) : m_store(store)
{
    m_profiles.reserve(store.entityCount());
    for (EntityIndex e = 0; e < store.entityCount(); ++e) add(e, profileOf(store, e));
}

void CandidateIndex::add(EntityIndex e, Profile profile)
{
    if (m_profiles.size() <= e) m_profiles.resize(e + 1);
    m_profiles[e] = std::move(profile);
    for (const NameForm &f : m_profiles[e].forms) {
        if (f.surnameOnly) {
            insert("so:" + f.key, e);
            continue;
        }
        insert("k:" + f.key, e);
        for (const std::string &o : f.orders) insert("o:" + o, e);
        for (const std::string &s : surnamesOf(f)) insert("sf:" + s, e);
    }
}

void CandidateIndex::insert(const std::string &key, EntityIndex e)
{
    std::vector<EntityIndex> &slot = m_keys[key];
    if (slot.empty() || slot.back() != e) slot.push_back(e);
}

std::vector<EntityIndex> CandidateIndex::lookup(const Profile &profile, const std::string &kind) const
{
    std::vector<EntityIndex> found;
    auto take = [&](const std::string &key) {
        auto it = m_keys.find(key);
        if (it == m_keys.end()) return;
        for (EntityIndex e : it->second)
            if (kind.empty() || m_store.entity(e).kind == kind) found.push_back(e);
    };
    for (const NameForm &f : profile.forms) {
        if (f.surnameOnly) {
            take("sf:" + f.key);
            take("so:" + f.key);
            continue;
        }
        take("k:" + f.key);
        for (const std::string &o : f.orders) take("o:" + o);
        for (const std::string &s : surnamesOf(f)) take("so:" + s);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

} // namespace liaison::detail

namespace liaison {

const Judgement *judgementOn(const GraphStore &store, std::string_view a, std::string_view b)
{
    EntityIndex ia = store.findById(a), ib = store.findById(b);
    auto same = [&](const std::string &judged, std::string_view id, EntityIndex index) {
        if (judged == id) return true;
        return index != kNoEntity && store.findById(judged) == index;
    };
    for (auto it = store.judgements().rbegin(); it != store.judgements().rend(); ++it) {
        if ((same(it->a, a, ia) && same(it->b, b, ib)) || (same(it->a, b, ib) && same(it->b, a, ia))) return &*it;
    }
    return nullptr;
}

Candidate scorePair(const GraphStore &store, EntityIndex a, EntityIndex b)
{
    Candidate c = detail::scoreProfiles(store, store.entity(a), detail::profileOf(store, a), store.entity(b),
                                        detail::profileOf(store, b));
    c.a = std::min(a, b);
    c.b = std::max(a, b);
    return c;
}

namespace {

// The candidate a~b when their names fit (and, unless `includeJudged`, they
// were not judged different): true and `out` filled.
bool scoreIndexed(const GraphStore &store, const detail::CandidateIndex &index, EntityIndex a, EntityIndex b,
                  bool includeJudged, Candidate &out)
{
    const Entity &ea = store.entity(a), &eb = store.entity(b);
    out = detail::scoreProfiles(store, ea, index.profile(a), eb, index.profile(b));
    if (out.reasons.empty()) return false;
    const Judgement *j = judgementOn(store, ea.id, eb.id);
    if (j && j->verdict == Verdict::Different && !includeJudged) return false;
    out.a = a;
    out.b = b;
    return true;
}

// Mergeable first, then by score.
void bestFirst(std::vector<Candidate> &candidates)
{
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) {
        if (x.blocked != y.blocked) return !x.blocked;
        return x.score > y.score;
    });
}

} // namespace

std::vector<EntityIndex> findByNameForm(const GraphStore &store, std::string_view text)
{
    std::vector<EntityIndex> found;
    detail::Profile asked;
    for (const char *kind : {"person", "organisation"}) {
        NameForm form = analyseName(text, kind);
        if (!form.surnameOnly && !form.key.empty()) asked.forms.push_back(std::move(form));
    }
    if (asked.forms.empty()) return found;
    detail::CandidateIndex index(store);
    for (EntityIndex e : index.lookup(asked, {})) {
        bool fits = false;
        for (const NameForm &mine : index.profile(e).forms)
            for (const NameForm &form : asked.forms) {
                bool order = std::find_first_of(mine.orders.begin(), mine.orders.end(), form.orders.begin(),
                                                form.orders.end()) != mine.orders.end();
                fits = fits || (!mine.surnameOnly && (mine.key == form.key || order));
            }
        if (fits) found.push_back(e);
    }
    return found;
}

std::vector<Candidate> candidatesOf(const GraphStore &store, EntityIndex e)
{
    detail::CandidateIndex index(store);
    std::vector<Candidate> out;
    Candidate c;
    for (EntityIndex other : index.lookup(index.profile(e), store.entity(e).kind))
        if (other != e && scoreIndexed(store, index, e, other, false, c)) out.push_back(std::move(c));
    bestFirst(out);
    return out;
}

std::vector<Candidate> findCandidates(const GraphStore &store, double minScore, bool includeJudged)
{
    detail::CandidateIndex index(store);
    std::vector<Candidate> out;
    Candidate c;
    for (EntityIndex a = 0; a < store.entityCount(); ++a)
        for (EntityIndex b : index.lookup(index.profile(a), store.entity(a).kind))
            if (b > a && scoreIndexed(store, index, a, b, includeJudged, c) && c.score >= minScore)
                out.push_back(std::move(c));
    bestFirst(out);
    return out;
}

} // namespace liaison
