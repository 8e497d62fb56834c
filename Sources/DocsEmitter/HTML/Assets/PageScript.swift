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
    /// in the navigation, tabs, unfolding types in place, and copy buttons.
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

      // The operation or type in view, marked in the navigation (its group opened) and kept visible there.
      var links = {};
      Array.prototype.forEach.call(nav.querySelectorAll("li a"), function (link) { links[link.getAttribute("href").slice(1)] = link; });
      var current = null;
      function mark(id) {
        var link = links[id];
        if (!link || link === current) { return; }
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

      // Tabs (WAI-ARIA): click or arrow keys. A language picked once applies to every operation and is remembered.
      // Several tabs may show one panel (statuses with the same example): panels follow the chosen tab.
      function select(tab) {
        Array.prototype.forEach.call(tab.parentNode.querySelectorAll("[role=tab]"), function (other) {
          var on = other === tab;
          other.setAttribute("aria-selected", on ? "true" : "false");
          other.tabIndex = on ? 0 : -1;
          var panel = document.getElementById(other.getAttribute("aria-controls"));
          if (panel) { panel.classList.remove("is-active"); }
        });
        var chosen = document.getElementById(tab.getAttribute("aria-controls"));
        if (chosen) { chosen.classList.add("is-active"); }
      }
      function selectLanguage(language) {
        Array.prototype.forEach.call(document.querySelectorAll("[role=tab][data-lang]"), function (tab) {
          if (tab.getAttribute("data-lang") === language && tab.getAttribute("aria-selected") !== "true") { select(tab); }
        });
      }
      document.addEventListener("click", function (event) {
        var tab = event.target.closest("[role=tab]");
        if (!tab) { return; }
        var language = tab.getAttribute("data-lang");
        if (language) {
          var top = tab.getBoundingClientRect().top;
          selectLanguage(language);
          store("apigen-language", language);
          window.scrollBy(0, tab.getBoundingClientRect().top - top); // other panels changed height: stay put
        } else {
          select(tab);
        }
      });
      document.addEventListener("keydown", function (event) {
        var tab = event.target.closest && event.target.closest("[role=tab]");
        if (!tab) { return; }
        var tabs = Array.prototype.slice.call(tab.parentNode.querySelectorAll("[role=tab]"));
        var index = tabs.indexOf(tab);
        var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) { return; }
        event.preventDefault();
        next = tabs[(next + tabs.length) % tabs.length];
        next.focus();
        next.click();
      });
      var language = stored("apigen-language");
      if (language) { selectLanguage(language); }

      // Unfolding a type in place: its own view is copied in the first time it opens. Bodies that
      // start unfolded are filled when they come near the window, so a large page stays quick.
      function fill(fold) {
        if (fold.hasAttribute("data-filled")) { return; }
        var source = document.getElementById("model-" + fold.getAttribute("data-type"));
        var schema = source && source.querySelector(".schema");
        if (!schema) { return; }
        var nested = fold.querySelector(".nested");
        nested.textContent = "";
        nested.appendChild(schema.cloneNode(true));
        fold.setAttribute("data-filled", "");
      }
      document.addEventListener("toggle", function (event) {
        var fold = event.target;
        if (fold.classList && fold.classList.contains("unfold") && fold.open) { fill(fold); }
      }, true);
      // What is on screen, found by asking what lies at a few points of the window (no observer
      // watches the page's thousands of sections, which would slow every frame on a large API):
      // the section at the top is marked in the navigation, and the bodies that start unfolded in
      // every section in view are filled.
      function sectionAt(y) {
        var main = document.getElementById("main").getBoundingClientRect();
        var element = document.elementFromPoint(Math.max(main.left, 0) + 24, y);
        return element && element.closest ? element.closest("section.op, section.type-view") : null;
      }
      function onScreen() {
        var top = sectionAt(90);
        if (top) { mark(top.id); }
        [90, window.innerHeight / 2, window.innerHeight - 10].forEach(function (y) {
          var section = sectionAt(y);
          if (section) { Array.prototype.forEach.call(section.querySelectorAll("details.unfold[open]:not([data-filled])"), fill); }
        });
      }
      var pending = false;
      window.addEventListener("scroll", function () {
        if (pending) { return; }
        pending = true;
        requestAnimationFrame(function () { pending = false; onScreen(); });
      }, { passive: true });
      window.addEventListener("resize", onScreen);
      window.addEventListener("hashchange", function () { requestAnimationFrame(onScreen); });
      requestAnimationFrame(onScreen);

      // Copy buttons: the code panels and type examples have theirs; code in descriptions gets one here.
      Array.prototype.forEach.call(document.querySelectorAll(".overview pre, .chapter-head pre, .op-doc pre, .type-view pre"), function (pre) {
        if (pre.querySelector(".copy")) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy";
        button.textContent = "Copy";
        pre.appendChild(button);
      });
      function copy(text, button) {
        function done(label) { button.textContent = label; setTimeout(function () { button.textContent = "Copy"; }, 1500); }
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
          button.focus();
          done(copied ? "Copied" : "Press Ctrl+C");
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { done("Copied"); }, fallback);
        } else {
          fallback();
        }
      }
      document.addEventListener("click", function (event) {
        var button = event.target.closest(".copy");
        if (!button) { return; }
        var holder = button.closest("pre") || button.closest(".panel").querySelector(".tabpanel.is-active");
        var code = holder && holder.querySelector("code");
        if (code) { copy(code.textContent, button); }
      });
    })();
    """#
}
