// Plugins that report errors, hand over garbage or throw (issue 7): the host
// keeps running, the store is untouched, and the user gets a message. A
// module of another ABI is refused and registers nothing.
#include "liaison/import_batch.hpp"
#include "liaison/json_io.hpp"
#include "liaison/plugin_host.hpp"

#include <gtest/gtest.h>

using namespace liaison;

namespace {

const std::string kHostile = std::string(LIAISON_TEST_MODULE_DIR) + "/hostile/";

GraphStore userGraph()
{
    return readLiaisonJson(R"({"liaison":1,"entities":[{"id":"person:ok","kind":"person","name":"Already here"}]})",
                           "user.json");
}

std::string allMessages(const ImportBatch &batch)
{
    std::string text;
    for (const Diagnostic &d : batch.diagnostics()) text += d.text() + "\n";
    return text;
}

// Loads `bytes` with the module's loader, commits strictly and leniently, and
// checks the user's graph survives; returns the batch.
ImportBatch loadAndCommit(const PluginHost &host, const std::string &name)
{
    const LoaderInfo *loader = host.find(name);
    EXPECT_TRUE(loader) << name;
    if (!loader) return {};
    ImportBatch batch = host.load(*loader, "input.hostile", "anything");
    GraphStore store = userGraph();
    const std::string before = writeLiaisonJson(store);
    EXPECT_THROW(commitBatch(store, batch), ImportError) << allMessages(batch);
    EXPECT_EQ(writeLiaisonJson(store), before);
    return batch;
}

// The host still works after a hostile module ran: a built-in loads.
void hostStillWorks(const PluginHost &host)
{
    ImportBatch batch = host.load(*host.find("csv"), "after.csv", "Id,Label\nn1,One\n");
    EXPECT_FALSE(batch.hasErrors()) << allMessages(batch);
    EXPECT_EQ(batch.entities().size(), 1u);
}

} // namespace

TEST(PluginIsolation, GarbageRecordsAreRejectedOneByOneAndNothingIsCommitted)
{
    PluginHost host;
    host.loadModule(kHostile + "garbage_records.so");
    ImportBatch batch = loadAndCommit(host, "garbage-records");
    std::string messages = allMessages(batch);
    EXPECT_TRUE(batch.hasErrors()) << messages;
    // Only the one well-formed entity made it into the batch; the dangling
    // relation is refused at commit, so nothing at all is committed.
    std::size_t kept = 0;
    for (const BatchEntity &e : batch.entities()) kept += e.entity.id == "person:ok";
    EXPECT_EQ(kept, 1u) << messages;
    // Lenient: the good record goes in (merged into the existing one by id),
    // the bad ones are listed.
    GraphStore store = userGraph();
    ImportOptions lenient;
    lenient.lenient = true;
    ImportReport report = commitBatch(store, batch, lenient);
    EXPECT_EQ(store.entityCount(), 1u);
    EXPECT_EQ(store.relationCount(), 0u);
    EXPECT_FALSE(report.skipped.empty());
    hostStillWorks(host);
}

TEST(PluginIsolation, AnErrorReportedWithOkIsStillAFailure)
{
    PluginHost host;
    host.loadModule(kHostile + "lying_ok.so");
    ImportBatch batch = loadAndCommit(host, "lying-ok");
    EXPECT_NE(allMessages(batch).find("input.hostile:2:5"), std::string::npos) << allMessages(batch);
    hostStillWorks(host);
}

TEST(PluginIsolation, ExceptionsFromSniffAndLoadAreContained)
{
    PluginHost host;
    host.loadModule(kHostile + "throws_late.so");
    // choose() calls every sniff; the throwing one counts as "not mine".
    EXPECT_EQ(host.choose("x.csv", "Id,Label\nn1,One\n").name, "csv");
    ImportBatch batch = loadAndCommit(host, "throws-late");
    EXPECT_TRUE(batch.hasErrors());
    EXPECT_NE(allMessages(batch).find("exception"), std::string::npos) << allMessages(batch);
    hostStillWorks(host);
}

TEST(PluginIsolation, ModulesOfAnotherAbiOrWithoutADescriptorAreRefused)
{
    struct Case {
        const char *file;
        const char *why;
    } cases[] = {
        {"abi_zero.so", "ABI version 0"},
        {"null_name.so", "name"},
        {"null_descriptor.so", "no descriptor"},
        {"v2_only.so", "liaison_loader_v1"},
    };
    PluginHost host;
    const std::size_t builtins = host.loaders().size();
    for (const Case &c : cases) {
        SCOPED_TRACE(c.file);
        try {
            host.loadModule(kHostile + c.file);
            ADD_FAILURE() << "loaded";
        } catch (const PluginError &error) {
            EXPECT_NE(std::string(error.what()).find(c.file), std::string::npos) << error.what();
            EXPECT_NE(std::string(error.what()).find(c.why), std::string::npos) << error.what();
        }
    }
    EXPECT_EQ(host.loaders().size(), builtins) << "a refused module registered something";
    hostStillWorks(host);
}
