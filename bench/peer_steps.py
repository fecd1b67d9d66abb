#!/usr/bin/python3
"""The networkx / python-igraph side of bench/compare: the same steps as
bench/liaison_steps on the same Liaison JSON file, printing the same lines:
    STEP <name> <wall s> <cpu s> <peak RSS bytes during the step> <check>

    peer_steps.py networkx|igraph FILE.json [--steps a,b] [--repeat N]
                  [--export OUT] [--path FROM,TO] [--betweenness-sources K]

What each step does (the work Liaison does in liaison_steps):
  load        json.load, then a directed multigraph with node kind/name and
              edge kind/date (Liaison keeps every field, evidence included)
  project     persons linked by shared events (participation relations),
              weighted by their number of occasions: a bipartite projection
              in which an event that encloses (by part_of) another event the
              pair shares is not counted, as Liaison's who-met counts a pair
              once at its most specific event (a conference and a session of
              it both attended are one occasion, the session). The generator
              has every participant of a session attend its conference, so
              the shared events are also Liaison's common events
  degree      degree (in + out, parallel relations counted) of every node
  components  number of weakly connected components
  path        one shortest path between two persons, direction ignored
  betweenness exact betweenness on the simple undirected graph; with
              --betweenness-sources K (networkx only) K sources, and the
              time is extrapolated to all n sources (Brandes is linear in them)
  export      the graph written as JSON (networkx node_link_data; igraph
              nodes and edges lists)
"""
import json
import os
import resource
import sys
import time

PARTICIPATION = {"attended", "spoke_at", "chaired", "hosted", "organised"}


def enclosing_events(part_of):
    """event -> the set of events enclosing it (its part_of ancestors), from
    (child, parent) pairs."""
    parent = dict(part_of)
    result = {}
    for child in parent:
        chain, e = set(), parent[child]
        while e is not None and e not in chain:
            chain.add(e)
            e = parent.get(e)
        result[child] = chain
    return result


def peak_rss():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(name, repeat, step):
    for _ in range(repeat):
        reset_peak()
        c0, t0 = cpu(), time.perf_counter()
        check = step()
        wall, used = time.perf_counter() - t0, cpu() - c0
        if isinstance(check, tuple):  # (check, extrapolation factor)
            check, factor = check
            wall, used = wall * factor, used * factor
        print(f"STEP {name} {wall:.6f} {used:.6f} {peak_rss()} {check}", flush=True)


class NetworkxPeer:
    def __init__(self):
        import networkx
        self.nx = networkx

    def load(self, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        g = self.nx.MultiDiGraph()
        g.add_nodes_from((e["id"], {"kind": e.get("kind", ""), "name": e.get("name", "")}) for e in doc["entities"])
        g.add_edges_from((r["from"], r["to"], {"kind": r["kind"], "date": r.get("attributes", {}).get("date")})
                         for r in doc["relations"])
        self.g = g
        self.persons = [n for n, d in g.nodes(data=True) if d["kind"] == "person"]
        return f"{g.number_of_nodes()}/{g.number_of_edges()}"

    def project(self):
        b = self.nx.Graph()
        b.add_edges_from((u, v) for u, v, d in self.g.edges(data=True)
                         if d["kind"] in PARTICIPATION and self.g.nodes[u]["kind"] == "person"
                         and self.g.nodes[v]["kind"] == "event")
        people = [p for p in self.persons if p in b]
        enclosing = enclosing_events((u, v) for u, v, d in self.g.edges(data=True) if d["kind"] == "part_of")
        none = frozenset()

        def occasions(b, u, v):
            shared = set(b[u]) & set(b[v])
            outer = set()
            for e in shared:
                outer |= enclosing.get(e, none) & shared
            return len(shared) - len(outer)

        p = self.nx.bipartite.generic_weighted_projected_graph(b, people, weight_function=occasions)
        return f"{p.number_of_edges()}/{int(p.size(weight='weight'))}"

    def default_ends(self):
        return [self.persons[0], self.persons[-1]]

    def degree(self):
        return str(max(d for _, d in self.g.degree()))

    def components(self):
        return str(self.nx.number_weakly_connected_components(self.g))

    def path(self, a, b):
        return str(len(self.nx.shortest_path(self.g.to_undirected(as_view=True), a, b)) - 1)

    def betweenness(self, sources):
        h = self.nx.Graph(self.g.to_undirected(as_view=True))
        n = h.number_of_nodes()
        if sources and sources < n:
            score = self.nx.betweenness_centrality(h, k=sources, normalized=False, seed=1)
            return (f"~{max(score.values()) * n / sources:.1f}(k={sources})", n / sources)
        score = self.nx.betweenness_centrality(h, normalized=False)
        return f"{max(score.values()):.1f}"

    def export(self, out):
        with open(out, "w", encoding="utf-8") as f:
            json.dump(self.nx.node_link_data(self.g), f, ensure_ascii=False)
        return "ok"


class IgraphPeer:
    """python-igraph as its users write it: whole attribute lists (g.vs["kind"],
    g.es["kind"]), es.select and subgraph_edges, never a Python loop over
    g.es or g.vs one element at a time."""

    def __init__(self):
        import igraph
        self.ig = igraph

    def load(self, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        entities = doc["entities"]
        index = {e["id"]: i for i, e in enumerate(entities)}
        relations = doc["relations"]
        g = self.ig.Graph(n=len(entities), edges=[(index[r["from"]], index[r["to"]]) for r in relations], directed=True)
        g.vs["id"] = [e["id"] for e in entities]
        g.vs["kind"] = [e.get("kind", "") for e in entities]
        g.vs["name"] = [e.get("name", "") for e in entities]
        g.es["kind"] = [r["kind"] for r in relations]
        g.es["date"] = [r.get("attributes", {}).get("date") for r in relations]
        self.g, self.index = g, index
        return f"{g.vcount()}/{g.ecount()}"

    def project(self):
        g = self.g
        persons = g.vs.select(kind_eq="person")
        events = g.vs.select(kind_eq="event")
        participation = g.es.select(kind_in=PARTICIPATION, _source_in=persons, _target_in=events)
        # One link per person-event pair, however many roles (set semantics).
        b = g.subgraph_edges(participation, delete_vertices=False).as_undirected(mode="collapse")
        types = [k == "event" for k in g.vs["kind"]]
        people = b.bipartite_projection(types=types, multiplicity=True, probe1=-1, which=0)
        weight = sum(people.es["weight"]) if people.ecount() else 0
        # A pair that shares an event and a part (part_of) of it met once
        # there, at the part: for each enclosing event, the pairs of its
        # participants who share one of its parts (a projection of the parts'
        # participants) lose one occasion.
        b.vs["original"] = list(range(b.vcount()))
        under = {}
        for child, ancestors in enclosing_events(g.subgraph_edges(g.es.select(kind_eq="part_of"), delete_vertices=False).get_edgelist()).items():
            for outer in ancestors:
                under.setdefault(outer, []).append(child)
        for outer, inner in under.items():
            at_outer = set(b.neighbors(outer))
            sub = b.induced_subgraph(set(inner).union(*(b.neighbors(e) for e in inner)))
            if sub.ecount() == 0:
                continue
            pairs = sub.bipartite_projection(types=[types[v] for v in sub.vs["original"]], multiplicity=False,
                                             probe1=-1, which=0)
            originals = pairs.vs["original"]
            weight -= sum(1 for x, y in pairs.get_edgelist() if originals[x] in at_outer and originals[y] in at_outer)
        return f"{people.ecount()}/{int(weight)}"

    def default_ends(self):
        persons = self.g.vs.select(kind_eq="person")["id"]
        return [persons[0], persons[-1]]

    def degree(self):
        return str(max(self.g.degree()))

    def components(self):
        return str(len(self.g.connected_components(mode="weak")))

    def path(self, a, b):
        return str(len(self.g.get_shortest_paths(self.index[a], to=self.index[b], mode="all", output="vpath")[0]) - 1)

    def betweenness(self, sources):
        h = self.g.as_undirected(mode="collapse")
        h.simplify()
        score = h.betweenness(directed=False)
        return f"{max(score):.1f}"

    def export(self, out):
        g = self.g
        ids = g.vs["id"]
        data = {"nodes": [{"id": i, "kind": k, "name": n} for i, k, n in zip(ids, g.vs["kind"], g.vs["name"])],
                "links": [{"source": ids[s], "target": ids[t], "kind": k}
                          for (s, t), k in zip(g.get_edgelist(), g.es["kind"])]}
        with open(out, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        return "ok"


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    tool, path = argv[1], argv[2]
    steps = ["load", "project", "degree", "components", "path", "betweenness", "export"]
    repeat, out, ends, sources = 1, f"/tmp/peer_steps_{tool}.json", None, 0
    i = 3
    while i < len(argv):
        flag, value = argv[i], argv[i + 1]
        if flag == "--steps":
            steps = [s for s in value.split(",") if s]
        elif flag == "--repeat":
            repeat = max(1, int(value))
        elif flag == "--export":
            out = value
        elif flag == "--path":
            ends = value.split(",")
        elif flag == "--betweenness-sources":
            sources = int(value)
        else:
            sys.exit(f"unknown option {flag}")
        i += 2
    peer = NetworkxPeer() if tool == "networkx" else IgraphPeer()
    measure("load", repeat if "load" in steps else 1, lambda: peer.load(path))
    if "project" in steps:
        measure("project", repeat, peer.project)
    if "degree" in steps:
        measure("degree", repeat, peer.degree)
    if "components" in steps:
        measure("components", repeat, peer.components)
    if "path" in steps:
        ends = ends or peer.default_ends()
        measure("path", repeat, lambda: peer.path(*ends))
    if "betweenness" in steps:
        measure("betweenness", repeat, lambda: peer.betweenness(sources))
    if "export" in steps:
        measure("export", repeat, lambda: peer.export(out))
    os.remove(out) if os.path.exists(out) else None


if __name__ == "__main__":
    main(sys.argv)
