"""The report page's style and its one script, apart from the blocks that use them
(``jaxparity.document``)."""

LONG_MIN_EM = 10
"""The least width, in ``em``, of a column holding a long text (``document.LONG_CHARS``)."""

CSS = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;
background:#fafafa}
main{max-width:1280px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:28px;margin:8px 0 4px}h2{margin-top:40px;border-bottom:2px solid #e5e5e5;
padding-bottom:4px}h3{margin-top:32px;font-size:18px}h4{margin:18px 0 6px;font-size:15px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f3f5;
padding:1px 4px;border-radius:3px}
.table{overflow-x:auto;margin:8px 0 16px}
table{border-collapse:collapse;font-size:13px;max-width:100%}
th,td{border:1px solid #e1e1e1;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f4f5f7}th,td{overflow-wrap:break-word}
td.long{overflow-wrap:anywhere;min-width:LONG_MIN_EMem}
td code{font-size:12px}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,td.word,td.pass,td.fail,td.skip{white-space:nowrap}
td.ratio{white-space:normal}td.ratio span{white-space:nowrap}
td.pass{color:#1b7f3a;font-weight:600}td.fail{color:#fff;background:#d6336c;font-weight:600}
td.skip{color:#8a6d00}
.note{border-left:4px solid #4c8bf5;background:#f0f5ff;padding:8px 12px;margin:12px 0;
overflow-wrap:anywhere}
.warn{border-left-color:#e8590c;background:#fff4e6}
p,li{overflow-wrap:break-word}
details{margin:8px 0 16px}summary{cursor:pointer;color:#1c6dd0}
p.differs{margin:12px 0 4px}
.code2{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px;margin-top:8px}
.code2 pre{margin:0;padding:10px;background:#f8f9fa;border:1px solid #e5e5e5;
border-radius:4px;overflow-x:auto;font:12px/1.45 ui-monospace,Menlo,Consolas,monospace;
white-space:pre-wrap;overflow-wrap:anywhere}
.code2 pre span{display:block;padding-left:calc(var(--i) * 1ch + 4ch);
text-indent:calc(var(--i) * -1ch - 4ch)}
.code2 h5{margin:0 0 4px;font-size:13px;overflow-wrap:anywhere}
pre.text{padding:10px;background:#f8f9fa;border:1px solid #e5e5e5;border-radius:4px;
overflow-x:auto;font:12px/1.45 ui-monospace,Menlo,Consolas,monospace}
.panels{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;
align-items:start}
.panels h5{margin:0 0 4px;font-size:13px}
.figs{display:flex;flex-wrap:wrap;gap:16px}svg{max-width:100%;height:auto}
nav a{margin-right:12px}
.expand{position:sticky;top:0;z-index:1;display:flex;justify-content:flex-end;gap:8px;
padding:6px 0;background:#fff;border-bottom:1px solid #eee}
[id]{scroll-margin-top:48px}
.expand button{font:13px system-ui,sans-serif;padding:3px 10px;border:1px solid #c9d3e0;
border-radius:4px;background:#f0f5ff;color:#1c6dd0;cursor:pointer}
""".replace("LONG_MIN_EM", str(LONG_MIN_EM))
"""Two columns side by side never grow past half the page (``minmax(0,1fr)``: a grid column's
default minimum is its longest line): a long code line wraps inside its column and hangs under
its own indentation (``--i``: the line's leading spaces), so the code stays readable at
1280 px without scrolling sideways. A table never grows past the page either (``cell_class``):
a long text (a reason, a note, a list) may wrap anywhere (``overflow-wrap:anywhere``: at a
space or an identifier's ``<wbr>`` first, inside a word only when its column is narrower than
the word), so it needs no more than its column's least width (``min-width``, kept so that a
note reads as lines of words, not a narrow stack); a short text wraps between its words and at its
identifiers' ``<wbr>``; a number, a status or a single word (a verdict, a size, a variant)
keeps to one line, and a heading's words stay whole. The narrowest a table can get is then the
sum, over its columns, of the widest of those — kept under the page's width by what the tables
hold (``tests/test_report_layout.py`` checks both reports by that rule, and in Chromium where
it is installed). The expand-all buttons stay at the top of the window, and a heading jumped
to lands below them."""

EXPAND_SCRIPT = (
    "<script>function expandAll(open){"
    "document.querySelectorAll('details').forEach(function(d){d.open=open})}</script>"
)
"""The page's one script: what the "expand all" and "collapse all" buttons run. Nothing is
fetched; without it (scripts off) each block still opens by its own summary."""
