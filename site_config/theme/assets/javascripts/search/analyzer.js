/* Arshif search analyzer: the JavaScript twin of generator/search/analyzer.py.
 * Both are checked against tests/analyzer_vectors.json; see the Python module for the rules.
 * Works in the browser (window.ArshifAnalyzer) and under node (module.exports). */
(function (root) {
  "use strict";

  var MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "«": '"', "»": '"', "\u2018": "'", "\u2019": "'",
    "\u2039": '"', "\u203a": '"',
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\ufeff": ""
  };
  var i;
  for (i = 0; i < 10; i++) {
    MAP[String.fromCharCode(0x0660 + i)] = String(i);
    MAP[String.fromCharCode(0x06f0 + i)] = String(i);
  }
  /* Harakat, tanween, shadda, sukun, superscript alef, Quranic signs, tatweel. */
  var DROP = [[0x064b, 0x065f], [0x0670, 0x0670], [0x0640, 0x0640], [0x06d6, 0x06ed], [0x0610, 0x061a]];
  DROP.forEach(function (r) {
    for (var c = r[0]; c <= r[1]; c++) MAP[String.fromCharCode(c)] = "";
  });

  var CONJUNCTIONS = ["", "و", "ف"];
  var PREPOSITIONS = ["", "ب", "ك", "ل"];
  var MIN_STEM = 3;
  var MIN_STEM_AFTER_ARTICLE = 2;

  var ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc";
  var LATIN_LETTERS = "a-z\u00df-\u00f6\u00f8-\u00ff";
  var TOKEN = new RegExp("[" + ARABIC_LETTERS + "]+|[" + LATIN_LETTERS + "0-9]+", "g");

  function cmpStr(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /* Python compares strings by code point, JavaScript by UTF-16 unit; the same for the BMP
   * letters a token can hold. */
  var PREFIXES = (function () {
    var seen = {}, out = [];
    CONJUNCTIONS.forEach(function (conj) {
      PREPOSITIONS.forEach(function (prep) {
        [false, true].forEach(function (article) {
          var prefix = article ? conj + (prep === "ل" ? "لل" : prep + "ال") : conj + prep;
          var key = prefix + "|" + article;
          if (prefix && !seen[key]) { seen[key] = true; out.push([prefix, article]); }
        });
      });
    });
    out.sort(function (a, b) {
      return (b[0].length - a[0].length) || cmpStr(a[0], b[0]) || (a[1] === b[1] ? 0 : a[1] ? 1 : -1);
    });
    return out;
  })();

  function fold(text) {
    var s = String(text).normalize("NFC"), out = "";
    for (var k = 0; k < s.length; k++) {
      var ch = s.charAt(k);
      var code = s.charCodeAt(k);
      if (code >= 0xd800 && code <= 0xdbff && k + 1 < s.length) { ch = s.substr(k, 2); k++; }
      out += Object.prototype.hasOwnProperty.call(MAP, ch) ? MAP[ch] : ch;
    }
    return out.toLowerCase();
  }

  function minStem(prefix, article) {
    return article ? MIN_STEM_AFTER_ARTICLE : MIN_STEM + prefix.length - 1;
  }

  function tokenize(text) {
    return fold(text).match(TOKEN) || [];
  }

  function forms(word) {
    var out = [word];
    PREFIXES.forEach(function (p) {
      var prefix = p[0];
      if (word.indexOf(prefix) !== 0) return;
      var stem = word.slice(prefix.length);
      if (stem.length >= minStem(prefix, p[1]) && out.indexOf(stem) < 0) out.push(stem);
    });
    var rest = out.slice(1).sort(function (a, b) { return (b.length - a.length) || cmpStr(a, b); });
    return [out[0]].concat(rest);
  }

  function indexTerms(text) {
    var terms = [];
    tokenize(text).forEach(function (w) { terms.push.apply(terms, forms(w)); });
    return terms;
  }

  function queryWords(text) {
    var seen = {}, out = [];
    tokenize(text).forEach(function (w) {
      if (!Object.prototype.hasOwnProperty.call(seen, w)) { seen[w] = true; out.push(forms(w)); }
    });
    return out;
  }

  var api = { fold: fold, tokenize: tokenize, forms: forms, indexTerms: indexTerms, queryWords: queryWords,
              PREFIXES: PREFIXES, MIN_STEM: MIN_STEM, MIN_STEM_AFTER_ARTICLE: MIN_STEM_AFTER_ARTICLE };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ArshifAnalyzer = api;
})(typeof self !== "undefined" ? self : this);
