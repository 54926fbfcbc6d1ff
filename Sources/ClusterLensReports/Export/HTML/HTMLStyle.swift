/// The report page's style sheet (inline: the page needs no other file), for screen and print.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --accent-soft: #cfe2f7;
          --ok: #1a7f37; --warn: #9a6700; --bad: #b42318; --paper: #ffffff; --band: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; }
        header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 28px; border-bottom: 3px solid var(--accent); }
        h1 { font-size: 1.75rem; margin: 0 0 6px; }
        h2 { font-size: 1.35rem; margin: 36px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 1.05rem; margin: 20px 0 6px; }
        .meta, .small, caption, .reason { color: var(--muted); font-size: 0.85rem; }
        .meta span { margin-right: 18px; white-space: nowrap; }
        nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
        a { color: var(--accent); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
        caption { text-align: left; padding: 4px 0; }
        .scroll { overflow-x: auto; }
        table.overview { font-size: 0.88rem; }
        table.overview th, table.overview td { padding: 4px 6px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tbody th.group { background: var(--accent-soft); text-transform: capitalize; }
        .flag { display: inline-block; border: 1px solid var(--warn); color: var(--warn); border-radius: 3px;
          padding: 0 4px; margin: 0 2px 2px 0; font-size: 0.75rem; line-height: 1.3; }
        .status-missing { color: var(--bad); }
        .warning { color: var(--bad); }
        .note { color: var(--muted); font-size: 0.78rem; white-space: normal; text-align: left; max-width: 22em; }
        .status-ok { color: var(--ok); }
        .charts { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-start; }
        .chart { margin: 0; max-width: 340px; }
        .chart figcaption { font-size: 0.85rem; color: var(--muted); }
        dl.definition { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
        dl.definition dt { color: var(--muted); }
        dl.definition dd { margin: 0; }
        .lists { display: flex; flex-wrap: wrap; gap: 8px 40px; }
        .lists ul { margin: 4px 0; padding-left: 18px; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
        svg .grid { fill: none; stroke: var(--line); }
        svg .axis { stroke: var(--line); }
        svg .score { fill: var(--accent); fill-opacity: 0.22; stroke: var(--accent); stroke-width: 2; }
        svg .vertex, svg .last, svg .dot { fill: var(--accent); }
        svg .track { fill: var(--band); stroke: var(--line); }
        svg .bar { fill: var(--accent); }
        svg .scale, svg .tick { stroke: var(--muted); fill: var(--muted); }
        svg .interval { fill: var(--accent-soft); stroke: var(--accent); }
        svg .value { stroke: var(--ink); stroke-width: 2; }
        svg .marker { fill: var(--ink); }
        svg .peer { fill: var(--paper); stroke: var(--muted); }
        svg .self { fill: var(--accent); }
        svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
        details { margin: 6px 0 12px; }
        summary { cursor: pointer; color: var(--accent); }
        code { font-size: 0.85em; }
        footer { margin-top: 40px; padding: 16px 24px 40px; border-top: 1px solid var(--line); }
        @media print {
          body { font-size: 10.5pt; }
          header, main, footer { max-width: none; padding: 0; }
          nav, details > summary { display: none; }
          details { display: block; }
          section.cluster { break-before: page; }
          th { background: none; }
          tbody th.group { background: none; border-bottom: 2px solid var(--ink); }
          tr, figure, .lists { break-inside: avoid; }
          a { color: var(--ink); text-decoration: none; }
        }
        """
}
