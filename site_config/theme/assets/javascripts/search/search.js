/* Arshif search: queries the prebuilt, sharded lunr index (see generator/search/indexer.py).
 *
 * Loaded by the small loader in partials/search.html the first time the reader focuses a search
 * box. It fetches search-index/manifest.json, then for every query only the term shards holding
 * the query's terms and the record chunks of the results shown. The shards loaded so far are
 * assembled into a lunr.Index (inverted index + the field-vector entries of the loaded terms), so
 * the scores are lunr's own. Words are matched through their proclitic readings (analyzer.js);
 * every query word must match.
 */
(function () {
  "use strict";

  var LITERAL_BOOST = 4; /* a word as typed ranks above its shorter readings */
  var HEADER_PAGE = 10;
  var SEARCH_PAGE = 20;
  var UNDATED = "undated";
  var SNIPPET_CHARS = 240;
  var MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
    "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"];

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  /* ---- engine ------------------------------------------------------------------------------- */

  function Engine(indexUrl) {
    this.url = indexUrl;
    this.manifest = null;
    this.shards = {};        /* shard number → Promise */
    this.inverted = {};      /* term → lunr posting {_index, field: {ref: {}}} */
    this.vectors = {};       /* "field/ref" → lunr.Vector of the loaded terms */
    this.index = null;
    this.chunks = {};        /* "r/k" or "f/k" → Promise */
  }

  /* The manifest is revalidated on every page load (it names the build); the other files carry
   * the build in their URL, so a cached copy from an older build is never mixed in. */
  Engine.prototype.json = function (rel) {
    var v = this.manifest ? "?v=" + this.manifest.build : "";
    return fetch(this.url + rel + v, this.manifest ? {} : { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(rel + ": HTTP " + r.status);
      return r.json();
    });
  };

  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = this.json("manifest.json").then(function (m) { self.manifest = m; return self; });
    }
    return this._ready;
  };

  Engine.prototype.shardOf = function (term) {
    var first = this.manifest.shards, lo = 0, hi = first.length - 1;
    while (lo < hi) {                 /* last shard whose first term <= term */
      var mid = (lo + hi + 1) >> 1;
      if (first[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  /* Varints as written by generator/search/indexer.py encode_varints. */
  var TERMINAL = "0123456789abcdefghijklmnopqrstuv", CONTINUATION = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = {};
  (function () {
    for (var i = 0; i < 32; i++) {
      DIGIT[TERMINAL.charCodeAt(i)] = i;
      DIGIT[CONTINUATION.charCodeAt(i)] = i + 32;
    }
  })();

  function decodeVarints(text) {
    var out = [], acc = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charCodeAt(i)];
      if (d < 32) { out.push(acc * 32 + d); acc = 0; } else acc = acc * 32 + d - 32;
    }
    return out;
  }

  Engine.prototype.addShard = function (data) {
    var fields = this.manifest.fields, self = this;
    Object.keys(data).forEach(function (term) {
      if (self.inverted[term]) return;
      var row = data[term], termIndex = row[0], posting = { _index: termIndex };
      fields.forEach(function (field, fi) {
        var flat = decodeVarints(row[fi + 1]), refs = {};
        if (flat.length) {
          var n = 0;
          for (var i = 0; i < flat.length; i += 2) {
            n += flat[i];
            refs[n] = {};
            var key = field + "/" + n;
            var vec = self.vectors[key] || (self.vectors[key] = new lunr.Vector());
            vec.upsert(termIndex, flat[i + 1] / 1000, function (a) { return a; });
          }
        }
        posting[field] = refs;
      });
      self.inverted[term] = posting;
    });
    this.index = null;
  };

  Engine.prototype.ensureTerms = function (terms) {
    var self = this, wanted = {};
    if (!this.manifest.shards.length) { return Promise.resolve([]); }  /* an empty archive */
    terms.forEach(function (t) { wanted[self.shardOf(t)] = true; });
    return Promise.all(Object.keys(wanted).map(function (k) {
      if (!self.shards[k]) {
        self.shards[k] = self.json("t/" + k + ".json").then(function (d) { self.addShard(d); });
      }
      return self.shards[k];
    }));
  };

  Engine.prototype.lunrIndex = function () {
    if (!this.index) {
      this.index = new lunr.Index({
        invertedIndex: this.inverted,
        fieldVectors: this.vectors,
        tokenSet: lunr.TokenSet.fromArray(Object.keys(this.inverted).sort()),
        fields: this.manifest.fields,
        pipeline: new lunr.Pipeline()
      });
    }
    return this.index;
  };

  /* Documents holding one query word under any of its readings, in any field. */
  Engine.prototype.docsFor = function (forms) {
    var self = this, set = {};
    forms.forEach(function (t) {
      var p = self.inverted[t];
      if (!p) return;
      self.manifest.fields.forEach(function (f) {
        for (var ref in p[f]) set[ref] = true;
      });
    });
    return set;
  };

  /* → Promise of {words, hits: [{n, score}]}, best first; every word must match. */
  Engine.prototype.search = function (query) {
    var self = this, words = ArshifAnalyzer.queryWords(query);
    if (!words.length) return Promise.resolve({ words: words, hits: [] });
    var terms = [].concat.apply([], words);
    return this.ready().then(function () { return self.ensureTerms(terms); }).then(function () {
      var allowed = null;
      words.forEach(function (forms) {
        var set = self.docsFor(forms);
        if (allowed === null) { allowed = set; return; }
        var next = {};
        for (var ref in allowed) if (set[ref]) next[ref] = true;
        allowed = next;
      });
      if (!Object.keys(allowed).length) return { words: words, hits: [] };
      var results = self.lunrIndex().query(function (q) {
        words.forEach(function (forms) {
          forms.forEach(function (t, i) {
            if (self.inverted[t]) q.term(t, { usePipeline: false, boost: i === 0 ? LITERAL_BOOST : 1 });
          });
        });
      });
      var hits = results.filter(function (r) { return allowed[r.ref]; })
        .map(function (r) { return { n: Number(r.ref), score: r.score }; });
      hits.sort(function (a, b) { return (b.score - a.score) || (a.n - b.n); });
      return { words: words, hits: hits };
    });
  };

  Engine.prototype.chunk = function (kind, k) {
    var key = kind + "/" + k;
    if (!this.chunks[key]) this.chunks[key] = this.json(key + ".json");
    return this.chunks[key];
  };

  /* Display records [url, title, date, outlet, excerpt] of documents `ns`, in that order. */
  Engine.prototype.records = function (ns) {
    var self = this, size = this.manifest.recordChunk;
    return Promise.all(ns.map(function (n) {
      return self.chunk("r", Math.floor(n / size)).then(function (rows) { return rows[n % size]; });
    }));
  };

  /* Facet rows [year, outlet, [entities]] of documents `ns`, plus the labels. */
  Engine.prototype.facets = function (ns) {
    var self = this, size = this.manifest.facetChunk, wanted = {};
    ns.forEach(function (n) { wanted[Math.floor(n / size)] = true; });
    return Promise.all([this.chunk("f", "meta")].concat(Object.keys(wanted).map(function (k) {
      return self.chunk("f", k);
    }))).then(function () {
      return self.chunk("f", "meta").then(function (meta) {
        return Promise.all(ns.map(function (n) {
          return self.chunk("f", Math.floor(n / size)).then(function (rows) { return rows[n % size]; });
        })).then(function (rows) { return { meta: meta, rows: rows }; });
      });
    });
  };

  /* ---- display ------------------------------------------------------------------------------ */

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function termSet(words) {
    var set = {};
    words.forEach(function (forms) { forms.forEach(function (t) { set[t] = true; }); });
    return set;
  }

  /* Escape `text` and wrap every word that matches the query in <mark>. */
  function highlight(text, terms) {
    return String(text).split(/(\s+)/).map(function (chunk) {
      if (!matchesTerms(chunk, terms)) return esc(chunk);
      var m = /^([^\s\w\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]*)([\s\S]*?)([^\s\w\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]*)$/.exec(chunk);
      return esc(m[1]) + "<mark>" + esc(m[2]) + "</mark>" + esc(m[3]);
    }).join("");
  }

  function matchesTerms(chunk, terms) {
    return ArshifAnalyzer.tokenize(chunk).some(function (tok) {
      return ArshifAnalyzer.forms(tok).some(function (f) { return terms[f]; });
    });
  }

  /* The part of `text` around the first word that matches the query (the start when none does). */
  function snippet(text, terms, size) {
    var words = String(text).split(/\s+/), at = -1, i;
    for (i = 0; i < words.length && at < 0; i++) if (matchesTerms(words[i], terms)) at = i;
    var start = 0;
    if (at > 0 && words.slice(0, at).join(" ").length > size / 2) {
      start = at;
      while (start > 0 && words.slice(start - 1, at).join(" ").length < size / 4) start--;
    }
    var out = [], len = 0;
    for (i = start; i < words.length && len < size; i++) { out.push(words[i]); len += words[i].length + 1; }
    var more = i < words.length;
    return (start > 0 ? "… " : "") + out.join(" ") + (more ? " …" : "");
  }

  function arabicDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return "غير مؤرخ";
    return Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1];
  }

  /* "N results" by the CLDR plural rules of Arabic (Intl.PluralRules), as generator/plurals.py does
   * with Babel: 3–10 and 103–110 نتائج, 11–99 نتيجة, 100–102 نتيجة … */
  var PLURAL = new Intl.PluralRules("ar");
  var COLLATOR = new Intl.Collator("ar");
  var RESULTS = { zero: "لا توجد نتائج", one: "نتيجة واحدة", two: "نتيجتان", few: "{n} نتائج",
                  many: "{n} نتيجة", other: "{n} نتيجة" };
  function countText(n) {
    return RESULTS[PLURAL.select(n)].replace("{n}", String(n));
  }

  function resultHtml(rec, words, root, n) {
    var terms = termSet(words);
    return '<li class="md-search-result__item arshif-result" data-doc="' + n + '">' +
      '<a href="' + esc(root + rec[0]) + '" class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-typeset">' +
      "<h1><bdi>" + highlight(rec[1], terms) + "</bdi></h1>" +
      '<p class="arshif-result__meta"><time datetime="' + esc(rec[2]) + '">' + esc(arabicDate(rec[2])) +
      "</time>" + (rec[3] ? ' · <bdi class="arshif-result__outlet">' + esc(rec[3]) + "</bdi>" : "") +
      "</p><p class=\"arshif-result__snippet\">" + highlight(snippet(rec[4], terms, SNIPPET_CHARS), terms) + "</p>" +
      "</article></a></li>";
  }

  var STYLE = [
    ".arshif-result mark{background:var(--md-accent-fg-color--transparent);color:inherit;padding:0 .1em}",
    ".arshif-result__meta{color:var(--md-default-fg-color--light);font-size:.6rem;margin:.2em 0!important}",
    ".arshif-result__snippet{margin-top:.2em!important}",
    ".md-search-result .arshif-result h1{font-size:.8rem;margin:0}",
    ".arshif-search-page__form{display:flex;gap:.5em;margin-bottom:1em}",
    ".arshif-search-page__input{flex:1;font:inherit;padding:.4em .6em;border:1px solid var(--md-default-fg-color--lighter);border-radius:.2em;background:var(--md-default-bg-color);color:var(--md-default-fg-color)}",
    ".arshif-search-page__body{display:flex;gap:1.5em;align-items:flex-start}",
    ".arshif-search-page__filters{flex:0 0 13rem;font-size:.7rem}",
    ".arshif-search-page__results{flex:1;min-width:0}",
    ".arshif-search-page__results ol{list-style:none;margin:0!important;padding:0}",
    ".arshif-search-page__results li{margin:0 0 1em!important}",
    ".arshif-search-page__results .arshif-result h1{font-size:1rem;margin:0 0 .2em;font-weight:700}",
    ".arshif-search-page__results .arshif-result a{color:inherit;display:block}",
    ".arshif-search-page__results .arshif-result h1 mark,.arshif-search-page__results .arshif-result a:hover h1{color:var(--md-typeset-a-color)}",
    ".arshif-facet h2{font-size:.75rem!important;margin:.8em 0 .3em!important}",
    ".arshif-facet ul{list-style:none;margin:0!important;padding:0;max-height:16rem;overflow:auto}",
    ".arshif-facet li{margin:0!important}",
    ".arshif-facet button{font:inherit;background:none;border:0;cursor:pointer;color:var(--md-typeset-a-color);padding:.1em 0;text-align:start}",
    ".arshif-facet button[aria-pressed=true]{font-weight:700;color:var(--md-default-fg-color)}",
    "@media (max-width:45em){.arshif-search-page__body{flex-direction:column}.arshif-search-page__filters{flex:none;width:100%}}"
  ].join("\n");

  function addStyle() {
    if (document.getElementById("arshif-search-style")) return;
    var s = document.createElement("style");
    s.id = "arshif-search-style";
    s.textContent = STYLE;
    document.head.appendChild(s);
  }

  /* ---- header box --------------------------------------------------------------------------- */

  function attachHeader(engine, root, box) {
    var input = box.querySelector(".md-search__input");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search");
    var form = box.querySelector("form");
    var seq = 0, timer = null, shown = 0, current = null;

    function open() { if (toggle && !toggle.checked) toggle.checked = true; }

    function renderMore() {
      var seqAt = seq, batch = current.hits.slice(shown, shown + HEADER_PAGE);
      var ns = batch.map(function (h) { return h.n; });
      return engine.records(ns).then(function (recs) {
        if (seqAt !== seq) return;
        var old = list.querySelector(".arshif-more");
        if (old) old.remove();
        list.insertAdjacentHTML("beforeend", recs.map(function (r, i) {
          return resultHtml(r, current.words, root, ns[i]);
        }).join(""));
        shown += batch.length;
        if (shown < current.hits.length) {
          list.insertAdjacentHTML("beforeend", '<li class="md-search-result__item arshif-more">' +
            '<a class="md-search-result__link" href="' + esc(root + "search/?q=" + encodeURIComponent(current.q)) +
            '"><article class="md-search-result__article md-typeset"><p>عرض كل النتائج (' +
            current.hits.length + ")</p></article></a></li>");
        }
        box.setAttribute("data-arshif-state", "done");
      });
    }

    function run() {
      var q = input.value, mine = ++seq;
      box.setAttribute("data-arshif-state", "searching");
      if (!ArshifAnalyzer.queryWords(q).length) {
        list.innerHTML = "";
        meta.textContent = "اكتب كلمة للبحث";
        box.setAttribute("data-arshif-state", "idle");
        return;
      }
      engine.search(q).then(function (res) {
        if (mine !== seq) return;
        current = { q: q, words: res.words, hits: res.hits };
        box.setAttribute("data-arshif-query", q);
        shown = 0;
        list.innerHTML = "";
        meta.textContent = countText(res.hits.length);
        box.setAttribute("data-arshif-count", String(res.hits.length));
        if (!res.hits.length) { box.setAttribute("data-arshif-state", "done"); return; }
        return renderMore();
      }).catch(function (err) {
        if (mine !== seq) return;
        meta.textContent = "تعذر البحث: " + err.message;
        box.setAttribute("data-arshif-state", "error");
      });
    }

    input.addEventListener("input", function () {
      open();
      box.setAttribute("data-arshif-state", "typing");
      clearTimeout(timer);
      timer = setTimeout(run, 80);
    });
    input.addEventListener("focus", open);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { if (toggle) toggle.checked = false; input.blur(); }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (ArshifAnalyzer.queryWords(input.value).length) {
        location.href = root + "search/?q=" + encodeURIComponent(input.value);
      }
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { input.value = ""; run(); input.focus(); }, 0);
    });
    list.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a") && toggle) toggle.checked = false;
    });
    meta.textContent = "اكتب كلمة للبحث";
    engine.ready();
    if (input.value) run();
  }

  /* ---- search page -------------------------------------------------------------------------- */

  function attachPage(engine, root, page) {
    var form = page.querySelector("form");
    var input = page.querySelector("input[name=q]");
    var filtersEl = page.querySelector(".arshif-search-page__filters");
    var resultsEl = page.querySelector(".arshif-search-page__results");
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", year: params.get("year") || "", outlet: params.get("outlet") || "",
                  entity: params.get("entity") || "" };
    var seq = 0, data = null, limit = SEARCH_PAGE;

    function syncUrl() {
      var p = new URLSearchParams();
      ["q", "year", "outlet", "entity"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
      history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p.toString() : ""));
    }

    function yearOf(row, meta) { return row[0] >= 0 ? meta.years[row[0]] : UNDATED; }

    function matches(row, meta, skip) {
      if (skip !== "year" && state.year && yearOf(row, meta) !== state.year) return false;
      if (skip !== "outlet" && state.outlet && meta.outlets[row[1]] !== state.outlet) return false;
      if (skip !== "entity" && state.entity && !row[2].some(function (e) { return meta.entities[e][0] === state.entity; })) return false;
      return true;
    }

    function facetHtml(title, key, items) {
      if (!items.length) return "";
      return '<div class="arshif-facet" data-facet="' + key + '"><h2>' + title + "</h2><ul>" +
        '<li><button type="button" data-value="" aria-pressed="' + (!state[key]) + '">الكل</button></li>' +
        items.map(function (it) {
          return '<li><button type="button" data-value="' + esc(it.value) + '" aria-pressed="' +
            (state[key] === it.value) + '"><bdi>' + esc(it.label) + "</bdi> (" + it.count + ")</button></li>";
        }).join("") + "</ul></div>";
    }

    function render() {
      var mine = seq, meta = data.meta, hits = [], counts = { year: {}, outlet: {}, entity: {} };
      data.hits.forEach(function (h, i) {
        var row = data.rows[i];
        if (matches(row, meta)) hits.push(h);
        if (matches(row, meta, "year")) counts.year[yearOf(row, meta)] = (counts.year[yearOf(row, meta)] || 0) + 1;
        if (matches(row, meta, "outlet") && row[1] >= 0) counts.outlet[meta.outlets[row[1]]] = (counts.outlet[meta.outlets[row[1]]] || 0) + 1;
        if (matches(row, meta, "entity")) row[2].forEach(function (e) {
          var id = meta.entities[e][0];
          counts.entity[id] = (counts.entity[id] || 0) + 1;
        });
      });
      var names = {};
      meta.entities.forEach(function (e) { names[e[0]] = e[1]; });
      function items(obj, label, order) {
        return Object.keys(obj).map(function (k) { return { value: k, label: label(k), count: obj[k] }; }).sort(order);
      }
      var byCount = function (a, b) { return (b.count - a.count) || COLLATOR.compare(a.label, b.label); };
      filtersEl.innerHTML =
        facetHtml("السنة", "year", items(counts.year, function (k) { return k === UNDATED ? "غير مؤرخ" : k; },
          function (a, b) { return a.value === UNDATED ? 1 : b.value === UNDATED ? -1 : a.value < b.value ? 1 : -1; })) +
        facetHtml("المصدر", "outlet", items(counts.outlet, String, byCount)) +
        facetHtml("الأسماء", "entity", items(counts.entity, function (k) { return names[k] || k; }, byCount).slice(0, 40));
      var shown = hits.slice(0, limit), ns = shown.map(function (h) { return h.n; });
      return engine.records(ns).then(function (recs) {
        if (mine !== seq) return;
        resultsEl.innerHTML = '<p class="arshif-search-page__count">' + countText(hits.length) + "</p>" +
          '<ol class="md-search-result__list">' + recs.map(function (r, i) {
            return resultHtml(r, data.words, root, ns[i]);
          }).join("") + "</ol>" +
          (hits.length > limit ? '<button type="button" class="md-button arshif-search-page__more">المزيد</button>' : "");
        page.setAttribute("data-arshif-count", String(hits.length));
        page.setAttribute("data-arshif-state", "done");
      });
    }

    function run() {
      var mine = ++seq;
      syncUrl();
      limit = SEARCH_PAGE;
      if (!ArshifAnalyzer.queryWords(state.q).length) {
        filtersEl.innerHTML = "";
        resultsEl.innerHTML = "<p>اكتب كلمة أو أكثر للبحث في الأرشيف.</p>";
        page.setAttribute("data-arshif-state", "idle");
        return;
      }
      page.setAttribute("data-arshif-state", "searching");
      engine.search(state.q).then(function (res) {
        if (mine !== seq) return;
        return engine.facets(res.hits.map(function (h) { return h.n; })).then(function (f) {
          if (mine !== seq) return;
          data = { words: res.words, hits: res.hits, rows: f.rows, meta: f.meta };
          return render();
        });
      }).catch(function (err) {
        resultsEl.textContent = "تعذر البحث: " + err.message;
        page.setAttribute("data-arshif-state", "error");
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      state.q = input.value;
      state.year = state.outlet = state.entity = "";
      run();
    });
    filtersEl.addEventListener("click", function (e) {
      var btn = e.target.closest && e.target.closest("button[data-value]");
      if (!btn || !data) return;
      state[btn.closest("[data-facet]").getAttribute("data-facet")] = btn.getAttribute("data-value");
      seq++;
      syncUrl();
      limit = SEARCH_PAGE;
      render();
    });
    resultsEl.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest(".arshif-search-page__more") && data) {
        limit += SEARCH_PAGE;
        seq++;
        render();
      }
    });
    input.value = state.q;
    run();
  }

  /* ---- start -------------------------------------------------------------------------------- */

  var ArshifSearch = {
    Engine: Engine,
    highlight: highlight,
    snippet: snippet,
    countText: countText,
    start: function (root) {
      addStyle();
      var deps = [];
      if (typeof lunr === "undefined") deps.push(loadScript(root + "search-index/lunr.js"));
      if (typeof ArshifAnalyzer === "undefined") deps.push(loadScript(root + "assets/javascripts/search/analyzer.js"));
      return Promise.all(deps).then(function () {
        var engine = ArshifSearch.engine || (ArshifSearch.engine = new Engine(root + "search-index/"));
        var box = document.querySelector("[data-arshif-search]");
        if (box && !box.hasAttribute("data-arshif-ready")) {
          box.setAttribute("data-arshif-ready", "");
          attachHeader(engine, root, box);
        }
        var page = document.getElementById("arshif-search-page");
        if (page && !page.hasAttribute("data-arshif-ready")) {
          page.setAttribute("data-arshif-ready", "");
          attachPage(engine, root, page);
        }
        return engine;
      });
    }
  };
  window.ArshifSearch = ArshifSearch;
})();
