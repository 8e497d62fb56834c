/// The page's JavaScript, apart from the search (``SearchScript``). It only adds to a page
/// that is complete without it, and never writes markup: text goes in as text.
enum PageScript {
    /// In `<head>`, before the first paint: marks the page as scripted and applies the theme
    /// the reader picked last time, so the page never flashes the other one.
    static let theme: StaticString = #"""
    (function () {
      var root = document.documentElement;
      root.classList.add("js");
      try {
        var theme = localStorage.getItem("apigen-theme");
        if (theme === "light" || theme === "dark") { root.setAttribute("data-theme", theme); }
      } catch (error) { /* storage may be off for file:// pages; the system theme applies */ }
    })();
    """#

    /// At the end of `<body>`: the theme switch, the phone menu, the operation in view marked
    /// in the navigation, and each section made interactive the first time it comes into view
    /// (tabs, folding responses, types that unfold in place, copy buttons), so the work at
    /// load does not grow with the API.
    static let source: StaticString = #"""
    (function () {
      "use strict";
      var root = document.documentElement;
      function store(key, value) { try { localStorage.setItem(key, value); } catch (error) { /* not kept */ } }
      function stored(key) { try { return localStorage.getItem(key); } catch (error) { return null; } }

      // Theme: the system's until the reader picks one; the pick is remembered.
      var themeButton = document.getElementById("apigen-theme");
      var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
      function theme() { return root.getAttribute("data-theme") || (darkQuery && darkQuery.matches ? "dark" : "light"); }
      function showTheme() {
        var dark = theme() === "dark";
        themeButton.setAttribute("aria-pressed", dark ? "true" : "false");
        themeButton.title = dark ? "Dark theme: on" : "Dark theme: off";
      }
      themeButton.addEventListener("click", function () {
        var next = theme() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        store("apigen-theme", next);
        showTheme();
      });
      if (darkQuery && darkQuery.addEventListener) { darkQuery.addEventListener("change", showTheme); }
      themeButton.hidden = false;
      showTheme();

      // The phone menu: the navigation slides in over the page.
      var menu = document.getElementById("apigen-menu");
      var nav = document.getElementById("apigen-nav");
      function setMenu(open) {
        document.body.classList.toggle("nav-open", open);
        menu.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) { (nav.querySelector("[aria-current]") || nav.querySelector("a")).focus(); }
      }
      menu.hidden = false;
      menu.addEventListener("click", function () { setMenu(!document.body.classList.contains("nav-open")); });
      nav.addEventListener("click", function (event) {
        if (event.target.closest("a") && document.body.classList.contains("nav-open")) { setMenu(false); }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && document.body.classList.contains("nav-open")) { setMenu(false); menu.focus(); }
      });

      // The operation or type in view, marked in the navigation (its group opened) and kept
      // visible there. The link is looked up when the section changes: nothing is indexed at load.
      var current = null;
      function mark(id) {
        if (current && current.getAttribute("href") === "#" + id) { return; }
        var link = null;
        try { link = nav.querySelector("li a[href=\"#" + CSS.escape(id) + "\"]"); } catch (error) { return; }
        if (!link) { return; }
        if (current) { current.removeAttribute("aria-current"); }
        current = link;
        link.setAttribute("aria-current", "true");
        var group = link.closest("details");
        if (group && !group.open) { group.open = true; }
        var box = nav.getBoundingClientRect(), place = link.getBoundingClientRect();
        if (place.top < box.top + 40 || place.bottom > box.bottom - 40) {
          nav.scrollTop += place.top - box.top - box.height / 3;
        }
      }
      function followHash() {
        try { if (location.hash) { mark(decodeURIComponent(location.hash.slice(1))); } } catch (error) { /* not an id of ours */ }
      }
      window.addEventListener("hashchange", followHash);
      followHash();

      // A section is made interactive the first time it comes into view (``enhance``): its
      // panels become tabs, its types get folds, its code gets copy buttons. Until then it is
      // the plain page, which CSS already shows as it will look.
      function each(list, action) { Array.prototype.forEach.call(list, action); }
      function element(tag, className, text) {
        var made = document.createElement(tag);
        if (className) { made.className = className; }
        if (text !== undefined) { made.textContent = text; }
        return made;
      }
      function button(className, text) {
        var made = element("button", className, text);
        made.type = "button";
        return made;
      }
      function enhance(section) {
        if (!section || section.tagName !== "SECTION" || section.hasAttribute("data-ready")) { return; }
        section.setAttribute("data-ready", "");
        each(section.querySelectorAll("[data-tabs]"), tabs);
        each(section.querySelectorAll(".response > p:first-child"), responseToggle);
        folds(section);
        copies(section);
        var head = section.parentNode.firstElementChild;
        if (head && head.classList.contains("chapter-head")) { copies(head); }
      }

      // Tabs (WAI-ARIA) from a panel's labels: a tab per label, each showing its example.
      // Several tabs may show one example (statuses with the same body). A language picked
      // once applies to every operation, those made into tabs later too, and is remembered.
      var language = stored("apigen-language");
      function statusClass(status) { return /^[1-5]/.test(status) ? "s" + status.charAt(0) + "xx" : "sdefault"; }
      function tabs(panel) {
        var key = panel.getAttribute("data-tabs"), base = panel.closest("section").id + "--" + key;
        var title = panel.firstElementChild, head = element("div", "panel-head");
        var list = element("div", "tablist"), chosen = null;
        list.setAttribute("role", "tablist");
        list.setAttribute("aria-label", title.textContent + " examples");
        each(panel.querySelectorAll(".ex"), function (item, index) {
          var caption = item.firstElementChild.textContent, lang = item.getAttribute("data-lang");
          item.id = base + "-panel" + index;
          item.setAttribute("role", "tabpanel");
          item.querySelector("pre").tabIndex = 0;
          (lang ? [caption] : caption.split(", ")).forEach(function (label, position) {
            var tab = button(key === "response" ? "status-tab " + statusClass(label) : "", label);
            tab.id = base + "-tab" + list.children.length;
            tab.setAttribute("role", "tab");
            tab.setAttribute("aria-controls", item.id);
            if (position === 0) { item.setAttribute("aria-labelledby", tab.id); }
            if (lang) {
              tab.setAttribute("data-lang", lang);
              if (lang === language) { chosen = tab; }
            }
            list.appendChild(tab);
          });
        });
        head.append(element("span", "panel-title", title.textContent), list, button("copy", "Copy"));
        title.replaceWith(head);
        panel.classList.add("tabbed");
        select(chosen || list.firstChild);
      }
      function select(tab) {
        each(tab.parentNode.children, function (other) {
          var on = other === tab;
          other.setAttribute("aria-selected", on ? "true" : "false");
          other.tabIndex = on ? 0 : -1;
          var panel = document.getElementById(other.getAttribute("aria-controls"));
          if (panel) { panel.classList.remove("is-active"); }
        });
        var shown = document.getElementById(tab.getAttribute("aria-controls"));
        if (shown) { shown.classList.add("is-active"); }
      }
      function selectLanguage(lang) {
        each(document.querySelectorAll("[role=tab][data-lang]"), function (tab) {
          if (tab.getAttribute("data-lang") === lang && tab.getAttribute("aria-selected") !== "true") { select(tab); }
        });
      }
      document.addEventListener("click", function (event) {
        var tab = event.target.closest("[role=tab]");
        if (!tab) { return; }
        var lang = tab.getAttribute("data-lang");
        if (lang) {
          var top = tab.getBoundingClientRect().top;
          language = lang;
          selectLanguage(lang);
          store("apigen-language", lang);
          window.scrollBy(0, tab.getBoundingClientRect().top - top); // other panels changed height: stay put
        } else {
          select(tab);
        }
      });
      document.addEventListener("keydown", function (event) {
        var tab = event.target.closest && event.target.closest("[role=tab]");
        if (!tab) { return; }
        var all = Array.prototype.slice.call(tab.parentNode.children);
        var index = all.indexOf(tab);
        var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1 }[event.key];
        if (next === undefined) { return; }
        event.preventDefault();
        next = all[(next + all.length) % all.length];
        next.focus();
        next.click();
      });

      // Responses fold (the first success starts open, as CSS shows before the script gets
      // here): the head is a button, or holds one when the description has links.
      function responseToggle(head) {
        var toggle = button("response-toggle");
        toggle.setAttribute("aria-expanded", head.parentNode.classList.contains("open") ? "true" : "false");
        if (head.querySelector("a")) { toggle.appendChild(head.firstElementChild); } else { toggle.append.apply(toggle, Array.prototype.slice.call(head.childNodes)); }
        head.insertBefore(toggle, head.firstChild);
      }
      document.addEventListener("click", function (event) {
        var head = event.target.closest(".response > p:first-child");
        if (!head || event.target.closest("a")) { return; }
        var open = head.parentNode.classList.toggle("open"), toggle = head.querySelector(".response-toggle");
        if (toggle) { toggle.setAttribute("aria-expanded", open ? "true" : "false"); }
      });

      // Unfolding a type in place: after an element marked data-unfold (in it, for a list
      // item), a fold for the first type it links to: a button (aria-expanded) and a box the
      // first opening fills with a copy of the type's own view (with folds of its own, closed).
      // A fold marked data-open starts open and is filled at once. A button, not <details>:
      // Chromium restyles far more than the new element for each <details> added to a large
      // page, and folds are added as the reader scrolls.
      function folds(scope) {
        each(scope.querySelectorAll("[data-unfold]"), function (marker) {
          var link = marker.querySelector("a[href^='#model-']");
          if (!link) { return; }
          var name = link.getAttribute("href").slice(7), fold = element("div", "unfold"), nested = element("div", "nested");
          var toggle = button("", name);
          toggle.setAttribute("aria-expanded", "false");
          nested.hidden = true;
          fold.setAttribute("data-type", name);
          fold.append(toggle, nested);
          if (marker.tagName === "LI") { marker.appendChild(fold); } else { marker.after(fold); }
          if (marker.hasAttribute("data-open")) { setFold(fold, true); }
        });
      }
      function setFold(fold, open) {
        fold.firstElementChild.setAttribute("aria-expanded", open ? "true" : "false");
        fold.lastElementChild.hidden = !open;
        if (open) { fill(fold); }
      }
      function fill(fold) {
        if (fold.hasAttribute("data-filled")) { return; }
        var source = document.getElementById("model-" + fold.getAttribute("data-type"));
        var schema = source && source.querySelector(".schema");
        if (!schema) { return; }
        var copy = schema.cloneNode(true);
        each(copy.querySelectorAll(".unfold"), function (made) { made.remove(); }); // the view's own folds, perhaps open
        folds(copy);
        fold.lastElementChild.replaceChildren(copy);
        fold.setAttribute("data-filled", "");
      }
      document.addEventListener("click", function (event) {
        var toggle = event.target.closest(".unfold > button");
        if (toggle) { setFold(toggle.parentNode, toggle.getAttribute("aria-expanded") !== "true"); }
      });

      // Copy buttons: each panel has one in its head; code in descriptions and type examples gets its own.
      function copies(scope) {
        each(scope.querySelectorAll("pre"), function (pre) {
          if (!pre.closest(".ex") && !pre.querySelector(".copy")) { pre.appendChild(button("copy", "Copy")); }
        });
      }
      copies(document.querySelector(".overview"));
      function copy(text, control) {
        function done(label) { control.textContent = label; setTimeout(function () { control.textContent = "Copy"; }, 1500); }
        function fallback() {
          var area = document.createElement("textarea");
          area.value = text;
          area.setAttribute("readonly", "");
          area.style.position = "fixed";
          area.style.opacity = "0";
          document.body.appendChild(area);
          area.select();
          var copied = false;
          try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
          document.body.removeChild(area);
          control.focus();
          done(copied ? "Copied" : "Press Ctrl+C");
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { done("Copied"); }, fallback);
        } else {
          fallback();
        }
      }
      document.addEventListener("click", function (event) {
        var control = event.target.closest(".copy");
        if (!control) { return; }
        var pre = control.closest("pre"), code = pre ? pre.querySelector("code") : null;
        if (!pre) { pre = control.closest(".panel").querySelector(".ex.is-active pre"); }
        if (pre) { copy((code || pre).textContent, control); }
      });

      // What is on screen, found by asking what lies at a few points of the window (no observer
      // watches the page's thousands of sections, which would slow every frame on a large API):
      // the section at the top is marked in the navigation; the sections in view, and their
      // neighbours, are made interactive before they are reached.
      function sectionAt(y) {
        var main = document.getElementById("main").getBoundingClientRect();
        var found = document.elementFromPoint(Math.max(main.left, 0) + 24, y);
        return found && found.closest ? found.closest("section.op, section.type-view") : null;
      }
      function onScreen() {
        var top = sectionAt(90);
        if (top) { mark(top.id); }
        [90, window.innerHeight / 2, window.innerHeight - 10].forEach(function (y) {
          var section = sectionAt(y);
          if (!section) { return; }
          enhance(section.previousElementSibling);
          enhance(section);
          enhance(section.nextElementSibling);
        });
      }
      var pending = false;
      window.addEventListener("scroll", function () {
        if (pending) { return; }
        pending = true;
        requestAnimationFrame(function () { pending = false; onScreen(); });
      }, { passive: true });
      window.addEventListener("resize", onScreen);
      window.addEventListener("hashchange", function () {
        var target = null;
        try { target = document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (error) { target = null; }
        if (target && target.matches("section.op, section.type-view")) { enhance(target); }
        requestAnimationFrame(onScreen);
      });
      requestAnimationFrame(onScreen);
    })();
    """#
}
