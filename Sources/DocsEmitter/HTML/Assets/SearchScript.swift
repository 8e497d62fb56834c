/// The page's search: `/` or Ctrl-K (⌘K) opens a box that finds operations, paths, types,
/// fields and parameters in the index (``SearchIndex``), grouped, best first, moved through
/// with the arrow keys. The index is read the first time the box opens, into one lowercase
/// string per group; each keystroke scans those strings and keeps the best few of each
/// group, so it stays fast on a large API and nothing is made per entry.
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
      // A parameter's location, as the index counts it.
      var LOCATIONS = ["path", "query", "header", "cookie"];
      var index = null, options = [], active = -1, returnFocus = null;

      // A group of entries to search, made from the index the first time the box opens: every
      // entry's words, lowercased, in one string (an entry a line, its name first), where
      // each entry starts and how long its name is. No object is made per entry: a keystroke
      // scans the string, and only the results shown are built (show). Fields and parameters
      // (ownedNames) are found by their names alone when the query is one word, and by their
      // type's or operation's name too when it is several ("Repository name").
      function group(count, name, rest, show, ownedNames) {
        var keys = new Array(count), parts = new Array(count), lengths = new Int32Array(count), i;
        for (i = 0; i < count; i++) {
          keys[i] = name(i);
          parts[i] = keys[i] + " " + rest(i);
        }
        var names = haystack(keys);
        for (i = 0; i < count; i++) { lengths[i] = names.starts[i + 1] - names.starts[i] - 1; }
        return { all: haystack(parts), names: ownedNames ? names : null, lengths: lengths, show: show };
      }
      // Strings lowercased and joined a line each, and where each starts.
      function haystack(strings) {
        var text = strings.join("\n"), lower = text.toLowerCase(), starts = new Int32Array(strings.length + 1), at = 0, i;
        if (lower.length !== text.length) {
          // Lowercasing changed some lengths (rare letters): lowercase string by string.
          strings = strings.map(function (string) { return string.toLowerCase(); });
          lower = strings.join("\n");
        }
        for (i = 0; i < strings.length; i++) {
          starts[i] = at;
          at += strings[i].length + 1;
        }
        starts[strings.length] = at;
        return { text: lower, starts: starts };
      }
      // For each field (or parameter), its type (or operation) and its place in that one's list.
      function pairs(owners, list) {
        var count = 0, i, at, next = 0;
        for (i = 0; i < owners.length; i++) { count += owners[i][list].length / 2; }
        var owner = new Int32Array(count), place = new Int32Array(count);
        for (i = 0; i < owners.length; i++) {
          for (at = 0; at < owners[i][list].length; at += 2) { owner[next] = i; place[next] = at; next++; }
        }
        return { owner: owner, place: place };
      }
      function load() {
        if (index) { return index; }
        var data = JSON.parse(document.getElementById("apigen-index").textContent);
        var operations = data.operations, types = data.types, fields = pairs(types, 3), parameters = pairs(operations, 5);
        index = {
          operations: group(operations.length, function (i) {
            return operations[i][0] + " " + operations[i][3];
          }, function (i) {
            return operations[i][1] + " " + operations[i][2] + " " + data.tags[operations[i][4]];
          }, function (i) {
            var o = operations[i];
            return { label: o[3], detail: o[2], href: "#" + o[0], method: o[1] };
          }),
          types: group(types.length, function (i) {
            return types[i][0];
          }, function (i) {
            return types[i][1] + " " + types[i][2];
          }, function (i) {
            var t = types[i];
            return { label: t[0], detail: t[1] + (t[2] ? " · " + t[2] : ""), href: "#model-" + t[0] };
          }),
          fields: group(fields.owner.length, function (i) {
            return types[fields.owner[i]][3][fields.place[i]];
          }, function (i) {
            return types[fields.owner[i]][0];
          }, function (i) {
            var owner = types[fields.owner[i]], at = fields.place[i];
            return { label: owner[0] + "." + owner[3][at], detail: data.fieldTypes[owner[3][at + 1]], href: "#model-" + owner[0] };
          }, true),
          parameters: group(parameters.owner.length, function (i) {
            return operations[parameters.owner[i]][5][parameters.place[i]];
          }, function (i) {
            return operations[parameters.owner[i]][0];
          }, function (i) {
            var owner = operations[parameters.owner[i]], at = parameters.place[i];
            return { label: owner[5][at], detail: LOCATIONS[owner[5][at + 1]] + " · " + owner[3], href: "#" + owner[0] };
          }, true)
        };
        // A scan of every entry now, while the box opens (tens of milliseconds on a large API):
        // the engine compiles the scan, so the first keystroke answers as fast as the next ones
        // rather than waiting on it.
        Object.keys(index).forEach(function (group) { best(index[group], "e", ["e"], LIMITS[group]); });
        return index;
      }

      // The best `limit` matches of one group, kept sorted as they are found (no sort of every
      // match). An entry matches when it holds every word: the longest word is looked for in
      // the whole string, the others in the entries it is found in. Lower ranks are better:
      // the name itself, then names that start with the query, names that hold the first
      // word, then any match; shorter names first.
      function best(g, query, words, limit) {
        var hay = words.length === 1 && g.names ? g.names : g.all;
        var text = hay.text, starts = hay.starts, names = g.lengths, top = [], count = 0, entry = 0;
        var lead = words[0], first = words[0], others = [];
        for (var w = 1; w < words.length; w++) { if (words[w].length > lead.length) { lead = words[w]; } }
        for (w = 0; w < words.length; w++) { if (words[w] !== lead) { others.push(words[w]); } }
        var at = text.indexOf(lead);
        while (at >= 0) {
          while (starts[entry + 1] <= at) { entry++; }
          var start = starts[entry], end = starts[entry + 1] - 1, ok = true;
          if (others.length) {
            var line = text.slice(start, end);
            for (w = 0; w < others.length && ok; w++) { ok = line.indexOf(others[w]) >= 0; }
          }
          if (ok) {
            count++;
            // The entry holds every word, the first too: looking for it stops within the entry.
            var name = names[entry], rank = Math.min(name, 999);
            if (query.length <= name && text.startsWith(query, start)) {
              rank += query.length === name ? 0 : 1000;
            } else {
              rank += text.indexOf(first, start) + first.length <= start + name ? 2000 : 3000;
            }
            if (top.length < limit || rank < top[top.length - 1].rank) {
              var place = top.length;
              while (place > 0 && top[place - 1].rank > rank) { place--; }
              top.splice(place, 0, { rank: rank, entry: entry });
              if (top.length > limit) { top.pop(); }
            }
          }
          at = text.indexOf(lead, end + 1);
        }
        return { count: count, items: top.map(function (hit) { return g.show(hit.entry); }) };
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
              badge.className = "m " + item.method.toLowerCase();
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
