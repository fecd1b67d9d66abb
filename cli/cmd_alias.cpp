// liaison alias FILE ENTITY add|remove NAME, and liaison judge FILE A B
// same|different: the remaining identity edits.
#include "command.hpp"
#include "identity_edit.hpp"

#include "liaison/errors.hpp"
#include "liaison/identity.hpp"

namespace liaison::cli {

static std::function<void(JsonOut &)> jsonFields(std::vector<std::pair<std::string, std::string>> fields)
{
    return [fields = std::move(fields)](JsonOut &json) {
        json.w().StartObject();
        for (const auto &[k, v] : fields) json.key(k), json.string(v);
        json.w().EndObject();
    };
}

static int runAlias(const std::vector<std::string> &words)
{
    std::set<std::string> flags = editFlags();
    flags.insert("--shared");
    Args args(words, flags, {"-o", "--output"});
    args.expectAtMost(4);
    return runEdit(args, [&](const GraphStore &store) {
        EntityIndex e = resolveEntity(store, args.positional(1, "ENTITY"));
        const std::string &action = args.positional(2, "add|remove");
        const std::string &name = args.positional(3, "NAME");
        if (action != "add" && action != "remove")
            throw UserError("expected add or remove, got '" + action + "'");
        std::string id = store.entity(e).id;
        if (args.flag("--shared") && action != "add") throw UserError("--shared goes with add");
        AliasSharing sharing = args.flag("--shared") ? AliasSharing::Allow : AliasSharing::Refuse;
        GraphStore changed = action == "add" ? addAlias(store, e, name, sharing) : removeAlias(store, e, name);
        return EditResult{std::move(changed),
                          (action == "add" ? "added alias \"" : "removed alias \"") + name + "\" of " + id,
                          jsonFields({{"entity", id}, {"action", action}, {"alias", name}})};
    });
}

static int runJudge(const std::vector<std::string> &words)
{
    Args args(words, editFlags(), editOptions());
    args.expectAtMost(4);
    return runEdit(args, [&](const GraphStore &store) {
        const std::string &textA = args.positional(1, "A"), &textB = args.positional(2, "B");
        const std::string &verdictText = args.positional(3, "same|different");
        if (verdictText != "same" && verdictText != "different")
            throw UserError("expected same or different, got '" + verdictText + "'");
        Verdict verdict = verdictText == "same" ? Verdict::Same : Verdict::Different;
        EntityIndex a = resolveEntity(store, textA), b = resolveEntity(store, textB);
        std::string idA = store.entity(a).id, idB = store.entity(b).id;
        std::string reason = args.option("--reason", "");
        if (a == b && verdict == Verdict::Different) {
            // One was merged into the other: judging them different splits it off.
            const std::string *merged = isRedirectedId(store, textB) ? &textB
                                        : isRedirectedId(store, textA) ? &textA
                                                                       : nullptr;
            if (!merged)
                throw UserError("'" + textA + "' and '" + textB + "' are both " + idA +
                                "; give the merged-away id to split it off");
            return EditResult{splitEntity(store, a, *merged),
                              "judged " + *merged + " different from " + idA + "; split it off",
                              jsonFields({{"a", idA}, {"b", *merged}, {"verdict", "different"}, {"action", "split"}})};
        }
        if (a == b) return EditResult{store, idA + " and " + textB + " are already one entity",
                                      jsonFields({{"a", idA}, {"b", textB}, {"verdict", "same"}, {"action", "none"}})};
        GraphStore changed = judge(store, a, b, verdict, reason);
        std::string action = verdict == Verdict::Same ? "merged " + idB + " into " + idA : "kept apart";
        return EditResult{std::move(changed), "judged " + idA + " and " + idB + " " + verdictText + "; " + action,
                          jsonFields({{"a", idA}, {"b", idB}, {"verdict", verdictText},
                                      {"action", verdict == Verdict::Same ? "merged" : "recorded"}})};
    });
}

Command aliasCommand()
{
    return {"alias", "add or remove an alias of an entity",
            std::string("usage: liaison alias FILE ENTITY add|remove NAME [--shared] [-o OUT.json] [--json]\n\n"
                        "An alias is a surface form the entity is found by (search, show, import).\n"
                        "A name that already names another entity is refused, naming it.\n"
                        "  --shared          add it anyway: two entities bear this name\n") +
                kEditHelp,
            runAlias};
}

Command judgeCommand()
{
    return {"judge", "record that two entities are the same or different (kept, re-applied on import)",
            std::string("usage: liaison judge FILE A B same|different [--reason TEXT] [-o OUT.json] [--json]\n\n"
                        "same: A and B are merged (B into A) and stay merged. different: they are never\n"
                        "merged by any later import or candidate; if B was merged into A, it is split off.\n"
                        "The judgement is stored in FILE with its time and reason.\n"
                        "  --reason TEXT     why\n") +
                kEditHelp,
            runJudge};
}

} // namespace liaison::cli
