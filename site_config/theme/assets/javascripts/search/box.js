/* Arshif's header search box (partials/search.html): loads search.js the first time the reader
   searches (focus, typing, the search toggle, or the keys / s f), never before. One small file,
   cached once for the whole site, instead of the same script inlined in every page. */
(function () {
  var box = document.querySelector("[data-arshif-search]");
  if (!box) return;
  var root = new URL(box.getAttribute("data-arshif-root") || "./", location.href).href;
  var started = null;
  function start() {
    if (!started) {
      started = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = root + "assets/javascripts/search/search.js";
        s.onload = resolve;
        s.onerror = reject;
        document.head.appendChild(s);
      }).then(function () { return window.ArshifSearch.start(root); });
    }
    return started;
  }
  window.arshifSearchStart = start;
  var input = box.querySelector(".md-search__input");
  var toggle = document.getElementById("__search");
  input.addEventListener("focus", start);
  input.addEventListener("input", start);
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) { start(); input.focus(); }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
    if (e.key === "/" || e.key === "s" || e.key === "f") {
      e.preventDefault();
      if (toggle) toggle.checked = true;
      input.focus();
    }
  });
  function page() { if (document.getElementById("arshif-search-page")) start(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page); else page();
})();
