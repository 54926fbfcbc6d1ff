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
        table.compact td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.compact td.where, table.compact td:last-child { text-align: left; }
        table.compact td small { display: block; color: var(--muted); font-size: 0.75rem; }
        tbody th.group { background: var(--accent-soft); text-transform: capitalize; }
        .flag { display: inline-block; border: 1px solid var(--warn); color: var(--warn); border-radius: 3px;
          padding: 0 4px; margin: 0 2px 2px 0; font-size: 0.75rem; line-height: 1.3; }
        .status-missing { color: var(--bad); }
        .warning { color: var(--bad); }
        .note { color: var(--muted); font-size: 0.78rem; white-space: normal; text-align: left; max-width: 22em; }
        .status-ok { color: var(--ok); }
        .charts { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-start; }
        .chart { margin: 0; max-width: 480px; }
        .chart figcaption { font-size: 0.85rem; color: var(--muted); }
        dl.definition { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
        dl.definition dt { color: var(--muted); }
        dl.definition dd { margin: 0; }
        dl.methods { display: grid; grid-template-columns: 11em 3fr 2fr; gap: 8px 18px; margin: 8px 0 20px; }
        dl.methods dt { font-weight: 600; }
        dl.methods dd { margin: 0; }
        dl.methods dd.params { color: var(--muted); font-size: 0.8rem; }
        .params .label { display: block; font-weight: 600; text-transform: uppercase; font-size: 0.7rem;
          letter-spacing: 0.04em; }
        .lists { display: flex; flex-wrap: wrap; gap: 8px 40px; }
        .lists ul { margin: 4px 0; padding-left: 18px; }
        td .rank, th .rank { display: block; color: var(--muted); font-size: 0.75rem; font-weight: normal; }
        .controls input { font: inherit; padding: 3px 6px; min-width: 18em; }
        th[aria-sort="ascending"]::after { content: " ▲"; }
        th[aria-sort="descending"]::after { content: " ▼"; }
        tr.missing-group th { background: none; font-weight: normal; }
        table.coverage, table.heatmap, table.thresholds { font-size: 0.8rem; width: auto; }
        table.coverage th, table.coverage td, table.heatmap th, table.heatmap td { padding: 2px 6px; }
        th.cluster-col { font-size: 0.75rem; max-width: 9em; vertical-align: bottom; hyphens: auto; }
        tbody th.group.as-is { text-transform: none; }
        td.cov { text-align: center; white-space: nowrap; }
        .cov { border-radius: 3px; padding: 0 4px; }
        .cov-value { color: var(--ok); background: #e6f4ea; }
        .cov-flagged { color: var(--warn); background: #fdf3d7; }
        .cov-modelled { color: #6a3d9a; background: #efe7f7; }
        .cov-missing { color: var(--bad); background: #fde8e6; }
        .legend .cov { display: inline-block; margin: 0 2px 0 10px; }
        td.years-all { background: #e6f4ea; }
        td.years-some { background: #fdf3d7; }
        td.years-none { color: var(--muted); }
        td.heat { text-align: center; min-width: 3.2em; font-variant-numeric: tabular-nums; }
        .heat-0 { background: #f1f6fc; } .heat-1 { background: #cfe2f7; } .heat-2 { background: #9cc3ec; }
        .heat-3 { background: #4f8fd6; color: #fff; } .heat-4 { background: #0b5cad; color: #fff; }
        .heat-none { color: var(--muted); background: repeating-linear-gradient(45deg, #fff, #fff 4px, #eef0f2 4px,
          #eef0f2 8px); }
        .smallmultiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(470px, 1fr)); gap: 14px 24px; }
        svg text.label { font-size: 10px; }
        .smallmultiples .chart figcaption { color: var(--ink); margin-bottom: 2px; }
        h4 { font-size: 0.95rem; margin: 16px 0 6px; }
        svg { max-width: 100%; height: auto; }
        svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
        svg .grid { fill: none; stroke: var(--line); }
        svg .axis { stroke: var(--line); }
        svg .axis.zero { stroke: var(--muted); }
        svg .vertex, svg .last, svg .dot { fill: var(--accent); }
        svg .track { fill: var(--band); stroke: var(--line); }
        svg .bar { fill: var(--accent); }
        svg .bar.self { fill: var(--warn); }
        svg text.missing { fill: var(--bad); font-style: italic; }
        svg .threshold { stroke: var(--bad); stroke-dasharray: 4 3; }
        svg text.threshold-label { fill: var(--bad); font-size: 10px; }
        svg .scale, svg .tick { stroke: var(--muted); fill: var(--muted); }
        svg text.tick { stroke: none; font-size: 10px; }
        svg .interval { fill: var(--accent-soft); stroke: var(--accent); }
        svg .value { stroke: var(--ink); stroke-width: 2; }
        svg .marker { fill: var(--ink); }
        svg .peer { fill: var(--paper); stroke: var(--muted); }
        svg .self { fill: var(--accent); }
        svg.spark { max-width: none; }
        svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
        svg.spark .frame { stroke: var(--line); stroke-dasharray: 2 2; }
        svg.spark text.spark-label { font-size: 9px; fill: var(--muted); }
        details { margin: 6px 0 12px; }
        summary { cursor: pointer; color: var(--accent); }
        code { font-size: 0.85em; }
        footer { margin-top: 40px; padding: 16px 24px 40px; border-top: 1px solid var(--line); }
        @media screen and (max-width: 900px) {
          body { font-size: 14px; }
          header, main, footer { padding: 0 12px; }
          th, td { padding: 4px 5px; }
          .adjusted, .where { display: none; }
          .meta span { white-space: normal; }
          table.overview { font-size: 0.76rem; }
          table.overview th, table.overview td { padding: 3px 3px; }
          td.num .unit { display: block; white-space: normal; }
          table.indicators code { display: none; }
          th.cluster-col { font-size: 0.68rem; }
          table.coverage th[scope="row"], table.heatmap th[scope="row"] { font-weight: 500; }
          dl.methods { grid-template-columns: 1fr; gap: 2px; }
          dl.methods dt { margin-top: 10px; }
          .smallmultiples { grid-template-columns: 1fr; }
          .note { max-width: 16em; }
        }
        @page { size: A4; margin: 14mm 12mm 16mm; }
        @media print {
          body { font-size: 9pt; }
          header, main, footer { max-width: none; padding: 0; }
          nav, details > summary { display: none; }
          details { display: block; }
          .scroll { overflow: visible; }
          section.cluster, #coverage, #comparison, #methods { break-before: page; }
          th, td { padding: 2px 4px; }
          table.overview, table.indicators { font-size: 8pt; }
          td.num .unit { display: block; white-space: normal; }
          .smallmultiples .chart, .charts .chart { max-width: none; }
          th { background: none; }
          tbody th.group { background: none; border-bottom: 2px solid var(--ink); }
          tr, figure, .lists, dl.methods dd { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          a { color: var(--ink); text-decoration: none; }
          .smallmultiples { grid-template-columns: 1fr 1fr; gap: 6px 12px; }
          .cov, td.heat, td.years-all, td.years-some { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """
}
