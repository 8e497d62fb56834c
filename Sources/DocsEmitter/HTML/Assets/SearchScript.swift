/// The page's search: `/` or Ctrl-K (⌘K) opens a box that finds operations, paths, types,
/// fields and parameters in the index (``SearchIndex``), grouped, best first, moved through
/// with the arrow keys. The index is read the first time the box opens. Each keystroke scans
/// every entry once and keeps the best few of each group, so it stays fast on a large API.
enum SearchScript {
    static let source: StaticString = #"""
    (function () {
      "use strict";
      var dialog = document.getElementById("apigen-search");
      var input = document.getElementById("apigen-q");
      var list = document.getElementById("apigen-results");
      var status = document.getElementById("apigen-search-status");
      var opener = document.getElementById("apigen-search-open");
      var closer = document.getElementById("apigen-search-close");
      // How many results each group shows.
      var LIMITS = { operations: 8, types: 6, fields: 6, parameters: 6 };
      var TITLES = { operations: "Operations", types: "Types", fields: "Fields", parameters: "Parameters" };
      var index = null, options = [], active = -1, returnFocus = null;

      // Each entry: what it is called (key, matched first), everything it can be found by (text), and where it goes.
      function entry(key, text, label, detail, href, method) {
        return { key: key.toLowerCase(), text: text.toLowerCase(), label: label, detail: detail, href: href, method: method };
      }
      function load() {
        if (index) { return index; }
        var data = JSON.parse(document.getElementById("apigen-index").textContent);
        index = { operations: [], types: [], fields: [], parameters: [] };
        data.operations.forEach(function (o) {
          index.operations.push(entry(o[0] + " " + o[3], o.join(" "), o[3], o[2], "#" + o[0], o[1]));
        });
        data.types.forEach(function (t) {
          index.types.push(entry(t[0], t.join(" "), t[0], t[1] + (t[2] ? " · " + t[2] : ""), "#model-" + t[0]));
        });
        data.fields.forEach(function (f) {
          var owner = data.types[f[0]][0];
          index.fields.push(entry(f[1], f[1] + " " + owner, owner + "." + f[1], f[2], "#model-" + owner));
        });
        data.parameters.forEach(function (p) {
          var operation = data.operations[p[0]];
          index.parameters.push(entry(p[1], p[1] + " " + operation[0], p[1], p[2] + " · " + operation[3], "#" + operation[0]));
        });
        return index;
      }

      // Lower is better: the name itself, then names that start with the query, contain it, then any match.
      function score(item, query, words) {
        if (item.key === query) { return 0; }
        if (item.key.lastIndexOf(query, 0) === 0) { return 1; }
        if (item.key.indexOf(words[0]) >= 0) { return 2; }
        return 3;
      }
      // The best `limit` matches of one group, kept sorted as they are found (no sort of every match).
      function best(items, query, words, limit) {
        var top = [], count = 0;
        for (var i = 0; i < items.length; i++) {
          var item = items[i], ok = true;
          for (var w = 0; w < words.length; w++) { if (item.text.indexOf(words[w]) < 0) { ok = false; break; } }
          if (!ok) { continue; }
          count++;
          var rank = score(item, query, words) * 1000 + Math.min(item.key.length, 999);
          if (top.length === limit && rank >= top[limit - 1].rank) { continue; }
          var at = top.length;
          while (at > 0 && top[at - 1].rank > rank) { at--; }
          top.splice(at, 0, { rank: rank, item: item });
          if (top.length > limit) { top.pop(); }
        }
        return { count: count, items: top.map(function (hit) { return hit.item; }) };
      }

      // The label with the first word marked, written as text nodes (never as markup).
      function marked(label, word) {
        var span = document.createElement("span");
        span.className = "result-main";
        var at = word ? label.toLowerCase().indexOf(word) : -1;
        if (at < 0) { span.textContent = label; return span; }
        var mark = document.createElement("mark");
        mark.textContent = label.slice(at, at + word.length);
        span.append(label.slice(0, at), mark, label.slice(at + word.length));
        return span;
      }

      function search() {
        var query = input.value.trim().toLowerCase();
        var words = query.split(/\s+/).filter(Boolean);
        list.textContent = "";
        options = [];
        active = -1;
        if (!words.length) { status.textContent = "Type to search. ↑ ↓ to move, Enter to open, Esc to close."; select(-1); return; }
        var data = load(), total = 0, fragment = document.createDocumentFragment();
        Object.keys(LIMITS).forEach(function (group) {
          var found = best(data[group], query, words, LIMITS[group]);
          total += found.count;
          if (!found.items.length) { return; }
          var box = document.createElement("div");
          box.setAttribute("role", "group");
          box.setAttribute("aria-labelledby", "apigen-group-" + group);
          var title = document.createElement("div");
          title.className = "result-group";
          title.id = "apigen-group-" + group;
          title.textContent = TITLES[group] + (found.count > found.items.length ? " (" + found.items.length + " of " + found.count + ")" : "");
          box.appendChild(title);
          found.items.forEach(function (item) {
            var option = document.createElement("div");
            option.className = "result";
            option.id = "apigen-result-" + options.length;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-href", item.href);
            if (item.method) {
              var badge = document.createElement("span");
              badge.className = "method " + item.method.toLowerCase();
              badge.textContent = item.method;
              option.appendChild(badge);
            }
            option.appendChild(marked(item.label, words[0]));
            var detail = document.createElement("span");
            detail.className = "result-detail";
            detail.textContent = item.detail;
            option.appendChild(detail);
            box.appendChild(option);
            options.push(option);
          });
          fragment.appendChild(box);
        });
        list.appendChild(fragment);
        status.textContent = total ? total + (total === 1 ? " result" : " results") + ". ↑ ↓ to move, Enter to open, Esc to close." : "Nothing matches “" + input.value.trim() + "”.";
        select(options.length ? 0 : -1);
      }

      function select(position) {
        if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
        active = position;
        if (active >= 0) {
          options[active].setAttribute("aria-selected", "true");
          input.setAttribute("aria-activedescendant", options[active].id);
          options[active].scrollIntoView({ block: "nearest" });
        } else {
          input.removeAttribute("aria-activedescendant");
        }
      }

      function go(option) {
        var href = option.getAttribute("data-href");
        close(false);
        var target = document.getElementById(href.slice(1));
        if (location.hash === href && target) { target.scrollIntoView(); } else { location.hash = href; }
        if (target) {
          var heading = target.querySelector("h2, h3") || target;
          heading.setAttribute("tabindex", "-1");
          heading.focus({ preventScroll: true });
        }
      }

      function open() {
        if (!dialog.hidden) { return; }
        returnFocus = document.activeElement;
        dialog.hidden = false;
        document.body.style.overflow = "hidden";
        load(); // the index is read once, when the box first opens, so no keystroke waits for it
        input.focus();
        input.select();
        search();
      }
      function close(restore) {
        dialog.hidden = true;
        document.body.style.overflow = "";
        if (restore !== false && returnFocus && returnFocus.focus) { returnFocus.focus(); }
      }

      input.addEventListener("input", search);
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          if (options.length) { select((active + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length); }
        } else if (event.key === "Enter" && active >= 0) {
          event.preventDefault();
          go(options[active]);
        }
      });
      list.addEventListener("click", function (event) {
        var option = event.target.closest("[role=option]");
        if (option) { go(option); }
      });
      list.addEventListener("mousemove", function (event) {
        var option = event.target.closest("[role=option]");
        if (option) { select(options.indexOf(option)); }
      });
      dialog.addEventListener("click", function (event) { if (event.target === dialog) { close(); } });
      dialog.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); close(); }
        if (event.key === "Tab") { event.preventDefault(); (document.activeElement === input ? closer : input).focus(); }
      });
      closer.addEventListener("click", function () { close(); });
      opener.addEventListener("click", open);
      opener.hidden = false;
      document.addEventListener("keydown", function (event) {
        var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName) || event.target.isContentEditable;
        if ((event.key === "/" && !typing) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k")) {
          event.preventDefault();
          open();
        }
      });
    })();
    """#
}
