/* Arshif search: queries the prebuilt, sharded index (see generator/search/indexer.py).
 *
 * Loaded by the small loader in partials/search.html the first time the reader focuses a search
 * box. It fetches search-index/manifest.json, then for every query only the term shards holding
 * the query's terms, and, in one wave, for each result shown its record (x/<n>.json.gz: title,
 * names, URL, date, outlet, byline) and its article page, whose text gives the snippet and is
 * checked for quoted phrases. The shards hold lunr's BM25
 * weights, and the engine scores straight from their postings with lunr's formula (see
 * Engine.rank): no index is assembled in the browser, and lunr.js is not loaded.
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
  /* Milliseconds the input must rest before a query runs: long enough to skip the words in the middle
   * of a fast burst of keys, short enough not to be felt (a search takes 50–250 ms more). */
  var HEADER_WAIT = 50;
  var PAGE_WAIT = 100;  /* the search page also fetches facets and repaints the whole page */
  var SEARCH_PAGE = 20;
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
    this.root = indexUrl.replace(/search-index\/$/, "");  /* the site's root: records name pages from it */
    this.manifest = null;
    this.shards = {};        /* shard number → true once its rows are in `rows` */
    this.rows = {};          /* term → its row as the shard holds it: [term index, varints per field] */
    this.postings = {};      /* term → [{docs: Int32Array, weights: Float64Array} per field], decoded on first use */
    this.chunks = {};        /* "t/k", "x/n", "f/k", "l/k" → Promise of the file's JSON; "text/n" → of a text */
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
      }, function (err) {
        delete self._ready;  /* fetched again by the next query */
        throw err;
      });
    }
    return this._ready;
  };

  /* The last shard whose first key is <= `key` (`first`: the first key of every shard, sorted), as
   * generator/search/indexer.py shard_of; 0 when none is. */
  function shardFor(first, key) {
    var lo = 0, hi = first.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (first[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  Engine.prototype.shardOf = function (term) {
    return shardFor(this.manifest.shards, term);
  };

  /* Varints as written by generator/search/indexer.py encode_varints. */
  var TERMINAL = "0123456789abcdefghijklmnopqrstuv", CONTINUATION = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT = new Int8Array(128);
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

  /* A shard's rows are kept as they came; a term's postings are decoded when a query uses it. */
  Engine.prototype.addShard = function (data) {
    for (var term in data) if (!(term in this.rows)) this.rows[term] = data[term];
  };

  /* The postings of `term` (null when no loaded shard holds it): per field of the manifest, the
   * documents holding it (ascending) and its weight in each, lunr's BM25 field-vector entry
   * (field boost included) as the shard stores it × 1000. */
  Engine.prototype.posting = function (term) {
    if (this.postings[term]) return this.postings[term];
    var row = this.rows[term];
    if (!row) return null;
    var fields = [];
    for (var fi = 0; fi < this.manifest.fields.length; fi++) {
      var flat = decodeVarints(row[fi + 1]), size = flat.length >> 1, n = 0;
      var docs = new Int32Array(size), weights = new Float64Array(size);
      for (var i = 0; i < size; i++) {
        n += flat[2 * i];
        docs[i] = n;
        weights[i] = flat[2 * i + 1] / 1000;
      }
      fields.push({ docs: docs, weights: weights });
    }
    return (this.postings[term] = fields);
  };

  Engine.prototype.ensureTerms = function (terms) {
    var self = this, wanted = {};
    if (!this.manifest.shards.length) { return Promise.resolve([]); }  /* an empty archive */
    terms.forEach(function (t) { wanted[self.shardOf(t)] = true; });
    return this.ensureShards(Object.keys(wanted));
  };

  /* Field positions (in the manifest's order) of the fields the article prints. */
  Engine.prototype.printedFields = function () {
    var m = this.manifest, printed = m.printed || m.fields.filter(function (f) { return f !== "entities"; });
    return printed.map(function (f) { return m.fields.indexOf(f); });
  };

  /* How many documents hold one of `forms` in the fields at positions `fields` (all fields when
   * omitted); with `any`, 1 as soon as one does. */
  Engine.prototype.docCount = function (forms, fields, any) {
    var self = this, seen = new Uint8Array(this.manifest.docs), count = 0;
    fields = fields || this.manifest.fields.map(function (f, i) { return i; });
    for (var k = 0; k < forms.length; k++) {
      var p = self.posting(forms[k]);
      if (!p) continue;
      for (var f = 0; f < fields.length; f++) {
        var docs = p[fields[f]].docs;
        if (any && docs.length) return 1;
        for (var i = 0; i < docs.length; i++) if (!seen[docs[i]]) { seen[docs[i]] = 1; count++; }
      }
    }
    return count;
  };

  /* The indexed word closest to `word` (edit distance 1, or 2 for words of six letters or more)
   * among the terms loaded so far (the shard `word` sorts into is always among them: a misspelling
   * shares its first letters with the word meant), the one in most documents first; null when
   * there is none. Nothing more is fetched. */
  Engine.prototype.suggest = function (word) {
    var self = this;
    return this.ensureShards([this.shardOf(word)]).then(function () {
      var limit = word.length >= 6 ? 2 : 1, best = null, printed = self.printedFields();
      Object.keys(self.rows).forEach(function (t) {
        if (Math.abs(t.length - word.length) > limit || t.charAt(0) !== word.charAt(0) || t === word) return;
        var d = editDistance(word, t, limit);
        if (d > limit) return;
        var docs = self.docCount([t], printed);
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
      return self.chunkFile("t/" + k).then(function (d) {
        if (!self.shards[k]) { self.shards[k] = true; self.addShard(d); }
      });
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

  /* Per-document flags of one query word, from its readings' postings. */
  var PRINTED = 1, NAMED = 2, AS_TYPED = 4, IN_TITLE = 8;

  /* → Promise of {words, phrases, suggested, hits: [{n, score, named, literal, title}]}, best first.
   * `named` lists the query words (by position) that matched only an entity's name.
   *
   * The score is lunr's (lunr.Index.query with every reading a term clause, boost LITERAL_BOOST for
   * the word as typed and 1 for the others, no pipeline), computed straight from the postings: lunr
   * scores a document as the sum over fields of (query vector · field vector) / |query vector|, and
   * the field vector's entries are the posting weights, so the score is Σ boost × weight over the
   * query's terms, divided by the query vector's length. tests/test_search_index.py checks it
   * against the Python lunr index. */
  Engine.prototype.search = function (query) {
    var self = this, parsed = parseQuery(query), words = parsed.words, suggested = {};
    if (!words.length) return Promise.resolve({ words: words, phrases: [], suggested: suggested, hits: [] });
    var terms = [].concat.apply([], words);
    return this.ready().then(function () { return self.ensureTerms(terms); }).then(function () {
      /* a word found nowhere: the closest indexed word instead ("did you mean") */
      return Promise.all(words.map(function (forms, i) {
        if (!self.manifest.shards.length || self.docCount(forms, null, true)) return null;
        return self.suggest(forms[0]).then(function (t) {
          if (!t) return;
          suggested[forms[0]] = t;
          words[i] = ArshifAnalyzer.forms(t);
          return self.ensureTerms(words[i]);
        });
      }));
    }).then(function () {
      return { words: words, phrases: parsed.phrases, suggested: suggested, hits: self.rank(words) };
    });
  };

  /* The documents holding every word of `words` (each the list of its readings, the word as typed
   * first), in a printed field or in the names of their entities, ranked (byRank). */
  Engine.prototype.rank = function (words) {
    var m = this.manifest, size = m.docs, fields = m.fields, titleAt = fields.indexOf("title");
    var namesAt = fields.indexOf("entities"), printed = {}, self = this;
    this.printedFields().forEach(function (f) { printed[f] = true; });
    var scores = new Float64Array(size), boosts = {}, flags = [];
    words.forEach(function (forms) {
      var mask = new Uint8Array(size);
      forms.forEach(function (t, r) {
        var p = self.posting(t);
        if (!p) return;
        boosts[t] = (boosts[t] || 0) + (r === 0 ? LITERAL_BOOST : 1);
        for (var f = 0; f < p.length; f++) {
          var bit = printed[f] ? PRINTED | (r === 0 ? AS_TYPED : 0) | (f === titleAt ? IN_TITLE : 0)
            : f === namesAt ? NAMED : 0, docs = p[f].docs;
          if (bit) for (var i = 0; i < docs.length; i++) mask[docs[i]] |= bit;
        }
      });
      flags.push(mask);
    });
    var length = 0;
    Object.keys(boosts).sort().forEach(function (t) {
      var b = boosts[t], p = self.posting(t);
      length += b * b;
      for (var f = 0; f < p.length; f++) {
        var docs = p[f].docs, weights = p[f].weights;
        for (var i = 0; i < docs.length; i++) scores[docs[i]] += b * weights[i];
      }
    });
    length = Math.sqrt(length);
    /* the documents holding every word, ordered as byRank orders hits (near is 0 for all here) */
    var found = [], named = new Uint8Array(size), literal = new Uint8Array(size), title = new Uint8Array(size);
    for (var n = 0; n < size; n++) {
      var ok = true;
      for (var w = 0; w < flags.length && ok; w++) {
        var fl = flags[w][n];
        if (!(fl & (PRINTED | NAMED))) ok = false;
        else {
          if (!(fl & PRINTED)) named[n] = 1;
          if (fl & AS_TYPED) literal[n]++;
          if (fl & IN_TITLE) title[n]++;
        }
      }
      if (ok) found.push(n);
    }
    found.sort(function (a, b) {
      return (named[a] - named[b]) || (literal[b] - literal[a]) || (title[b] - title[a]) ||
        (scores[b] - scores[a]) || (a - b);
    });
    return found.map(function (n) {
      var words = [];
      if (named[n]) flags.forEach(function (mask, w) { if (!(mask[n] & PRINTED)) words.push(w); });
      return { n: n, score: scores[n] / length, named: words, literal: literal[n], title: title[n], near: 0 };
    });
  };

  function byRank(a, b) {
    return (a.named.length ? 1 : 0) - (b.named.length ? 1 : 0) || (b.literal - a.literal) ||
      (b.title - a.title) || (a.near - b.near) || (b.score - a.score) || (a.n - b.n);
  }

  /* File `rel` of the index (every file but the manifest is gzipped JSON: "t/3" → t/3.json.gz),
   * inflated by the browser's DecompressionStream, or by fflate (assets/javascripts/vendor/fflate.js,
   * loaded the first time) where there is none (Safari before 16.4). */
  Engine.prototype.gz = function (rel) {
    var self = this;
    return fetch(this.url + rel + ".json.gz?v=" + this.manifest.build).then(function (r) {
      if (!r.ok) throw new Error(rel + ": HTTP " + r.status);
      if (typeof DecompressionStream !== "undefined") {
        return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).json();
      }
      return Promise.all([r.arrayBuffer(), self.inflater()]).then(function (got) {
        return JSON.parse(new TextDecoder().decode(got[1].gunzipSync(new Uint8Array(got[0]))));
      });
    });
  };

  /* File `rel` (see `gz`), fetched once; a failed fetch is tried again by the next query. */
  Engine.prototype.chunkFile = function (rel) {
    var self = this;
    if (!this.chunks[rel]) {
      this.chunks[rel] = this.ready().then(function () { return self.gz(rel); }).catch(function (err) {
        delete self.chunks[rel];
        throw err;
      });
    }
    return this.chunks[rel];
  };

  /* Document n as one result shows it: [title, body, [entity id, …], url, date, outlet, byline]
   * (`show` puts the entities' names in place of their ids). Its record, x/<n>.json.gz, holds all
   * but the body; the body is the article page's own text, read from the page (`pageText`): the
   * site keeps each article's text once. Fetched once; a failed fetch is tried again. */
  Engine.prototype.text = function (n) {
    var self = this, key = "text/" + n;
    if (!this.chunks[key]) {
      this.chunks[key] = this.chunkFile("x/" + n).then(function (rec) {
        return fetch(self.root + rec[2]).then(function (r) {
          if (!r.ok) throw new Error(rec[2] + ": HTTP " + r.status);
          return r.text();
        }).then(function (html) {
          return [rec[0], pageText(html)].concat(rec.slice(1));
        });
      }).catch(function (err) {
        delete self.chunks[key];
        throw err;
      });
    }
    return this.chunks[key];
  };

  /* The text of an article page (its `.arshif-text` block, paragraphs joined by a space, whitespace
   * collapsed): the article's body as the generator wrote it, which the index's tokens come from. */
  function pageText(html) {
    var block = new DOMParser().parseFromString(html, "text/html").querySelector(".arshif-text");
    if (!block) return "";
    return Array.prototype.map.call(block.children, function (el) { return el.textContent; })
      .join(" ").replace(/\s+/g, " ").trim();
  }

  /* fflate, loaded once from the site (only where the browser cannot inflate gzip itself). */
  Engine.prototype.inflater = function () {
    var self = this;
    if (!this.fflate) {
      this.fflate = window.fflate ? Promise.resolve(window.fflate)
        : loadScript(new URL("../assets/javascripts/vendor/fflate.js", this.url).href).then(function () {
          return window.fflate;
        }, function (err) {
          delete self.fflate;  /* loaded again by the next query */
          throw err;
        });
    }
    return this.fflate;
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

  /* Keep the hits whose title or text holds every quoted phrase, and rank the first `first` (the
   * results the view shows at once, whose texts it fetches anyway) by how close together the query
   * words stand. → Promise of the hits. */
  Engine.prototype.refine = function (res, first) {
    var self = this, hits = res.hits;
    var needPhrase = res.phrases.length > 0, needNear = res.words.length > 1;
    if (!needPhrase && !needNear) return Promise.resolve(hits);
    var checked = needPhrase ? hits.slice(0, PHRASE_MAX) : hits.slice(0, first);
    return Promise.all(checked.map(function (h) { return self.text(h.n); })).then(function (texts) {
      var kept = [];
      checked.forEach(function (h, i) {
        var tokens = ArshifAnalyzer.tokenize(texts[i][0] + " . " + texts[i][1]);
        if (needPhrase && !res.phrases.every(function (p) { return hasPhrase(tokens, p); })) return;
        if (needNear && i < first) {
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
    return this.chunkFile(kind + "/" + k);
  };

  /* The documents of list `key` ("e:<entity id>", "t:<topic id>", "o:<outlet name>"), ascending
   * (newest first), from the list shards (l/<k>.json.gz); [] for a key no shard holds. */
  Engine.prototype.list = function (key) {
    var self = this;
    return this.ready().then(function () {
      var first = self.manifest.lists || [];
      if (!first.length) return [];
      return self.chunk("l", shardFor(first, key)).then(function (shard) {
        var n = 0;
        return shard[key] ? decodeVarints(shard[key]).map(function (gap) { return (n += gap); }) : [];
      });
    });
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

  /* One result: `text` is the document as Engine.text gives it (its entities named by `show`). */
  function resultHtml(text, res, root, hit, option) {
    var terms = termSet(res.words), url = text[3], date = text[4], outlet = text[5], byline = text[6];
    var attrs = option ? ' role="option" id="arshif-opt-' + hit.n + '" aria-selected="false"' : "";
    return '<li class="md-search-result__item arshif-result" data-doc="' + hit.n + '"' + attrs + ">" +
      '<a href="' + esc(root + url) + '" class="md-search-result__link"' + (option ? ' tabindex="-1"' : "") + ">" +
      '<article class="md-search-result__article md-typeset">' +
      "<h1><bdi>" + highlight(text[0], terms) + "</bdi></h1>" +
      '<p class="arshif-result__meta"><time datetime="' + esc(date) + '">' + highlight(arabicDate(date), terms) +
      "</time>" + (outlet ? ' · <bdi class="arshif-result__outlet">' + highlight(outlet, terms) + "</bdi>" : "") +
      (byline ? ' · <bdi class="arshif-result__byline">' + highlight(byline, terms) + "</bdi>" : "") +
      '</p><p class="arshif-result__snippet">' + highlight(snippet(text[1], terms, SNIPPET_CHARS, res.words), terms) +
      "</p>" + whyHtml(hit, res.words, text) + "</article></a></li>";
  }

  /* Show `hits`: their texts (one file each, all requested at once) painted by `paint(texts)`; when
   * a hit matched through an entity's name, with the facet labels (f/meta), whose names replace the
   * entity ids of every text ([name, other names…] each, as `whyHtml` reads them).
   * → Promise, false when `current()` says the query is stale. */
  function show(engine, hits, paint, current) {
    var named = hits.some(function (h) { return h.named && h.named.length; });
    return Promise.all(hits.map(function (h) { return engine.text(h.n); })
      .concat(named ? [engine.chunk("f", "meta")] : [])).then(function (got) {
      if (!current()) return false;
      var texts = got.slice(0, hits.length), meta = named ? got[hits.length] : null;
      if (meta) {  /* a result matched through a name says which: the texts hold entity ids only */
        var forms = {};
        meta.entities.forEach(function (e) { forms[e[0]] = [e[1]].concat(e[3] || []); });
        texts = texts.map(function (t) {
          t = t.slice();
          t[2] = (t[2] || []).map(function (id) { return forms[id] || [id]; });
          return t;
        });
      }
      paint(texts);
      return true;
    });
  }

  /* Start fetching the texts of the first `count` hits while the rest of the work (the proximity
   * ranking, the facets) goes on; `show` then finds them loaded or on their way. */
  function prefetch(engine, hits, count) {
    hits.slice(0, count).forEach(function (h) { engine.text(h.n).catch(function () {}); });
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
    ".arshif-search-page__tools[hidden]{display:none}",
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
      return show(engine, batch, function (texts) {
        var old = list.querySelector(".arshif-more");
        if (old) old.remove();
        list.insertAdjacentHTML("beforeend", texts.map(function (text, i) {
          return resultHtml(text, current, root, batch[i], true);
        }).join(""));
        shown += batch.length;
        if (shown < current.hits.length) {
          list.insertAdjacentHTML("beforeend", '<li class="md-search-result__item arshif-more" role="option" ' +
            'id="arshif-opt-more" aria-selected="false"><button type="button" tabindex="-1">المزيد من النتائج (' +
            esc(countText(current.hits.length - shown)) + ")</button></li>");
        }
        setExpanded(true);
        box.setAttribute("data-arshif-shown", String(shown));
        box.setAttribute("data-arshif-state", "done");  /* results, snippets and why-lines on screen */
      }, function () { return seqAt === seq; });
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
        if (mine === seq) prefetch(engine, res.hits, HEADER_PAGE);
        return engine.refine(res, HEADER_PAGE).then(function (hits) { res.hits = hits; return res; });
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
      timer = setTimeout(run, HEADER_WAIT);
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
                  entity: params.get("entity") || "", topic: params.get("topic") || "",
                  sort: params.get("sort") === "date" ? "date" : "" };
    var seq = 0, data = null, limit = SEARCH_PAGE, timer = null;

    function syncUrl() {
      var p = new URLSearchParams();
      ["q", "year", "outlet", "entity", "topic", "sort"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
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

    /* The search page's results: `texts` of the `shown` hits, after `head` (its count line), with
     * «المزيد» while fewer than `total` are shown. */
    function resultsHtml(head, texts, res, shown, total) {
      return head + '<ol class="md-search-result__list">' + texts.map(function (text, i) {
        return resultHtml(text, res, root, shown[i], false);
      }).join("") + "</ol>" +
        (total > shown.length ? '<button type="button" class="md-button arshif-search-page__more">المزيد</button>' : "");
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
      return show(engine, shown, function (texts) {
        resultsEl.innerHTML = resultsHtml(suggestedHtml(data) + '<p class="arshif-search-page__count">' +
          countText(hits.length) + "</p>", texts, data, shown, hits.length);
        page.setAttribute("data-arshif-count", String(hits.length));
        page.setAttribute("data-arshif-state", "done");
      }, function () { return mine === seq; });
    }

    /* No words, but a name, a topic or an outlet (the link at the end of its page's list): all its
     * articles, newest first, SEARCH_PAGE at a time. */
    function browse(mine) {
      var key = state.entity ? "e:" + state.entity : state.topic ? "t:" + state.topic : "o:" + state.outlet;
      filtersEl.innerHTML = "";
      page.setAttribute("data-arshif-state", "searching");
      return Promise.all([engine.list(key), engine.chunk("f", "meta")]).then(function (got) {
        if (mine !== seq) return;
        var ns = got[0], meta = got[1], label = state.entity || state.topic || state.outlet;  /* an unknown id as it is */
        (state.entity ? meta.entities : state.topic ? meta.topics || [] : []).forEach(function (e) {
          if (e[0] === (state.entity || state.topic)) label = e[1];
        });
        var head = state.entity ? "المقالات التي تذكر " : state.topic ? "مقالات موضوع " : "مقالات ";
        var shown = ns.slice(0, limit).map(function (n) { return { n: n, named: [] }; });
        return show(engine, shown, function (texts) {
          resultsEl.innerHTML = resultsHtml('<p class="arshif-search-page__count">' + head + "<bdi>" + esc(label || "") +
            "</bdi>: " + countText(ns.length) + "، الأحدث أولاً</p>", texts, { words: [] }, shown, ns.length);
          page.setAttribute("data-arshif-count", String(ns.length));
          page.setAttribute("data-arshif-state", "done");
        }, function () { return mine === seq; });
      }).catch(function (err) {
        if (mine !== seq) return;
        resultsEl.textContent = "تعذر البحث: " + err.message;
        page.setAttribute("data-arshif-state", "error");
      });
    }

    function browsing() {
      return !ArshifAnalyzer.queryWords(state.q).length && !!(state.entity || state.topic || state.outlet);
    }

    function run() {
      var mine = ++seq;
      limit = SEARCH_PAGE;
      /* what cannot apply is dropped from the address too: a list is one name, topic or outlet, by
       * date, over every year; a search filters by year, outlet and name (no topic facet) */
      if (browsing()) {
        if (state.entity) state.topic = state.outlet = "";
        else if (state.topic) state.outlet = "";
        state.year = state.sort = "";
      } else state.topic = "";
      syncUrl();
      if (sortEl) sortEl.closest("p").hidden = browsing();
      if (browsing()) return browse(mine);
      if (!ArshifAnalyzer.queryWords(state.q).length) {
        filtersEl.innerHTML = "";
        resultsEl.innerHTML = "<p>اكتب كلمة أو أكثر للبحث في الأرشيف.</p>";
        page.setAttribute("data-arshif-state", "idle");
        return;
      }
      page.setAttribute("data-arshif-state", "searching");
      engine.search(state.q).then(function (res) {
        if (mine === seq && !state.year && !state.outlet && !state.entity && !state.sort) {
          prefetch(engine, res.hits, SEARCH_PAGE);
        }
        return engine.refine(res, SEARCH_PAGE).then(function (hits) { res.hits = hits; return res; });
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
      state.year = state.outlet = state.entity = state.topic = "";
      run();
    });
    input.addEventListener("input", function () {  /* search as you type */
      clearTimeout(timer);
      page.setAttribute("data-arshif-state", "typing");
      timer = setTimeout(function () {
        state.q = input.value;
        state.year = state.outlet = state.entity = state.topic = "";
        run();
      }, PAGE_WAIT);
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
      if (!(e.target.closest && e.target.closest(".arshif-search-page__more"))) return;
      limit += SEARCH_PAGE;
      if (browsing()) browse(++seq);
      else if (data) { seq++; render(); }
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
