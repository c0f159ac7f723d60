/* Arshif search: queries the prebuilt, sharded lunr index (see generator/search/indexer.py).
 *
 * Loaded by the small loader in partials/search.html the first time the reader focuses a search
 * box. It fetches search-index/manifest.json, then for every query only the term shards holding
 * the query's terms, the record chunks of the results shown and their texts (x/<n>.json.gz, for the
 * snippet and for quoted phrases). The shards loaded so far are assembled into a lunr.Index
 * (inverted index + the field-vector entries of the loaded terms), so the scores are lunr's own.
 *
 * Matching: words are matched through their proclitic readings (analyzer.js); every query word must
 * match, in a field the article prints (title, text, byline, outlet, date) or, failing that, in the
 * names of the entities it mentions. A word that matches nothing is replaced by the closest indexed
 * word ("did you mean"). A quoted phrase ("ولي العهد", «ولي العهد») must occur as adjacent words.
 *
 * Ranking, in order: articles that print every query word before those matched through an entity's
 * name; more query words printed as typed (the unstripped reading); more query words in the title;
 * for the first results, the query words closer together in the text; then lunr's BM25 score.
 */
(function () {
  "use strict";

  var LITERAL_BOOST = 4; /* a word as typed ranks above its shorter readings */
  var HEADER_PAGE = 10;
  var SEARCH_PAGE = 20;
  var RERANK = 20;       /* results whose text is read to rank by proximity */
  var PHRASE_MAX = 300;  /* results checked for a quoted phrase; any beyond are not shown */
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
      this._ready = this.json("manifest.json").then(function (m) {
        self.manifest = m;
        DIGITS = m.digits || "western";
        return self;
      });
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

  Engine.prototype.printedFields = function () {
    var m = this.manifest;
    return m.printed || m.fields.filter(function (f) { return f !== "entities"; });
  };

  /* Documents holding one query word under any of its readings, in the given fields. */
  Engine.prototype.docsFor = function (forms, fields) {
    var self = this, set = {};
    forms.forEach(function (t) {
      var p = self.inverted[t];
      if (!p) return;
      (fields || self.manifest.fields).forEach(function (f) {
        for (var ref in p[f] || {}) set[ref] = true;
      });
    });
    return set;
  };

  /* The indexed word closest to `word` (edit distance 1, or 2 for words of six letters or more)
   * among the terms loaded so far (the shard `word` sorts into is always among them: a misspelling
   * shares its first letters with the word meant), the one in most documents first; null when
   * there is none. Nothing more is fetched. */
  Engine.prototype.suggest = function (word) {
    var self = this;
    return this.ensureShards([this.shardOf(word)]).then(function () {
      var limit = word.length >= 6 ? 2 : 1, best = null;
      Object.keys(self.inverted).forEach(function (t) {
        if (Math.abs(t.length - word.length) > limit || t.charAt(0) !== word.charAt(0) || t === word) return;
        var d = editDistance(word, t, limit);
        if (d > limit) return;
        var docs = Object.keys(self.docsFor([t], self.printedFields())).length;
        if (!docs) return;
        if (!best || d < best.d || (d === best.d && (docs > best.docs || (docs === best.docs && t < best.t)))) {
          best = { t: t, d: d, docs: docs };
        }
      });
      return best && best.t;
    });
  };

  Engine.prototype.ensureShards = function (ks) {
    var self = this;
    return Promise.all(ks.map(function (k) {
      if (!self.shards[k]) {
        self.shards[k] = self.json("t/" + k + ".json").then(function (d) { self.addShard(d); });
      }
      return self.shards[k];
    }));
  };

  /* Optimal string alignment distance, stopping early above `limit`. */
  function editDistance(a, b, limit) {
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur.push(v);
        if (v < low) low = v;
      }
      if (low > limit) return limit + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /* A query: its words (each the list of its readings) and its quoted phrases (lists of words). */
  function parseQuery(query) {
    var folded = ArshifAnalyzer.fold(query), phrases = [], m, re = /"([^"]+)"/g;
    while ((m = re.exec(folded))) {
      var words = ArshifAnalyzer.tokenize(m[1]);
      if (words.length > 1) phrases.push(words);
    }
    return { words: ArshifAnalyzer.queryWords(query), phrases: phrases };
  }

  /* → Promise of {words, phrases, suggested, hits: [{n, score, named, literal, title}]}, best first.
   * `named` lists the query words (by position) that matched only an entity's name. */
  Engine.prototype.search = function (query) {
    var self = this, parsed = parseQuery(query), words = parsed.words, suggested = {};
    if (!words.length) return Promise.resolve({ words: words, phrases: [], suggested: suggested, hits: [] });
    var terms = [].concat.apply([], words);
    return this.ready().then(function () { return self.ensureTerms(terms); }).then(function () {
      /* a word found nowhere: the closest indexed word instead ("did you mean") */
      return Promise.all(words.map(function (forms, i) {
        if (Object.keys(self.docsFor(forms)).length || !self.manifest.shards.length) return null;
        return self.suggest(forms[0]).then(function (t) {
          if (!t) return;
          suggested[forms[0]] = t;
          words[i] = ArshifAnalyzer.forms(t);
          return self.ensureTerms(words[i]);
        });
      }));
    }).then(function () {
      var printed = self.printedFields(), allowed = null, named = {}, literal = {}, title = {};
      words.forEach(function (forms, wi) {
        var inText = self.docsFor(forms, printed), inNames = self.docsFor(forms, ["entities"]);
        var asTyped = self.docsFor([forms[0]], printed), inTitle = self.docsFor(forms, ["title"]);
        var set = {}, ref;
        for (ref in inText) set[ref] = true;
        for (ref in inNames) set[ref] = true;
        if (allowed === null) allowed = set;
        else {
          var next = {};
          for (ref in allowed) if (set[ref]) next[ref] = true;
          allowed = next;
        }
        for (ref in allowed) {
          if (!inText[ref]) (named[ref] || (named[ref] = [])).push(wi);
          if (asTyped[ref]) literal[ref] = (literal[ref] || 0) + 1;
          if (inTitle[ref]) title[ref] = (title[ref] || 0) + 1;
        }
      });
      if (!Object.keys(allowed).length) return { words: words, phrases: parsed.phrases, suggested: suggested, hits: [] };
      var results = self.lunrIndex().query(function (q) {
        words.forEach(function (forms) {
          forms.forEach(function (t, i) {
            if (self.inverted[t]) q.term(t, { usePipeline: false, boost: i === 0 ? LITERAL_BOOST : 1 });
          });
        });
      });
      var hits = results.filter(function (r) { return allowed[r.ref]; }).map(function (r) {
        return { n: Number(r.ref), score: r.score, named: named[r.ref] || [], literal: literal[r.ref] || 0,
                 title: title[r.ref] || 0, near: 0 };
      });
      hits.sort(byRank);
      return { words: words, phrases: parsed.phrases, suggested: suggested, hits: hits };
    });
  };

  function byRank(a, b) {
    return (a.named.length ? 1 : 0) - (b.named.length ? 1 : 0) || (b.literal - a.literal) ||
      (b.title - a.title) || (a.near - b.near) || (b.score - a.score) || (a.n - b.n);
  }

  /* The text of document n: [title, body, [[name, other names…] of its entities]]. */
  Engine.prototype.text = function (n) {
    var key = "x/" + n, self = this;
    if (!this.chunks[key]) {
      this.chunks[key] = typeof DecompressionStream === "undefined"
        ? this.records([n]).then(function (r) { return [r[0][1], r[0][4], []]; })  /* old browsers: the excerpt */
        : fetch(this.url + key + ".json.gz?v=" + this.manifest.build).then(function (r) {
          if (!r.ok) throw new Error(key + ": HTTP " + r.status);
          return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).json();
        }).catch(function () { return self.records([n]).then(function (r) { return [r[0][1], r[0][4], []]; }); });
    }
    return this.chunks[key];
  };

  /* Word positions of the text where each query word occurs: [[positions of word 0], …]. */
  function positions(tokens, words) {
    var out = words.map(function () { return []; });
    tokens.forEach(function (tok, p) {
      var readings = ArshifAnalyzer.forms(tok);
      words.forEach(function (forms, wi) {
        if (readings.some(function (r) { return forms.indexOf(r) >= 0; })) out[wi].push(p);
      });
    });
    return out;
  }

  /* Fewest words of the text spanning one occurrence of every query word (Infinity when one lacks). */
  function span(pos) {
    if (pos.some(function (p) { return !p.length; })) return Infinity;
    var all = [];
    pos.forEach(function (ps, wi) { ps.forEach(function (p) { all.push([p, wi]); }); });
    all.sort(function (a, b) { return a[0] - b[0]; });
    var count = {}, have = 0, best = Infinity, lo = 0;
    for (var hi = 0; hi < all.length; hi++) {
      if (!count[all[hi][1]]) have++;
      count[all[hi][1]] = (count[all[hi][1]] || 0) + 1;
      while (have === pos.length) {
        best = Math.min(best, all[hi][0] - all[lo][0] + 1);
        if (--count[all[lo][1]] === 0) have--;
        lo++;
      }
    }
    return best;
  }

  function hasPhrase(tokens, phrase) {
    var want = phrase.map(function (w) { return ArshifAnalyzer.forms(w); });
    for (var i = 0; i + want.length <= tokens.length; i++) {
      var ok = true;
      for (var j = 0; j < want.length && ok; j++) {
        var readings = ArshifAnalyzer.forms(tokens[i + j]);
        ok = readings.some(function (r) { return want[j].indexOf(r) >= 0; });
      }
      if (ok) return true;
    }
    return false;
  }

  /* Keep the hits whose title or text holds every quoted phrase, and rank the first RERANK by how
   * close together the query words stand. → Promise of the hits. */
  Engine.prototype.refine = function (res) {
    var self = this, hits = res.hits;
    var needPhrase = res.phrases.length > 0, needNear = res.words.length > 1;
    if (!needPhrase && !needNear) return Promise.resolve(hits);
    var checked = needPhrase ? hits.slice(0, PHRASE_MAX) : hits.slice(0, RERANK);
    return Promise.all(checked.map(function (h) { return self.text(h.n); })).then(function (texts) {
      var kept = [];
      checked.forEach(function (h, i) {
        var tokens = ArshifAnalyzer.tokenize(texts[i][0] + " . " + texts[i][1]);
        if (needPhrase && !res.phrases.every(function (p) { return hasPhrase(tokens, p); })) return;
        if (needNear && i < RERANK) {
          var w = span(positions(tokens, res.words));
          h.near = w <= res.words.length ? 0 : w <= 10 ? 1 : 2;
        } else h.near = 3;
        kept.push(h);
      });
      var rest = needPhrase ? [] : hits.slice(checked.length);
      rest.forEach(function (h) { h.near = 3; });
      return kept.sort(byRank).concat(rest);
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

  /* Which query word (its position in `words`) a word of the text matches; -1 for none. Without
   * `words`, 0 for any word matching `terms`. */
  function matchKey(chunk, terms, words) {
    var toks = ArshifAnalyzer.tokenize(chunk);
    for (var i = 0; i < toks.length; i++) {
      var readings = ArshifAnalyzer.forms(toks[i]);
      if (!words) { if (readings.some(function (f) { return terms[f]; })) return 0; continue; }
      for (var w = 0; w < words.length; w++) {
        if (readings.some(function (f) { return words[w].indexOf(f) >= 0; })) return w;
      }
    }
    return -1;
  }

  /* About `size` characters of `text` around its best passage: the one holding the most distinct
   * query words (then the most matches, then the earliest); the start when no word matches. */
  function snippet(text, terms, size, words) {
    var ws = String(text).split(/\s+/).filter(Boolean), hits = [], i;
    for (i = 0; i < ws.length; i++) {
      var k = matchKey(ws[i], terms, words);
      if (k >= 0) hits.push([i, k]);
    }
    var at = -1, bestKeys = 0, bestCount = 0;
    hits.forEach(function (h, hi) {
      var keys = {}, distinct = 0, count = 0, len = 0;
      for (var j = hi; j < hits.length; j++) {
        len = ws.slice(h[0], hits[j][0] + 1).join(" ").length;
        if (len > size * 0.75) break;
        if (!keys[hits[j][1]]) { keys[hits[j][1]] = true; distinct++; }
        count++;
      }
      if (distinct > bestKeys || (distinct === bestKeys && count > bestCount)) {
        at = h[0]; bestKeys = distinct; bestCount = count;
      }
    });
    var start = 0;
    if (at > 0 && ws.slice(0, at).join(" ").length > size / 2) {
      start = at;
      while (start > 0 && ws.slice(start - 1, at).join(" ").length < size / 4) start--;
    }
    var out = [], len = 0;
    for (i = start; i < ws.length && len < size; i++) { out.push(ws[i]); len += ws[i].length + 1; }
    return (start > 0 ? "… " : "") + out.join(" ") + (i < ws.length ? " …" : "");
  }

  /* The digits the site prints numbers in (site_config/display.yml, through the manifest), as
   * generator/dates_ar.py `shown` does for the pages: "western" (0-9) or "arabic-indic" (٠-٩). */
  var DIGITS = "western";
  var ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";
  function inDigits(text) {
    text = String(text);
    return DIGITS === "arabic-indic" ? text.replace(/[0-9]/g, function (d) { return ARABIC_INDIC[d]; }) : text;
  }

  function arabicDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return "غير مؤرخ";
    return inDigits(Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1]);
  }

  /* "N results" by the CLDR plural rules of Arabic (Intl.PluralRules), as generator/plurals.py does
   * with Babel: 3–10 and 103–110 نتائج, 11–99 نتيجة, 100–102 نتيجة … */
  var PLURAL = new Intl.PluralRules("ar");
  var COLLATOR = new Intl.Collator("ar");
  var RESULTS = { zero: "لا توجد نتائج", one: "نتيجة واحدة", two: "نتيجتان", few: "{n} نتائج",
                  many: "{n} نتيجة", other: "{n} نتيجة" };
  function countText(n) {
    return RESULTS[PLURAL.select(n)].replace("{n}", inDigits(n));
  }

  /* The names through which a result matched words its text does not print («ISIS» → the entity). */
  function whyHtml(hit, words, text) {
    if (!hit.named.length || !text) return "";
    var names = [];
    hit.named.forEach(function (wi) {
      var terms = termSet([words[wi]]);
      (text[2] || []).forEach(function (forms) {
        var hitName = forms.filter(function (name) { return matchesTerms(name, terms); })[0];
        if (hitName && names.indexOf(forms[0]) < 0) {
          names.push(forms[0]);
          names.push(hitName === forms[0] ? "" : hitName);
        }
      });
    });
    var parts = [];
    for (var i = 0; i < names.length; i += 2) {
      parts.push("<bdi>" + highlight(names[i], termSet(words)) + "</bdi>" +
        (names[i + 1] ? " (<bdi>" + highlight(names[i + 1], termSet(words)) + "</bdi>)" : ""));
    }
    return '<p class="arshif-result__why">لا ترد الكلمة في نصّه؛ طابقت اسماً يذكره: ' +
      (parts.join("، ") || "—") + "</p>";
  }

  function suggestedHtml(res) {
    var keys = Object.keys(res.suggested);
    if (!keys.length) return "";
    return '<p class="arshif-suggested">لم يُعثر على «<bdi>' + esc(keys.join(" ")) + "</bdi>»؛ النتائج لـ «<bdi>" +
      esc(keys.map(function (k) { return res.suggested[k]; }).join(" ")) + "</bdi>» (هل تقصد؟)</p>";
  }

  function resultHtml(rec, res, root, hit, text, option) {
    var terms = termSet(res.words), body = text ? text[1] : rec[4];
    var attrs = option ? ' role="option" id="arshif-opt-' + hit.n + '" aria-selected="false"' : "";
    return '<li class="md-search-result__item arshif-result" data-doc="' + hit.n + '"' + attrs + ">" +
      '<a href="' + esc(root + rec[0]) + '" class="md-search-result__link"' + (option ? ' tabindex="-1"' : "") + ">" +
      '<article class="md-search-result__article md-typeset">' +
      "<h1><bdi>" + highlight(rec[1], terms) + "</bdi></h1>" +
      '<p class="arshif-result__meta"><time datetime="' + esc(rec[2]) + '">' + highlight(arabicDate(rec[2]), terms) +
      "</time>" + (rec[3] ? ' · <bdi class="arshif-result__outlet">' + highlight(rec[3], terms) + "</bdi>" : "") +
      (rec[5] ? ' · <bdi class="arshif-result__byline">' + highlight(rec[5], terms) + "</bdi>" : "") +
      '</p><div class="arshif-result__detail">' + detailHtml(rec, res, hit, text) + "</div></article></a></li>";
  }

  /* The snippet (from the text when it is loaded, else from the record's excerpt) and the why-line. */
  function detailHtml(rec, res, hit, text) {
    var terms = termSet(res.words), body = text ? text[1] : rec[4];
    return '<p class="arshif-result__snippet">' + highlight(snippet(body, terms, SNIPPET_CHARS, res.words), terms) +
      "</p>" + whyHtml(hit, res.words, text);
  }

  /* Show `hits` in two steps: their records at once (`paint(records)`; the snippet cut from the
   * excerpt), then, once their texts arrive, the snippet around the best passage and the why-line
   * (`container` holds the painted results). → Promise, false when `current()` says the query is stale. */
  function show(engine, hits, res, container, paint, current) {
    var ns = hits.map(function (h) { return h.n; });
    return engine.records(ns).then(function (recs) {
      if (!current()) return false;
      paint(recs);
      return Promise.all(ns.map(function (n) { return engine.text(n); })).then(function (texts) {
        if (!current()) return false;
        texts.forEach(function (text, i) {
          var detail = container.querySelector('.arshif-result[data-doc="' + ns[i] + '"] .arshif-result__detail');
          if (detail) detail.innerHTML = detailHtml(recs[i], res, hits[i], text);
        });
        return true;
      });
    });
  }

  var STYLE = [
    ".arshif-result mark{background:var(--md-accent-fg-color--transparent);color:inherit;padding:0 .1em}",
    ".arshif-result__meta{color:var(--md-default-fg-color--light);font-size:.6rem;margin:.2em 0!important}",
    ".arshif-result__snippet{margin-top:.2em!important}",
    ".arshif-result__why{font-size:.6rem;color:var(--md-default-fg-color--light);margin:.2em 0 0!important}",
    ".arshif-suggested{margin:.4em .8rem!important;font-size:.65rem}",
    ".arshif-result[aria-selected=true]{background:var(--md-accent-fg-color--transparent)}",
    ".arshif-more button{font:inherit;background:none;border:0;color:var(--md-typeset-a-color);cursor:pointer;padding:.6rem .8rem;width:100%;text-align:start}",
    ".arshif-search-page__tools{display:flex;gap:.6em;align-items:center;margin:-.4em 0 1em;font-size:.7rem}",
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
    "@media (max-width:45em){.arshif-search-page__body{flex-direction:column}.arshif-search-page__filters{flex:none;width:100%;order:1}}"
  ].join("\n");

  function addStyle() {
    if (document.getElementById("arshif-search-style")) return;
    var s = document.createElement("style");
    s.id = "arshif-search-style";
    s.textContent = STYLE;
    document.head.appendChild(s);
  }

  /* ---- header box --------------------------------------------------------------------------- */

  /* The WAI-ARIA combobox pattern: the input keeps the focus; ArrowDown/ArrowUp move the active
   * result (announced through aria-activedescendant), Enter opens it (or, with none active, the
   * search page), Escape closes the box. "More results" loads the next ten in place. */
  function attachHeader(engine, root, box) {
    var input = box.querySelector(".md-search__input");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var toggle = document.getElementById("__search");
    var form = box.querySelector("form");
    var seq = 0, timer = null, shown = 0, current = null, active = -1;

    function setExpanded(on) { input.setAttribute("aria-expanded", on ? "true" : "false"); }
    function open() { if (toggle && !toggle.checked) toggle.checked = true; }
    function close() { if (toggle) toggle.checked = false; setExpanded(false); setActive(-1); }

    function options() { return list.querySelectorAll("[role=option]"); }

    function setActive(k) {
      var opts = options();
      opts.forEach(function (o) { o.setAttribute("aria-selected", "false"); });
      if (k < 0 || !opts.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = Math.min(k, opts.length - 1);
      opts[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", opts[active].id);
      if (opts[active].scrollIntoView) opts[active].scrollIntoView({ block: "nearest" });
    }

    function renderMore() {
      var seqAt = seq, batch = current.hits.slice(shown, shown + HEADER_PAGE);
      return show(engine, batch, current, list, function (recs) {
        var old = list.querySelector(".arshif-more");
        if (old) old.remove();
        list.insertAdjacentHTML("beforeend", recs.map(function (rec, i) {
          return resultHtml(rec, current, root, batch[i], null, true);
        }).join(""));
        shown += batch.length;
        if (shown < current.hits.length) {
          list.insertAdjacentHTML("beforeend", '<li class="md-search-result__item arshif-more" role="option" ' +
            'id="arshif-opt-more" aria-selected="false"><button type="button" tabindex="-1">المزيد من النتائج (' +
            esc(countText(current.hits.length - shown)) + ")</button></li>");
        }
        setExpanded(true);
        box.setAttribute("data-arshif-shown", String(shown));
        box.setAttribute("data-arshif-state", "shown");  /* results on screen; snippets follow */
      }, function () { return seqAt === seq; }).then(function (fresh) {
        if (fresh) box.setAttribute("data-arshif-state", "done");
      });
    }

    function activate(opt) {
      if (opt.classList.contains("arshif-more")) {
        var at = shown;
        renderMore().then(function () { setActive(at); });
        return;
      }
      var a = opt.querySelector("a");
      if (a) { close(); location.href = a.href; }
    }

    function run() {
      var q = input.value, mine = ++seq;
      box.setAttribute("data-arshif-state", "searching");
      setActive(-1);
      if (!ArshifAnalyzer.queryWords(q).length) {
        list.innerHTML = "";
        meta.textContent = "اكتب كلمة للبحث";
        setExpanded(false);
        box.setAttribute("data-arshif-state", "idle");
        return;
      }
      engine.search(q).then(function (res) {
        return engine.refine(res).then(function (hits) { res.hits = hits; return res; });
      }).then(function (res) {
        if (mine !== seq) return;
        current = res;
        current.q = q;
        box.setAttribute("data-arshif-query", q);
        shown = 0;
        list.innerHTML = "";
        meta.innerHTML = suggestedHtml(res) + esc(countText(res.hits.length));
        box.setAttribute("data-arshif-count", String(res.hits.length));
        if (!res.hits.length) { setExpanded(false); box.setAttribute("data-arshif-state", "done"); return; }
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
      var n = options().length;
      if (e.key === "ArrowDown" && n) { e.preventDefault(); open(); setActive(active < 0 ? 0 : (active + 1) % n); }
      else if (e.key === "ArrowUp" && n) { e.preventDefault(); setActive(active <= 0 ? n - 1 : active - 1); }
      else if (e.key === "Home" && active >= 0) { e.preventDefault(); setActive(0); }
      else if (e.key === "End" && active >= 0) { e.preventDefault(); setActive(n - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); activate(options()[active]); }
      else if (e.key === "Escape") { e.preventDefault(); close(); input.blur(); }
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
      var opt = e.target.closest && e.target.closest("[role=option]");
      if (!opt) return;
      if (opt.classList.contains("arshif-more")) { e.preventDefault(); activate(opt); input.focus(); return; }
      if (toggle) toggle.checked = false;
    });
    meta.textContent = "اكتب كلمة للبحث";
    engine.ready();
    if (input.value) run();
  }

  /* ---- search page -------------------------------------------------------------------------- */

  function attachPage(engine, root, page) {
    var form = page.querySelector("form");
    var input = page.querySelector("input[name=q]");
    var sortEl = page.querySelector("select[name=sort]");
    var filtersEl = page.querySelector(".arshif-search-page__filters");
    var resultsEl = page.querySelector(".arshif-search-page__results");
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", year: params.get("year") || "", outlet: params.get("outlet") || "",
                  entity: params.get("entity") || "", sort: params.get("sort") === "date" ? "date" : "" };
    var seq = 0, data = null, limit = SEARCH_PAGE, timer = null;

    function syncUrl() {
      var p = new URLSearchParams();
      ["q", "year", "outlet", "entity", "sort"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
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
            (state[key] === it.value) + '"><bdi>' + esc(it.label) + "</bdi> (" + inDigits(it.count) + ")</button></li>";
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
      if (state.sort === "date") {
        /* documents are numbered newest first, undated last */
        hits = hits.slice().sort(function (a, b) { return a.n - b.n; });
      }
      var names = {};
      meta.entities.forEach(function (e) { names[e[0]] = e[1]; });
      function items(obj, label, order) {
        return Object.keys(obj).map(function (k) { return { value: k, label: label(k), count: obj[k] }; }).sort(order);
      }
      var byCount = function (a, b) { return (b.count - a.count) || COLLATOR.compare(a.label, b.label); };
      filtersEl.innerHTML =
        facetHtml("السنة", "year", items(counts.year, function (k) { return k === UNDATED ? "غير مؤرخ" : inDigits(k); },
          function (a, b) { return a.value === UNDATED ? 1 : b.value === UNDATED ? -1 : a.value < b.value ? 1 : -1; })) +
        facetHtml("المصدر", "outlet", items(counts.outlet, String, byCount)) +
        facetHtml("الأسماء", "entity", items(counts.entity, function (k) { return names[k] || k; }, byCount).slice(0, 40));
      var shown = hits.slice(0, limit);
      return show(engine, shown, data, resultsEl, function (recs) {
        resultsEl.innerHTML = suggestedHtml(data) + '<p class="arshif-search-page__count">' + countText(hits.length) + "</p>" +
          '<ol class="md-search-result__list">' + recs.map(function (rec, i) {
            return resultHtml(rec, data, root, shown[i], null, false);
          }).join("") + "</ol>" +
          (hits.length > limit ? '<button type="button" class="md-button arshif-search-page__more">المزيد</button>' : "");
        page.setAttribute("data-arshif-count", String(hits.length));
        page.setAttribute("data-arshif-state", "shown");
      }, function () { return mine === seq; }).then(function (fresh) {
        if (fresh) page.setAttribute("data-arshif-state", "done");
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
        return engine.refine(res).then(function (hits) { res.hits = hits; return res; });
      }).then(function (res) {
        if (mine !== seq) return;
        return engine.facets(res.hits.map(function (h) { return h.n; })).then(function (f) {
          if (mine !== seq) return;
          data = res;
          data.rows = f.rows;
          data.meta = f.meta;
          return render();
        });
      }).catch(function (err) {
        resultsEl.textContent = "تعذر البحث: " + err.message;
        page.setAttribute("data-arshif-state", "error");
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      state.q = input.value;
      state.year = state.outlet = state.entity = "";
      run();
    });
    input.addEventListener("input", function () {  /* search as you type */
      clearTimeout(timer);
      page.setAttribute("data-arshif-state", "typing");
      timer = setTimeout(function () {
        state.q = input.value;
        state.year = state.outlet = state.entity = "";
        run();
      }, 150);
    });
    if (sortEl) {
      sortEl.value = state.sort || "relevance";
      sortEl.addEventListener("change", function () {
        state.sort = sortEl.value === "date" ? "date" : "";
        syncUrl();
        if (data) { seq++; limit = SEARCH_PAGE; render(); }
      });
    }
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
    parseQuery: parseQuery,
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
