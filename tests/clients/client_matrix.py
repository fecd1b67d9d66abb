#!/usr/bin/python3
"""What survives each exchange format in the real clients (issue 16).

For every format (GraphML, GEXF, DOT, CSV in each dialect, Liaison JSON) and
every graph (the IAC 2017 dataset, a generated conference network, and
tests/fixtures/exchange/clashes.json with every clash and value type), the
graph is exported by `liaison export`, read by Debian's networkx 2.8.8,
python-igraph and the Graphviz tools where they read the format, checked for
node and edge counts, kinds, names (Chinese included), names per language,
dates and attributes with their types, and re-imported by `liaison import`
and compared with the original.

Every cell is "nothing lost" or the list of what the format or client cannot
hold; the expected table is below (EXPECTED) and a difference either way
fails, so a regression and an unrecorded improvement are both seen.
`--markdown` prints the table for the README.

Usage: client_matrix.py --liaison BIN --generate BIN --source-dir DIR --work DIR [--markdown]
Exit 0 ok, 1 the table differs from EXPECTED, 77 a client is missing (skip).
"""
import argparse
import csv
import json
import math
import os
import shutil
import subprocess
import sys

try:
    import igraph
    import networkx as nx
    import pygraphviz  # noqa: F401 -- networkx reads DOT through it (nx_agraph)
except ImportError as error:  # the CI image installs them; a developer may not have them
    print(f"skipping: {error}", file=sys.stderr)
    sys.exit(77)

CLIENTS = ["networkx", "igraph", "graphviz", "liaison"]
CLIENT_TITLES = {"networkx": "networkx 2.8.8", "igraph": "python-igraph", "graphviz": "Graphviz gc / gvpr / dot",
                 "liaison": "Liaison re-import"}
ROWS = ["graphml", "gexf", "dot", "csv/liaison", "csv/gephi", "csv/neo4j", "csv/cytoscape", "json"]
NA = None  # the client does not read the format

# What each client cannot hold, per format (union over the three graphs).
EXPECTED = {
    ("graphml", "networkx"): {"empty strings (read as absent)", "mixed-type columns as JSON text"},
    ("graphml", "igraph"): {"integers read as floats (one numeric type)", "mixed-type columns as JSON text"},
    ("graphml", "graphviz"): NA,
    ("graphml", "liaison"): set(),
    ("gexf", "networkx"): {"mixed-type columns as JSON text", "sources", "viz positions as floats"},
    ("gexf", "igraph"): NA,
    ("gexf", "graphviz"): NA,
    ("gexf", "liaison"): {"sources"},
    ("dot", "networkx"): {"attributes", "evidence (count only)", "sources", "legend node counted"},
    ("dot", "igraph"): NA,
    ("dot", "graphviz"): {"attributes", "evidence (count only)", "sources", "legend node counted"},
    ("dot", "liaison"): {"attributes", "evidence (count only)", "sources"},
    ("json", "networkx"): NA,
    ("json", "igraph"): NA,
    ("json", "graphviz"): NA,
    ("json", "liaison"): set(),
}
for dialect in ["liaison", "gephi", "cytoscape"]:
    EXPECTED[("csv/" + dialect, "networkx")] = NA
    EXPECTED[("csv/" + dialect, "igraph")] = {"attribute types (CSV is text)", "empty strings (read as absent)",
                                              "sources"}
    EXPECTED[("csv/" + dialect, "graphviz")] = NA
    EXPECTED[("csv/" + dialect, "liaison")] = {"empty strings (read as absent)", "sources"}
EXPECTED[("csv/neo4j", "networkx")] = NA
EXPECTED[("csv/neo4j", "igraph")] = EXPECTED[("csv/liaison", "igraph")]
EXPECTED[("csv/neo4j", "graphviz")] = NA
EXPECTED[("csv/neo4j", "liaison")] = {"empty strings (read as absent)", "sources",
                                      "JSON arrays, nulls and mixed-type columns as text"}

# Liaison's fields as the exports show them to other tools.
OWN_NODE_FIELDS = {"kind", "label", "aliases", "evidence", "id", "viz", "liaison.viz"}


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


class Original:
    """The graph as Liaison JSON says it is."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = json.load(f)
        self.nodes = {e["id"]: e for e in self.doc["entities"]}
        self.edges = self.doc["relations"]


def user_name(name):
    return name[5:] if name.startswith("attr.") else name


def absent(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


class View:
    """What a client shows: nodes id -> fields, edges (from, to, kind, attributes)."""

    def __init__(self):
        self.nodes = {}
        self.edges = []
        self.node_count = 0
        self.edge_count = 0
        self.notes = set()

    def node(self, nid, kind, name, names, attributes):
        self.nodes[nid] = {"kind": kind, "name": name, "names": names, "attributes": attributes}


def split_fields(data, own=OWN_NODE_FIELDS):
    names, attributes = {}, {}
    for key, value in data.items():
        if absent(value) or key in own:
            continue
        if key.startswith("name."):
            names[key[5:]] = value
        else:
            attributes[user_name(key)] = value
    return names, attributes


def compare(original, view, check_attributes=True, text_format=False):
    """The kinds of loss between the original and what a client shows."""
    lost = set(view.notes)
    if view.node_count != len(original.nodes) or view.edge_count != len(original.edges):
        extra = view.node_count - len(original.nodes)
        lost.add("legend node counted" if extra == 1 and view.edge_count == len(original.edges)
                 else f"counts ({view.node_count}/{view.edge_count} for {len(original.nodes)}/{len(original.edges)})")
    for nid, e in original.nodes.items():
        shown = view.nodes.get(nid)
        if shown is None:
            lost.add("node ids")
            continue
        if shown["kind"] != e["kind"]:
            lost.add("kinds")
        if shown["name"] != e.get("name", nid):
            lost.add("names")
        if shown["names"] is not None and shown["names"] != e.get("names", {}):
            lost.add("names per language")
        if check_attributes and shown["attributes"] is not None:
            lost |= attribute_losses(e.get("attributes", {}), shown["attributes"], text_format)
    want = sorted((r["from"], r["to"], r["kind"]) for r in original.edges)
    got = sorted((f, t, k) for f, t, k, _ in view.edges)
    if want != got:
        lost.add("relation kinds")
    if check_attributes:
        by_key = {}
        for f, t, k, a in view.edges:
            by_key.setdefault((f, t, k), []).append(a)
        for r in original.edges:
            candidates = by_key.get((r["from"], r["to"], r["kind"]), [])
            if candidates and candidates[0] is not None:
                lost |= attribute_losses(r.get("attributes", {}), candidates.pop(0), text_format)
    return lost


CURRENT = ""  # the cell being checked, for MATRIX_VERBOSE
CLIENT = ""


def verbose(*what):
    if os.environ.get("MATRIX_VERBOSE"):
        print("  ", CURRENT, *what, file=sys.stderr)


def attribute_losses(want, got, text_format=False):
    """What a client lost of an entity's or relation's attributes.
    text_format: the client read a CSV table, where every value is text."""
    lost = set()
    for key, value in want.items():
        if value is None or isinstance(value, (list, dict)):
            continue  # checked by the re-import comparison
        shown = got.get(key)
        if shown == value and type(shown) is type(value):
            continue
        verbose("attribute", key, repr(value), repr(shown))
        if shown is None or (shown == "" and value != ""):
            lost.add("empty strings (read as absent)" if value == "" else "attributes")
        elif text_format and isinstance(shown, str) and _as_json(shown) in (value, str(value)):
            lost.add("attribute types (CSV is text)")
        elif isinstance(shown, str) and shown == json.dumps(value, ensure_ascii=False):
            lost.add("mixed-type columns as JSON text")
        elif isinstance(value, bool) or isinstance(shown, bool):
            lost.add("attributes")
        elif isinstance(value, int) and isinstance(shown, float) and shown == value:
            # igraph has one numeric type; GEXF's viz:position is a float.
            lost.add("integers read as floats (one numeric type)" if CLIENT == "igraph" else
                     "viz positions as floats")
        else:
            lost.add("attributes")
    return lost


def _as_json(text):
    try:
        return json.loads(text)
    except ValueError:
        return text


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


# --- clients -----------------------------------------------------------------


def networkx_graph_view(G, label_key, kind_key="kind"):
    view = View()
    view.node_count, view.edge_count = G.number_of_nodes(), G.number_of_edges()
    for nid, data in G.nodes(data=True):
        names, attributes = split_fields(data)
        view.node(str(nid), data.get("kind"), data.get(label_key), names, attributes)
    edges = G.edges(data=True)
    for f, t, data in edges:
        attributes = {user_name(k): v for k, v in data.items() if k not in ("kind", "label", "evidence", "id")}
        view.edges.append((str(f), str(t), data.get(kind_key), attributes))
    return view


def networkx_graphml(path):
    return networkx_graph_view(nx.read_graphml(path), "label")


def networkx_gexf(path):
    G = nx.read_gexf(path)
    # networkx keeps Gephi's viz elements in one "viz" dict per node.
    for _, data in G.nodes(data=True):
        viz = data.pop("viz", {})
        if "color" in viz:
            data["viz.color"] = "#{r:02x}{g:02x}{b:02x}".format(**viz["color"])
        for axis in ("x", "y"):
            if axis in viz.get("position", {}):
                data["viz." + axis] = viz["position"][axis]
    view = networkx_graph_view(G, "label")
    view.notes.add("sources")  # GEXF has no place for them
    return view


def literal(label):
    """A DOT label as Liaison writes it (literalLabel) back to its text."""
    return label.replace("&amp;", "&").replace("\\\\", "\\") if label else label


def networkx_dot(path):
    # nx_agraph (pygraphviz, i.e. cgraph): networkx's pydot reader splits
    # unquoted non-ASCII names and labels (莊明芬) and cannot be used.
    G = nx.nx_agraph.read_dot(path)
    view = View()
    view.node_count, view.edge_count = G.number_of_nodes(), G.number_of_edges()
    for nid, data in G.nodes(data=True):
        names, _ = split_fields(data)
        view.node(str(nid), data.get("kind"), literal(data.get("label")), names, None)
    for f, t, data in G.edges(data=True):
        view.edges.append((str(f), str(t), data.get("kind"), None))
    view.notes |= {"attributes", "evidence (count only)", "sources"}
    return view


def igraph_graphml(path):
    g = igraph.Graph.Read_GraphML(path)
    view = View()
    view.node_count, view.edge_count = g.vcount(), g.ecount()
    for v in g.vs:
        data = v.attributes()
        names, attributes = split_fields(data)
        # igraph has no missing string value: a node without the key shows "".
        names = {lang: name for lang, name in names.items() if name != ""}
        view.node(data["id"], data.get("kind"), data.get("label"), names, attributes)
    for e in g.es:
        data = e.attributes()
        attributes = {user_name(k): v for k, v in data.items()
                      if k not in ("kind", "evidence", "id") and not absent(v)}
        view.edges.append((g.vs[e.source]["id"], g.vs[e.target]["id"], data.get("kind"), attributes))
    return view


def graphviz_dot(path):
    counts = run(["gc", "-n", "-e", path]).split()
    view = View()
    view.node_count, view.edge_count = int(counts[0]), int(counts[1])
    program = ('N[kind!=""]{printf("N\\t%s\\t%s\\t%s\\n", name, kind, gsub(label, "\\t", " "));}'
               'E{printf("E\\t%s\\t%s\\t%s\\n", tail.name, head.name, kind);}')
    for line in run(["gvpr", program, path]).splitlines():
        parts = line.split("\t")
        if parts[0] == "N":
            view.node(parts[1], parts[2], literal(parts[3]), None, None)
        elif parts[0] == "E":
            view.edges.append((parts[1], parts[2], parts[3], None))
    view.notes |= {"attributes", "evidence (count only)", "sources"}
    return view


CSV_COLUMNS = {  # dialect: node id, node kind, node label, edge source, target, kind
    "liaison": ("Id", "kind", "Label", "Source", "Target", "kind"),
    "gephi": ("Id", "kind", "Label", "Source", "Target", "Label"),
    "neo4j": ("id:ID", ":LABEL", "name", ":START_ID", ":END_ID", ":TYPE"),
    "cytoscape": ("name", "kind", "label", "source", "target", "interaction"),
}


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def column_name(header):
    """'attr.year:string' -> 'year' (the dialect's header conventions)."""
    base, _, suffix = header.rpartition(":")
    if not base or suffix not in ("string", "json", "long", "double", "boolean", "string[]"):
        base = header
    return user_name(base)


def igraph_csv(nodes_path, edges_path, dialect):
    nid, nkind, nlabel, src, tgt, ekind = CSV_COLUMNS[dialect]
    node_rows, edge_rows = read_csv(nodes_path), read_csv(edges_path)
    for required in (nid, nkind, nlabel):
        assert required in node_rows[0], f"{nodes_path}: no {required} column for {dialect}"
    for required in (src, tgt, ekind):
        assert required in edge_rows[0], f"{edges_path}: no {required} column for {dialect}"
    g = igraph.Graph.DictList(vertices=node_rows, edges=edge_rows, directed=True, vertex_name_attr=nid,
                              edge_foreign_keys=(src, tgt))
    view = View()
    view.node_count, view.edge_count = g.vcount(), g.ecount()
    own = {nid, nkind, nlabel, "aliases", "aliases:string[]", "evidence"}
    for v in g.vs:
        data = v.attributes()
        names, attributes = {}, {}
        for key, value in data.items():
            if key in own or value in (None, ""):
                continue
            if key.startswith("name."):
                names[key[5:]] = value
            else:
                attributes[column_name(key)] = value
        view.node(data[nid], data[nkind], data[nlabel], names, attributes)
    skip = {src, tgt, ekind, "Id", "Type", "evidence"}
    for e in g.es:
        data = e.attributes()
        attributes = {column_name(k): v for k, v in data.items() if k not in skip and v not in (None, "")}
        if "Weight" in data:
            attributes.pop("Weight", None)
            if data["Weight"] not in (None, ""):
                attributes["weight"] = data["Weight"]
        if data.get("Type") == "Undirected":
            attributes["directed"] = "false"
        view.edges.append((g.vs[e.source][nid], g.vs[e.target][nid], data[ekind], attributes))
    view.notes.add("sources")
    return view


# --- re-import comparison ------------------------------------------------------


def reimport_losses(original, back_path):
    with open(back_path, encoding="utf-8") as f:
        back = json.load(f)
    lost = set()
    nodes = {e["id"]: e for e in back["entities"]}
    if len(nodes) != len(original.nodes) or len(back["relations"]) != len(original.edges):
        lost.add(f"counts ({len(nodes)}/{len(back['relations'])})")
    for nid, e in original.nodes.items():
        f = nodes.get(nid)
        if f is None:
            lost.add("node ids")
            continue
        for field in ("kind", "name", "names", "aliases"):
            if f.get(field) != e.get(field):
                lost.add(field if field != "names" else "names per language")
        if f.get("evidence") != e.get("evidence"):
            verbose("evidence", nid)
            lost.add("evidence (count only)" if not f.get("evidence") else "evidence")
        lost |= typed_attribute_losses(e.get("attributes", {}), f.get("attributes", {}))
    back_edges = {}
    for b in back["relations"]:
        back_edges.setdefault((b["from"], b["to"], b["kind"]), []).append(b)
    for a in original.edges:
        candidates = back_edges.get((a["from"], a["to"], a["kind"]))
        if not candidates:
            lost.add("relation kinds")
            continue
        b = candidates.pop(0)
        if a.get("evidence") != b.get("evidence"):
            lost.add("evidence (count only)" if not b.get("evidence") else "evidence")
        lost |= typed_attribute_losses(a.get("attributes", {}), b.get("attributes", {}))
    if original.doc.get("sources", []) != back.get("sources", []):
        lost.add("sources")
    return lost


def typed_attribute_losses(want, got):
    lost = set()
    if want and not got:
        return {"attributes"}
    for key, value in want.items():
        if key not in got or got[key] != value or type(got[key]) is not type(value):
            verbose("re-import attribute", key, repr(value), repr(got.get(key)))
        if key not in got:
            if value == "":
                lost.add("empty strings (read as absent)")
            elif value is None:
                lost.add("JSON arrays, nulls and mixed-type columns as text")
            else:
                lost.add("attributes")
        elif got[key] != value or type(got[key]) is not type(value):
            if isinstance(value, (list, dict)) or value is None or str(got[key]) == str(value) or \
                    json.dumps(value, ensure_ascii=False) == got[key]:
                lost.add("JSON arrays, nulls and mixed-type columns as text")
            else:
                lost.add("attributes")
    for key in got:
        if key not in want:
            lost.add(f"extra attribute {key}")
    return lost


# --- the matrix ------------------------------------------------------------------


def export(args, graph, row, out_dir):
    fmt, _, dialect = row.partition("/")
    out = os.path.join(out_dir, f"g.{fmt}")
    command = [args.liaison, "export", graph, "--format", fmt, "-o", out]
    if dialect:
        command += ["--csv-dialect", dialect]
    run(command)
    return [out, out[:-4] + ".edges.csv"] if fmt == "csv" else [out]


def cell(original, row, client, files):
    fmt, _, dialect = row.partition("/")
    if client == "liaison":
        back = os.path.join(os.path.dirname(files[0]), "back.json")
        run([ARGS.liaison, "import", *files, "-o", back])
        return reimport_losses(original, back)
    readers = {
        ("graphml", "networkx"): lambda: networkx_graphml(files[0]),
        ("graphml", "igraph"): lambda: igraph_graphml(files[0]),
        ("gexf", "networkx"): lambda: networkx_gexf(files[0]),
        ("dot", "networkx"): lambda: networkx_dot(files[0]),
        ("dot", "graphviz"): lambda: graphviz_dot(files[0]),
        ("csv", "igraph"): lambda: igraph_csv(files[0], files[1], dialect),
    }
    reader = readers.get((fmt, client))
    if reader is None:
        return NA
    return compare(original, reader(), text_format=fmt == "csv")


def render(table):
    lines = ["| format | " + " | ".join(CLIENT_TITLES[c] for c in CLIENTS) + " |",
             "|---|" + "---|" * len(CLIENTS)]
    for row in ROWS:
        cells = []
        for client in CLIENTS:
            lost = table[(row, client)]
            cells.append("—" if lost is NA else "nothing lost" if not lost else "; ".join(sorted(lost)))
        lines.append(f"| {row} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liaison", required=True)
    parser.add_argument("--generate", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--markdown", action="store_true")
    ARGS = parser.parse_args()
    for tool in ("gc", "gvpr", "dot"):
        if shutil.which(tool) is None:
            print(f"skipping: {tool} not installed", file=sys.stderr)
            sys.exit(77)
    shutil.rmtree(ARGS.work, ignore_errors=True)
    os.makedirs(ARGS.work)
    generated = os.path.join(ARGS.work, "generated.json")
    run([ARGS.generate, "--relations", "800", "--seed", "16", "-o", generated])
    graphs = {
        "iac": os.path.join(ARGS.source_dir, "datasets", "iac2017", "graph.json"),
        "generated": generated,
        "clashes": os.path.join(ARGS.source_dir, "tests", "fixtures", "exchange", "clashes.json"),
    }
    table = {(row, client): NA for row in ROWS for client in CLIENTS}
    for name, path in graphs.items():
        original = Original(path)
        for row in ROWS:
            out_dir = os.path.join(ARGS.work, name, row.replace("/", "-"))
            os.makedirs(out_dir)
            files = export(ARGS, path, row, out_dir)
            for client in CLIENTS:
                global CURRENT, CLIENT
                CURRENT, CLIENT = f"{name} {row} {client}:", client
                lost = cell(original, row, client, files)
                if lost is not NA:
                    table[(row, client)] = (table[(row, client)] or set()) | lost
        # Graphviz lays out and renders the small graph's DOT export.
        if name == "clashes":
            run(["dot", "-Tsvg", "-o", os.path.join(ARGS.work, "clashes.svg"),
                 os.path.join(ARGS.work, name, "dot", "g.dot")])
    print(render(table))
    differences = [(key, EXPECTED.get(key, NA), table[key]) for key in table if table[key] != EXPECTED.get(key, NA)]
    for (row, client), want, got in differences:
        print(f"{row} / {client}: expected {sorted(want) if want is not NA else 'n/a'}, "
              f"got {sorted(got) if got is not NA else 'n/a'}", file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
