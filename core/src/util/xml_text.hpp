// The one XML escaper of core: GraphML and GEXF exports, and the HTML-like
// labels of Graphviz (whose SVG writer copies them into XML).
#pragma once

#include <string>
#include <string_view>

namespace liaison::detail {

// `text` as XML character data or an attribute value (either quote): & < > "
// as entities, tab, LF and CR as character references. XML 1.0 cannot hold
// the other C0 controls, not even as character references, nor U+FFFE and
// U+FFFF: those are written visibly escaped (\xHH, \uFFFE; printable.hpp), so
// the document stays well-formed for every string the store can hold.
std::string xmlEscape(std::string_view text);

} // namespace liaison::detail
