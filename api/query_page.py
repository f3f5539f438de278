"""The SPARQL query page for browsers: a plain form that works offline, results as HTML.

The YASGUI editor is offered as an upgrade the user asks for, so a browser with no network
shows no failed loads.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

import pyoxigraph as ox

from kg.sandbox import Answer

from .navigation import STYLESHEET, navigation

EXAMPLE = """SELECT ?figure ?reason WHERE {
  ?verdict a cg:Conflict ; cg:reason ?reason ; cg:claim ?claim .
  ?claim cg:figure/cg:surface ?figure .
} LIMIT 20"""

YASGUI_CSS = "https://unpkg.com/@triply/yasgui@4/build/yasgui.min.css"
YASGUI_JS = "https://unpkg.com/@triply/yasgui@4/build/yasgui.min.js"
YASGUI_ORIGIN = "https://unpkg.com"
#: Rows shown in a results table; the other formats carry every row.
HTML_ROWS = 1_000

#: The page's one script; the Content-Security-Policy allows it by its hash and nothing else inline.
SCRIPT = """document.getElementById("yasgui-button").addEventListener("click", function () {
  var css = document.createElement("link");
  css.rel = "stylesheet"; css.href = "%s";
  document.head.appendChild(css);
  var js = document.createElement("script");
  js.src = "%s";
  js.onload = function () {
    document.getElementById("query-form").hidden = true;
    new Yasgui(document.getElementById("yasgui"), { requestConfig: { endpoint: "/sparql" } });
  };
  document.head.appendChild(js);
});
""" % (YASGUI_CSS, YASGUI_JS)
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>SPARQL query – claim-provenance graph</title>
{stylesheet}
<style>
main {{ max-width: 72rem; }}
textarea {{ width: 100%; min-height: 12rem; font: 13px/1.4 ui-monospace, monospace; box-sizing: border-box; }}
table {{ border-collapse: collapse; margin-top: 1rem; font-size: 13px; }}
th, td {{ border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f2f2f2; }}
.error {{ color: #a00; }}
</style>
</head>
<body>
{navigation}
<main id="main">
<h1>SPARQL query</h1>
<p>Read-only SPARQL 1.1 over the whole graph. Prefixes <code>cg:</code>, <code>prov:</code>, <code>dcterms:</code>,
<code>schema:</code>, <code>oa:</code>, <code>skos:</code>, <code>rdfs:</code> and <code>xsd:</code> are predefined.</p>
<form id="query-form" method="get" action="/sparql">
<label for="query">Query</label>
<textarea id="query" name="query" spellcheck="false">{query}</textarea>
<p><button type="submit" id="run">Run query</button>
<button type="button" id="yasgui-button">Use the YASGUI editor (needs network)</button></p>
</form>
<div id="yasgui"></div>
{results}
</main>
<script>{script}</script>
</body>
</html>
"""


def _term(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if term.value.lower().startswith(("http://", "https://")):  # never javascript:, data: and the like
            return f'<a href="{escape(term.value)}" rel="noopener noreferrer">{escape(term.value)}</a>'
        return escape(term.value)
    return escape(getattr(term, "value", str(term)))


def page(query: str | None = None, answer: Answer | None = None, error: str | None = None) -> str:
    """The query page, with the results of ``query`` when there are some."""
    parts = []
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | None = None
    if answer is not None:
        if answer.kind != "graph":
            result = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)
        if answer.truncated:
            parts.append('<p id="truncated">The results were cut at the row limit.</p>')
    if error:
        parts.append(f'<p class="error" id="error">{escape(error)}</p>')
    elif isinstance(result, ox.QueryBoolean):
        parts.append(f'<p id="boolean">{"true" if bool(result) else "false"}</p>')
    elif answer is not None and answer.kind == "graph":
        parts.append(f'<pre id="graph">{escape(answer.body.decode("utf-8"))}</pre>')
    elif isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows: list[list[str]] = []
        more = False
        for row in result:
            if len(rows) == HTML_ROWS:
                more = True
                break
            rows.append([_term(row[n]) for n in names])
        head = "".join(f"<th>{escape(n)}</th>" for n in names)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        shown = f"the first {len(rows)} rows; ask for CSV or JSON for all of them" if more else f"{len(rows)} rows"
        parts.append(f'<p id="count">{shown}</p><table id="results"><thead><tr>{head}</tr></thead>'
                     f"<tbody>{body}</tbody></table>")
    return _PAGE.format(query=escape(query if query is not None else EXAMPLE), results="\n".join(parts),
                        script=SCRIPT, navigation=navigation(), stylesheet=STYLESHEET)
