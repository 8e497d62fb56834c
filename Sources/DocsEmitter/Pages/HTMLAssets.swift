/// The page's CSS and JavaScript, inline: small, and no network.
enum HTMLAssets {
    static let css = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --side: #f6f8fa; --code: #eff2f5; --link: #0550ae; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--link); text-decoration: none; }
        a:hover { text-decoration: underline; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        code { background: var(--code); padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
        pre { position: relative; background: var(--code); padding: 12px; border-radius: 6px; overflow-x: auto; }
        pre code { background: none; padding: 0; overflow-wrap: normal; }
        .top { position: sticky; top: 0; z-index: 2; display: flex; gap: 12px; align-items: center; padding: 10px 16px; background: var(--bg); border-bottom: 1px solid var(--line); }
        .top .title { font-weight: 600; color: var(--fg); white-space: nowrap; }
        .top .title span { color: var(--muted); font-weight: 400; }
        #filter { flex: 1; max-width: 420px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
        #count { color: var(--muted); font-size: 13px; white-space: nowrap; }
        .layout { display: flex; align-items: flex-start; }
        .sidebar { position: sticky; top: 53px; width: 300px; flex: none; height: calc(100vh - 53px); overflow-y: auto; padding: 12px; background: var(--side); border-right: 1px solid var(--line); font-size: 14px; }
        .sidebar ul { list-style: none; margin: 4px 0 8px; padding: 0; }
        .sidebar li a { display: block; padding: 2px 4px; border-radius: 4px; color: var(--fg); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .sidebar li a:hover { background: var(--line); text-decoration: none; }
        .sidebar summary { cursor: pointer; font-weight: 600; padding: 2px 0; }
        .sidebar .section { display: block; font-weight: 600; padding: 4px 0; }
        main { flex: 1; min-width: 0; padding: 8px 32px 64px; max-width: 1100px; }
        h1 { font-size: 28px; } h2.tag-title { font-size: 24px; border-bottom: 1px solid var(--line); padding-bottom: 6px; margin-top: 48px; }
        .operation { border-top: 1px solid var(--line); padding-top: 8px; margin-top: 28px; scroll-margin-top: 60px; }
        .operation h3 { font-size: 20px; margin: 8px 0 4px; scroll-margin-top: 60px; }
        .operation h3 .anchor { color: var(--fg); }
        .operation h4 { font-size: 15px; margin: 18px 0 6px; }
        .model h3 { scroll-margin-top: 60px; }
        .route { margin: 4px 0 12px; }
        .method { display: inline-block; min-width: 56px; padding: 1px 6px; border-radius: 4px; color: #fff; font: 600 11px/18px ui-monospace, Menlo, monospace; text-align: center; vertical-align: 1px; }
        .method.get { background: #1a7f37; } .method.post { background: #0969da; } .method.put { background: #9a6700; }
        .method.delete { background: #cf222e; } .method.patch { background: #8250df; } .method.head, .method.options, .method.trace { background: #59636e; }
        .deprecated { color: #cf222e; font-weight: 600; }
        .note { border-left: 4px solid #0969da; background: #ddf4ff; padding: 6px 10px; border-radius: 0 6px 6px 0; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
        th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
        th { background: var(--side); }
        th code, td code { white-space: nowrap; overflow-wrap: normal; }
        .copy { position: absolute; top: 6px; right: 6px; font: 12px sans-serif; padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); cursor: pointer; }
        [hidden] { display: none !important; }
        @media (max-width: 760px) {
          .layout { display: block; }
          .sidebar { position: static; width: auto; height: auto; max-height: 45vh; border-right: 0; border-bottom: 1px solid var(--line); }
          main { padding: 8px 14px 48px; }
          .top { flex-wrap: wrap; }
          #filter { max-width: none; }
          th, td { padding: 4px 6px; }
        }
        @media print {
          .top, .sidebar, .copy { display: none !important; }
          .layout { display: block; } main { max-width: none; padding: 0; }
          .operation { break-inside: avoid-page; }
          a { color: var(--fg); }
        }
        """.split(separator: "\n").map(String.init)

    static let script = """
        (function () {
          "use strict";
          var filter = document.getElementById("filter");
          var count = document.getElementById("count");
          var operations = Array.prototype.slice.call(document.querySelectorAll("article.operation"));
          var links = Array.prototype.slice.call(document.querySelectorAll(".sidebar li"));
          var groups = Array.prototype.slice.call(document.querySelectorAll(".sidebar details.group"));
          var sections = Array.prototype.slice.call(document.querySelectorAll("section.tag"));
          function apply() {
            var words = filter.value.toLowerCase().split(/\\s+/).filter(function (word) { return word.length > 0; });
            function matches(element) {
              var text = element.getAttribute("data-search") || "";
              return words.every(function (word) { return text.indexOf(word) >= 0; });
            }
            var shown = 0;
            operations.forEach(function (article) { var ok = matches(article); article.hidden = !ok; if (ok) { shown += 1; } });
            links.forEach(function (item) { item.hidden = !matches(item); });
            groups.forEach(function (group) { group.hidden = group.querySelectorAll("li:not([hidden])").length === 0; });
            sections.forEach(function (section) { section.hidden = section.querySelectorAll("article.operation:not([hidden])").length === 0; });
            count.textContent = words.length ? shown + " of " + operations.length + " operations" : operations.length + " operations";
          }
          if (filter) {
            filter.hidden = false;
            filter.addEventListener("input", apply);
            apply();
          }
          function copy(text, button) {
            function done(label) { button.textContent = label; setTimeout(function () { button.textContent = "Copy"; }, 1500); }
            if (navigator.clipboard && window.isSecureContext) {
              navigator.clipboard.writeText(text).then(function () { done("Copied"); }, function () { done("Press Ctrl+C"); });
              return;
            }
            var area = document.createElement("textarea");
            area.value = text;
            document.body.appendChild(area);
            area.select();
            try { done(document.execCommand("copy") ? "Copied" : "Press Ctrl+C"); } catch (error) { done("Press Ctrl+C"); }
            document.body.removeChild(area);
          }
          Array.prototype.forEach.call(document.querySelectorAll("pre"), function (pre) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "copy";
            button.textContent = "Copy";
            button.addEventListener("click", function () { copy(pre.innerText.replace(/\\nCopy(ed)?$/, ""), button); });
            pre.appendChild(button);
          });
        })();
        """.split(separator: "\n").map(String.init)
}
