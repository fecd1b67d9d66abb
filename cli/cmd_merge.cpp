// liaison merge FILE KEEP GONE and liaison split FILE ENTITY: the identity
// module's merge and split, saved back into the graph file.
#include "command.hpp"
#include "identity_edit.hpp"

#include "liaison/identity.hpp"

namespace liaison::cli {

static int runMerge(const std::vector<std::string> &words)
{
    Args args(words, editFlags(), editOptions());
    args.expectAtMost(3);
    return runEdit(args, [&](const GraphStore &store) {
        EntityIndex keep = resolveEntity(store, args.positional(1, "KEEP"));
        EntityIndex gone = resolveEntity(store, args.positional(2, "GONE"));
        std::string keepId = store.entity(keep).id, goneId = store.entity(gone).id;
        MergeResult merged = mergeEntities(store, keep, gone, args.option("--reason", "merged by the user"));
        EditResult result{std::move(merged.store), "merged " + goneId + " into " + keepId, {}};
        for (const std::string &c : merged.conflicts) result.message += "\n  conflict: " + c;
        result.json = [=, conflicts = merged.conflicts](JsonOut &json) {
            json.w().StartObject();
            json.key("merged"), json.string(goneId);
            json.key("into"), json.string(keepId);
            json.key("conflicts");
            json.w().StartArray();
            for (const std::string &c : conflicts) json.string(c);
            json.w().EndArray();
            json.w().EndObject();
        };
        return result;
    });
}

static int runSplit(const std::vector<std::string> &words)
{
    Args args(words, editFlags(), {"-o", "--output", "--id"});
    args.expectAtMost(2);
    return runEdit(args, [&](const GraphStore &store) {
        EntityIndex e = resolveEntity(store, args.positional(1, "ENTITY"));
        std::string keptId = store.entity(e).id;
        std::vector<std::string> restored;
        for (const Redirect &r : store.redirects())
            if (store.findById(r.to) == e && r.entity && (!args.option("--id") || r.from == *args.option("--id")))
                restored.push_back(r.from);
        EditResult result{splitEntity(store, e, args.option("--id", "")), "split " + keptId + ":", {}};
        for (const std::string &id : restored) result.message += " " + id;
        result.message += " restored; each is judged different from " + keptId;
        result.json = [=](JsonOut &json) {
            json.w().StartObject();
            json.key("entity"), json.string(keptId);
            json.key("restored");
            json.w().StartArray();
            for (const std::string &id : restored) json.string(id);
            json.w().EndArray();
            json.w().EndObject();
        };
        return result;
    });
}

Command mergeCommand()
{
    return {"merge", "merge entity GONE into KEEP (GONE's id keeps resolving)",
            std::string("usage: liaison merge FILE KEEP GONE [--reason TEXT] [-o OUT.json] [--json]\n\n"
                        "Unites GONE into KEEP: names, aliases, attributes (KEEP's values win; conflicts\n"
                        "are listed) and evidence; GONE's relations move to KEEP. GONE's id becomes a\n"
                        "redirect to KEEP in every command, and the decision is kept as a judgement\n"
                        "\"same\" that later imports re-apply. Refused for a pair judged different.\n"
                        "  --reason TEXT     why (stored with the redirect and the judgement)\n") +
                kEditHelp,
            runMerge};
}

Command splitCommand()
{
    return {"split", "undo merges into an entity: the merged-away entities come back",
            std::string("usage: liaison split FILE ENTITY [--id MERGED_ID] [-o OUT.json] [--json]\n\n"
                        "Each entity merged into ENTITY (or only MERGED_ID) comes back with its own id,\n"
                        "names, aliases, evidence and relations, and is judged different from ENTITY,\n"
                        "so no later import merges them again.\n"
                        "  --id MERGED_ID    split off only this merged-away id\n") +
                kEditHelp,
            runSplit};
}

} // namespace liaison::cli
