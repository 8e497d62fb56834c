/// The page's CSS. Colours are variables, each with its light and dark value (`light-dark()`);
/// the theme follows `prefers-color-scheme` unless the reader picked one (`data-theme` on
/// `<html>`). Three panes from 1200 px, two from 760 px, one column with a menu below that.
enum PageStyle {
    static let source: StaticString = #"""
    /* Colours: light, dark. */
    :root {
      color-scheme: light dark;
      --bg: light-dark(#ffffff, #0d1117);
      --fg: light-dark(#1f2328, #e6edf3);
      --muted: light-dark(#59636e, #9198a1);
      --line: light-dark(#d1d9e0, #30363d);
      --soft: light-dark(#f6f8fa, #151b23);
      --hover: light-dark(#eaeef2, #262c36);
      --code-bg: light-dark(#eff2f5, #262c36);
      --link: light-dark(#0550ae, #58a6ff);
      --accent: light-dark(#0969da, #4493f8);
      --current-bg: light-dark(#ddf4ff, #172a45);
      --current-fg: light-dark(#0550ae, #79c0ff);
      --note-bg: light-dark(#ddf4ff, #121d2f);
      --required: light-dark(#bc4c00, #f0883e);
      --warn: light-dark(#cf222e, #ff7b72);
      --panel-bg: light-dark(#1f2430, #010409);
      --panel-line: light-dark(#3b4252, #30363d);
      --panel-fg: #e6edf3;
      --panel-muted: #a8b1bb;
      --top-h: 52px;
    }
    :root[data-theme="light"] { color-scheme: light; }
    :root[data-theme="dark"] { color-scheme: dark; }
    * { box-sizing: border-box; }
    html { scroll-padding-top: calc(var(--top-h) + 12px); }
    body { margin: 0; font: 15px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
    a { color: var(--link); text-decoration: none; }
    a:hover { text-decoration: underline; }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    code, pre, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
    code { background: var(--code-bg); padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
    pre { position: relative; background: var(--code-bg); padding: 12px; border-radius: 6px; overflow-x: auto; line-height: 1.5; }
    pre code { background: none; padding: 0; overflow-wrap: normal; }
    .skip { position: absolute; left: -9999px; top: 8px; z-index: 10; background: var(--bg); padding: 6px 10px; }
    .skip:focus { left: 8px; }
    [hidden] { display: none !important; }
    .muted { color: var(--muted); }

    /* The top bar. */
    .top { position: sticky; top: 0; z-index: 5; height: var(--top-h); display: flex; gap: 12px; align-items: center; padding: 0 16px; background: var(--bg); border-bottom: 1px solid var(--line); }
    .top .title { font-weight: 650; font-size: 17px; color: var(--fg); white-space: nowrap; }
    .top .version { color: var(--muted); font-weight: 400; font-size: 14px; }
    .search-button { flex: 0 1 420px; margin-left: auto; display: flex; align-items: center; gap: 8px; height: 34px; padding: 0 10px; border: 1px solid var(--line); border-radius: 8px; background: var(--soft); color: var(--muted); font: inherit; font-size: 14px; cursor: pointer; min-width: 0; }
    .search-button:hover { border-color: var(--accent); }
    .search-words { flex: 1; text-align: left; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
    kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; font-size: 12px; color: var(--muted); background: var(--bg); }
    .icon-button { width: 34px; height: 34px; flex: none; display: grid; place-items: center; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--fg); cursor: pointer; }
    .icon-button:hover { background: var(--hover); }
    .menu-button { display: none; }
    .search-icon, .theme-icon, .menu-icon { display: block; width: 16px; height: 16px; position: relative; }
    .search-icon::before { content: ""; position: absolute; inset: 0 3px 3px 0; border: 2px solid currentColor; border-radius: 50%; }
    .search-icon::after { content: ""; position: absolute; width: 6px; height: 2px; background: currentColor; right: -1px; bottom: 2px; transform: rotate(45deg); }
    .theme-icon { border-radius: 50%; border: 2px solid currentColor; background: linear-gradient(90deg, currentColor 50%, transparent 50%); }
    .menu-icon { background: linear-gradient(currentColor 0 0) top 2px left 0 / 100% 2px no-repeat, linear-gradient(currentColor 0 0) center / 100% 2px no-repeat, linear-gradient(currentColor 0 0) bottom 2px left 0 / 100% 2px no-repeat; }

    /* Panes. */
    .layout { display: grid; grid-template-columns: 290px minmax(0, 1fr); }
    .nav { position: sticky; top: var(--top-h); height: calc(100vh - var(--top-h)); overflow-y: auto; padding: 12px 10px 40px; background: var(--soft); border-right: 1px solid var(--line); font-size: 14px; overscroll-behavior: contain; }
    .nav a { color: var(--fg); }
    .nav-top { display: block; font-weight: 600; padding: 4px 8px; border-radius: 6px; }
    .nav-group > summary { display: flex; align-items: center; gap: 6px; padding: 4px 8px; margin-top: 6px; cursor: pointer; font-weight: 600; border-radius: 6px; }
    .nav-group > summary:hover { background: var(--hover); }
    .nav-group-title { flex: 1; }
    .nav-count { color: var(--muted); font-weight: 400; font-size: 12px; }
    .nav ul { list-style: none; margin: 2px 0 6px; padding: 0; }
    .nav li a { display: flex; gap: 8px; align-items: baseline; padding: 3px 8px 3px 10px; border-radius: 6px; line-height: 1.35; }
    .nav li a:hover { background: var(--hover); text-decoration: none; }
    .nav li a[aria-current="true"] { background: var(--current-bg); color: var(--current-fg); font-weight: 600; }
    .nav .m { flex: none; width: 38px; min-width: 0; padding: 0; font-size: 10px; line-height: 17px; }
    .nav-types li a { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .nav li a > span + span { overflow: hidden; text-overflow: ellipsis; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
    main { min-width: 0; outline: none; overflow-wrap: break-word; }
    /* Links inside prose are underlined: colour alone does not tell them apart. */
    main p a, main li a { text-decoration: underline; text-underline-offset: 2px; }
    .op-title a, .type-title a, .used-by a:has(> .m) { text-decoration: none; }
    /* A type's name among its words (array of Tag) is a link, and shows it by more than colour. */
    .type a { text-decoration-thickness: 1px; text-decoration-color: color-mix(in srgb, currentColor 40%, transparent); }
    .overview, .chapter-head, .type-view, #models { padding: 4px 40px; max-width: 1000px; }
    .overview h1 { font-size: 30px; margin: 20px 0 8px; }
    .overview h2 { font-size: 21px; margin-top: 32px; }
    /* Chapters and slices of types off screen skip rendering: a few hundred boxes for the browser
       to track, rather than one per operation, keeps every frame quick on a large API. */
    .chapter { border-top: 1px solid var(--line); content-visibility: auto; contain-intrinsic-size: auto 6000px; }
    .types-part { content-visibility: auto; contain-intrinsic-size: auto 20000px; }
    .chapter-title { font-size: 26px; margin: 36px 0 8px; scroll-margin-top: 70px; }
    #models { margin: 0; padding-top: 36px; border-top: 1px solid var(--line); }

    /* An operation: docs on the left, code on the right. */
    .op { display: grid; grid-template-columns: minmax(0, 1fr) minmax(380px, 44%); border-top: 1px solid var(--line); }
    .op-doc { padding: 24px 40px 40px; min-width: 0; }
    .op-code { background: var(--panel-bg); color: var(--panel-fg); padding: 24px 20px; min-width: 0; }
    .code-sticky { position: sticky; top: calc(var(--top-h) + 16px); display: flex; flex-direction: column; gap: 16px; }
    .op-title { font-size: 22px; margin: 0 0 6px; line-height: 1.3; }
    .op-title a { color: var(--fg); }
    .route { margin: 0 0 4px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .route .path { font-size: 14px; background: none; padding: 0; }
    .meta { margin: 0 0 12px; color: var(--muted); font-size: 13px; }
    .op-doc h4 { font-size: 16px; margin: 26px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    /* Small headings: where parameters go, a response's headers; a type's example and uses. */
    .op-doc h5, .type-view h4 { margin: 12px 0 0; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    /* A method badge (m), coloured by its method. */
    .m { display: inline-block; min-width: 58px; padding: 1px 6px; border-radius: 4px; color: #fff; background: #59636e; font: 700 11px/18px ui-monospace, Menlo, monospace; text-align: center; }
    .m.get { background: #1a7f37; } .m.post { background: #0969da; } .m.put { background: #9a6700; }
    .m.delete { background: #cf222e; } .m.patch { background: #8250df; }
    .note { border-left: 4px solid var(--accent); background: var(--note-bg); padding: 6px 12px; border-radius: 0 6px 6px 0; }
    .table { overflow-x: auto; }
    table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
    th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
    th { background: var(--soft); }

    /* Fields: a list item lays out a name, its type and badges on a line, then its description,
       facts and the fold that unfolds its type in place, each on a line of its own. */
    .fields { list-style: none; margin: 6px 0; padding: 0; }
    .fields > li { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; padding: 9px 0; border-bottom: 1px solid var(--line); }
    .fields > li:last-child { border-bottom: 0; }
    .fields > li > p, .fields > li > .unfold { flex-basis: 100%; margin: 0; }
    .fields > li > p:not(.facts) { font-size: 14px; margin-top: -2px; }
    .fields > li > code:first-child { font-weight: 600; background: none; padding: 0; font-size: 13.5px; }
    /* A type: array of Tag, string (uuid) or null; names link to their views. */
    .type { color: var(--muted); background: none; padding: 0; }
    .schema-type .type { font-size: 13px; background: var(--code-bg); padding: 1px 5px; color: var(--fg); }
    .badge, .req, .flag, .warn { font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 9px; border: 1px solid currentColor; color: var(--muted); white-space: nowrap; }
    .req { color: var(--required); }
    .warn { color: var(--warn); }
    .facts { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13px; color: var(--muted); }
    .facts code { color: var(--fg); font-size: 12px; }
    /* A fold: a button with the type's name, and the box it opens. */
    .unfold { margin-top: 4px; font-size: 14px; }
    .unfold > button { display: block; width: max-content; max-width: 100%; padding: 0; border: 0; background: none; color: var(--link); font: inherit; font-size: 13px; text-align: left; cursor: pointer; }
    .unfold > button::before { content: "▸ Show " / "Show "; }
    .unfold > button[aria-expanded="true"]::before { content: "▾ " / ""; }
    .unfold > .nested { margin: 4px 0 4px 5px; padding-left: 14px; border-left: 2px solid var(--line); }
    .values { margin: 4px 0; padding-left: 20px; }
    .schema-type { margin: 6px 0; }
    /* Responses: with the script each folds, the first success open; without it all show. */
    .response { border: 1px solid var(--line); border-radius: 8px; margin-top: 6px; }
    .response > * { margin-left: 14px; margin-right: 14px; }
    .response > :last-child { margin-bottom: 8px; }
    .response > p:first-child { margin: 0; padding: 7px 12px; display: flex; gap: 10px; align-items: baseline; }
    .js .response > p:first-child { cursor: pointer; }
    .js .response:not(.open) > :not(:first-child) { display: none; }
    .response.open > p:first-child, html:not(.js) .response > p:first-child { border-bottom: 1px solid var(--line); }
    .response-toggle { display: flex; gap: 10px; align-items: baseline; flex: 1; padding: 0; border: 0; background: none; color: inherit; font: inherit; text-align: left; cursor: pointer; }
    .status { font: 700 12px/18px ui-monospace, Menlo, monospace; padding: 0 6px; border-radius: 4px; border: 1px solid currentColor; }
    .status.s2xx { color: light-dark(#1a7f37, #3fb950); } .status.s3xx { color: var(--muted); }
    .status.s4xx { color: light-dark(#9a6700, #d29922); } .status.s5xx, .status.sdefault { color: var(--warn); }
    .used-by { padding-left: 18px; margin: 4px 0; }
    .used-by li { margin: 3px 0; }
    .type-view { border-top: 1px solid var(--line); padding-top: 10px; padding-bottom: 16px; }
    .type-title { margin: 10px 0 2px; font-size: 19px; }

    /* The code panel: always dark, tabs over each group of examples. */
    .panel { border: 1px solid var(--panel-line); border-radius: 8px; overflow: hidden; background: #0d1117; }
    /* A panel's head: its title (the first paragraph); the script makes it a bar with the
       title, the tabs and a copy button. */
    .panel > p:first-child, .panel-head { display: flex; align-items: center; gap: 10px; margin: 0; padding: 0 10px; min-height: 35px; background: #161b22; border-bottom: 1px solid var(--panel-line); flex-wrap: wrap; }
    .panel > p:first-child, .panel-title { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--panel-muted); }
    .panel-title { padding: 8px 0; }
    .tablist { display: flex; gap: 2px; flex-wrap: wrap; }
    .tablist button { font: 13px/1 -apple-system, "Segoe UI", sans-serif; color: var(--panel-muted); background: none; border: 0; border-bottom: 2px solid transparent; padding: 10px 8px 8px; cursor: pointer; }
    .tablist button:hover { color: var(--panel-fg); }
    .tablist button[aria-selected="true"] { color: var(--panel-fg); border-bottom-color: #4493f8; }
    .tablist .status-tab.s2xx[aria-selected="true"] { border-bottom-color: #3fb950; }
    .tablist .status-tab.s4xx[aria-selected="true"] { border-bottom-color: #d29922; }
    .tablist .status-tab.s5xx[aria-selected="true"], .tablist .status-tab.sdefault[aria-selected="true"] { border-bottom-color: #f85149; }
    /* An example: its label (first paragraph), perhaps a note, the code. */
    .ex { position: relative; }
    .ex pre { margin: 0; background: #0d1117; color: var(--panel-fg); border-radius: 0; max-height: 60vh; white-space: pre-wrap; overflow-wrap: anywhere; }
    .ex > p { margin: 0; padding: 8px 12px 0; font-size: 13px; color: var(--panel-muted); }
    .ex > p:first-child { padding-top: 6px; font-size: 12px; }
    .ex > p code { background: #262c36; color: var(--panel-fg); }
    /* With the script one example shows at a time: the first, until the panel has its tabs. */
    .js .ex > p:first-child { display: none; }
    .js [data-tabs] > .ex { display: none; }
    .js [data-tabs] > .ex.is-active, .js [data-tabs]:not(.tabbed) > .ex:first-of-type { display: block; }
    .copy { position: absolute; top: 6px; right: 6px; min-height: 26px; min-width: 48px; font: 12px -apple-system, "Segoe UI", sans-serif; padding: 3px 10px; border: 1px solid var(--line); border-radius: 5px; background: var(--bg); color: var(--fg); cursor: pointer; opacity: .85; }
    .copy:hover, .copy:focus-visible { opacity: 1; }
    .panel-head .copy { position: static; margin-left: auto; background: #262c36; color: var(--panel-fg); border-color: var(--panel-line); }

    /* Search. */
    .search { position: fixed; inset: 0; z-index: 20; background: rgb(1 4 9 / .55); display: flex; justify-content: center; align-items: flex-start; padding-top: 8vh; }
    .search-box { width: min(720px, 94vw); background: var(--bg); border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 16px 48px rgb(0 0 0 / .35); overflow: hidden; }
    .search-field { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid var(--line); }
    #apigen-q { flex: 1; font: inherit; font-size: 17px; border: 0; outline: none; background: none; color: var(--fg); padding: 6px 4px; }
    .search-close { font-size: 12px; border: 1px solid var(--line); border-radius: 5px; background: var(--soft); color: var(--muted); padding: 2px 8px; cursor: pointer; }
    .results { max-height: 62vh; overflow-y: auto; padding: 4px 0 8px; }
    .result-group { margin: 8px 0 2px; padding: 0 16px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
    .result { display: flex; gap: 10px; align-items: baseline; padding: 7px 16px; cursor: pointer; color: var(--fg); }
    .result[aria-selected="true"] { background: var(--current-bg); color: var(--current-fg); }
    .result-main { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .result-detail { color: var(--muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 45%; }
    .result mark { background: none; color: inherit; font-weight: 700; text-decoration: underline; }
    .result .m { min-width: 44px; font-size: 10px; line-height: 16px; }
    .search-help { margin: 0; padding: 8px 16px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }

    /* Two panes: the code panel goes under each operation. */
    @media (max-width: 1199px) {
      .op { grid-template-columns: minmax(0, 1fr); }
      .op-code { padding: 16px 40px 28px; background: var(--soft); border-top: 1px solid var(--line); }
      .code-sticky { position: static; }
    }
    /* One column: the navigation becomes a menu. */
    @media (max-width: 759px) {
      .layout { display: block; }
      .js .nav { position: fixed; z-index: 4; top: var(--top-h); left: 0; width: min(340px, 88vw); height: calc(100vh - var(--top-h)); transform: translateX(-105%); visibility: hidden; transition: transform .2s ease, visibility .2s; box-shadow: 0 10px 30px rgb(0 0 0 / .3); }
      .js .nav-open .nav { transform: none; visibility: visible; }
      html:not(.js) .nav { position: static; height: auto; max-height: 50vh; border-right: 0; border-bottom: 1px solid var(--line); }
      .overview, .chapter-head, .type-view, #models, .op-doc { padding-left: 16px; padding-right: 16px; }
      .op-code { padding: 12px 12px 20px; }
      .top { padding: 0 10px; gap: 8px; }
      .search-button { flex: 1; }
      .menu-button { display: grid; }
      .search-button kbd { display: none; }
      .search { padding-top: 0; }
      .search-box { width: 100vw; border-radius: 0; }
      .results { max-height: calc(100vh - 110px); }
      .op-title { font-size: 20px; }
    }
    @media (prefers-reduced-motion: reduce) { .js .nav { transition: none; } }
    @media print {
      .top, .nav, .copy, .skip { display: none !important; }
      .layout, .op { display: block; }
      .op { break-inside: avoid-page; }
      .chapter, .types-part { content-visibility: visible; }
      .op-code { background: none; color: inherit; }
      a { color: inherit; }
      /* On paper every response and every example shows, as without the script. */
      .js .response:not(.open) > :not(:first-child), .js [data-tabs] > .ex, .js .ex > p:first-child { display: revert; }
      .tablist { display: none; }
    }
    """#
}
