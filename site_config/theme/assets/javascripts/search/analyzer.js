/* Arshif search analyzer: the JavaScript twin of generator/search/analyzer.py.
 * Both are checked against tests/analyzer_vectors.json; see the Python module for the rules.
 * Works in the browser (window.ArshifAnalyzer) and under node (module.exports). */
(function (root) {
  "use strict";

  /* The compiled normalisation table (generator/normalisation.json): presentation forms, format
   * characters, diacritics, tatweel, alef forms, hamza seats, ى/ي, ة/ه, Persian letters, digits and
   * quotes. Never edit by hand: tests/test_normalisation.py fails when it differs from the table. */
  /* BEGIN FOLD MAP: generated from generator/normalisation.json by python -m generator.arabic --write-js */
  var PRE = {"\u00ad":"","\u0600":"","\u0601":"","\u0602":"","\u0603":"","\u0604":"","\u0605":"","\u061c":"","\u06dd":"","\u070f":"","\u0890":"","\u0891":"","\u08e2":"","\u180e":"","\u200b":"","\u200c":"","\u200d":"","\u200e":"","\u200f":"","\u202a":"","\u202b":"","\u202c":"","\u202d":"","\u202e":"","\u2060":"","\u2061":"","\u2062":"","\u2063":"","\u2064":"","\u2066":"","\u2067":"","\u2068":"","\u2069":"","\u206a":"","\u206b":"","\u206c":"","\u206d":"","\u206e":"","\u206f":"","\ufb50":"\u0671","\ufb51":"\u0671","\ufb52":"\u067b","\ufb53":"\u067b","\ufb54":"\u067b","\ufb55":"\u067b","\ufb56":"\u067e","\ufb57":"\u067e","\ufb58":"\u067e","\ufb59":"\u067e","\ufb5a":"\u0680","\ufb5b":"\u0680","\ufb5c":"\u0680","\ufb5d":"\u0680","\ufb5e":"\u067a","\ufb5f":"\u067a","\ufb60":"\u067a","\ufb61":"\u067a","\ufb62":"\u067f","\ufb63":"\u067f","\ufb64":"\u067f","\ufb65":"\u067f","\ufb66":"\u0679","\ufb67":"\u0679","\ufb68":"\u0679","\ufb69":"\u0679","\ufb6a":"\u06a4","\ufb6b":"\u06a4","\ufb6c":"\u06a4","\ufb6d":"\u06a4","\ufb6e":"\u06a6","\ufb6f":"\u06a6","\ufb70":"\u06a6","\ufb71":"\u06a6","\ufb72":"\u0684","\ufb73":"\u0684","\ufb74":"\u0684","\ufb75":"\u0684","\ufb76":"\u0683","\ufb77":"\u0683","\ufb78":"\u0683","\ufb79":"\u0683","\ufb7a":"\u0686","\ufb7b":"\u0686","\ufb7c":"\u0686","\ufb7d":"\u0686","\ufb7e":"\u0687","\ufb7f":"\u0687","\ufb80":"\u0687","\ufb81":"\u0687","\ufb82":"\u068d","\ufb83":"\u068d","\ufb84":"\u068c","\ufb85":"\u068c","\ufb86":"\u068e","\ufb87":"\u068e","\ufb88":"\u0688","\ufb89":"\u0688","\ufb8a":"\u0698","\ufb8b":"\u0698","\ufb8c":"\u0691","\ufb8d":"\u0691","\ufb8e":"\u06a9","\ufb8f":"\u06a9","\ufb90":"\u06a9","\ufb91":"\u06a9","\ufb92":"\u06af","\ufb93":"\u06af","\ufb94":"\u06af","\ufb95":"\u06af","\ufb96":"\u06b3","\ufb97":"\u06b3","\ufb98":"\u06b3","\ufb99":"\u06b3","\ufb9a":"\u06b1","\ufb9b":"\u06b1","\ufb9c":"\u06b1","\ufb9d":"\u06b1","\ufb9e":"\u06ba","\ufb9f":"\u06ba","\ufba0":"\u06bb","\ufba1":"\u06bb","\ufba2":"\u06bb","\ufba3":"\u06bb","\ufba4":"\u06c0","\ufba5":"\u06c0","\ufba6":"\u06c1","\ufba7":"\u06c1","\ufba8":"\u06c1","\ufba9":"\u06c1","\ufbaa":"\u06be","\ufbab":"\u06be","\ufbac":"\u06be","\ufbad":"\u06be","\ufbae":"\u06d2","\ufbaf":"\u06d2","\ufbb0":"\u06d3","\ufbb1":"\u06d3","\ufbd3":"\u06ad","\ufbd4":"\u06ad","\ufbd5":"\u06ad","\ufbd6":"\u06ad","\ufbd7":"\u06c7","\ufbd8":"\u06c7","\ufbd9":"\u06c6","\ufbda":"\u06c6","\ufbdb":"\u06c8","\ufbdc":"\u06c8","\ufbdd":"\u06c7\u0674","\ufbde":"\u06cb","\ufbdf":"\u06cb","\ufbe0":"\u06c5","\ufbe1":"\u06c5","\ufbe2":"\u06c9","\ufbe3":"\u06c9","\ufbe4":"\u06d0","\ufbe5":"\u06d0","\ufbe6":"\u06d0","\ufbe7":"\u06d0","\ufbe8":"\u0649","\ufbe9":"\u0649","\ufbea":"\u0626\u0627","\ufbeb":"\u0626\u0627","\ufbec":"\u0626\u06d5","\ufbed":"\u0626\u06d5","\ufbee":"\u0626\u0648","\ufbef":"\u0626\u0648","\ufbf0":"\u0626\u06c7","\ufbf1":"\u0626\u06c7","\ufbf2":"\u0626\u06c6","\ufbf3":"\u0626\u06c6","\ufbf4":"\u0626\u06c8","\ufbf5":"\u0626\u06c8","\ufbf6":"\u0626\u06d0","\ufbf7":"\u0626\u06d0","\ufbf8":"\u0626\u06d0","\ufbf9":"\u0626\u0649","\ufbfa":"\u0626\u0649","\ufbfb":"\u0626\u0649","\ufbfc":"\u06cc","\ufbfd":"\u06cc","\ufbfe":"\u06cc","\ufbff":"\u06cc","\ufc00":"\u0626\u062c","\ufc01":"\u0626\u062d","\ufc02":"\u0626\u0645","\ufc03":"\u0626\u0649","\ufc04":"\u0626\u064a","\ufc05":"\u0628\u062c","\ufc06":"\u0628\u062d","\ufc07":"\u0628\u062e","\ufc08":"\u0628\u0645","\ufc09":"\u0628\u0649","\ufc0a":"\u0628\u064a","\ufc0b":"\u062a\u062c","\ufc0c":"\u062a\u062d","\ufc0d":"\u062a\u062e","\ufc0e":"\u062a\u0645","\ufc0f":"\u062a\u0649","\ufc10":"\u062a\u064a","\ufc11":"\u062b\u062c","\ufc12":"\u062b\u0645","\ufc13":"\u062b\u0649","\ufc14":"\u062b\u064a","\ufc15":"\u062c\u062d","\ufc16":"\u062c\u0645","\ufc17":"\u062d\u062c","\ufc18":"\u062d\u0645","\ufc19":"\u062e\u062c","\ufc1a":"\u062e\u062d","\ufc1b":"\u062e\u0645","\ufc1c":"\u0633\u062c","\ufc1d":"\u0633\u062d","\ufc1e":"\u0633\u062e","\ufc1f":"\u0633\u0645","\ufc20":"\u0635\u062d","\ufc21":"\u0635\u0645","\ufc22":"\u0636\u062c","\ufc23":"\u0636\u062d","\ufc24":"\u0636\u062e","\ufc25":"\u0636\u0645","\ufc26":"\u0637\u062d","\ufc27":"\u0637\u0645","\ufc28":"\u0638\u0645","\ufc29":"\u0639\u062c","\ufc2a":"\u0639\u0645","\ufc2b":"\u063a\u062c","\ufc2c":"\u063a\u0645","\ufc2d":"\u0641\u062c","\ufc2e":"\u0641\u062d","\ufc2f":"\u0641\u062e","\ufc30":"\u0641\u0645","\ufc31":"\u0641\u0649","\ufc32":"\u0641\u064a","\ufc33":"\u0642\u062d","\ufc34":"\u0642\u0645","\ufc35":"\u0642\u0649","\ufc36":"\u0642\u064a","\ufc37":"\u0643\u0627","\ufc38":"\u0643\u062c","\ufc39":"\u0643\u062d","\ufc3a":"\u0643\u062e","\ufc3b":"\u0643\u0644","\ufc3c":"\u0643\u0645","\ufc3d":"\u0643\u0649","\ufc3e":"\u0643\u064a","\ufc3f":"\u0644\u062c","\ufc40":"\u0644\u062d","\ufc41":"\u0644\u062e","\ufc42":"\u0644\u0645","\ufc43":"\u0644\u0649","\ufc44":"\u0644\u064a","\ufc45":"\u0645\u062c","\ufc46":"\u0645\u062d","\ufc47":"\u0645\u062e","\ufc48":"\u0645\u0645","\ufc49":"\u0645\u0649","\ufc4a":"\u0645\u064a","\ufc4b":"\u0646\u062c","\ufc4c":"\u0646\u062d","\ufc4d":"\u0646\u062e","\ufc4e":"\u0646\u0645","\ufc4f":"\u0646\u0649","\ufc50":"\u0646\u064a","\ufc51":"\u0647\u062c","\ufc52":"\u0647\u0645","\ufc53":"\u0647\u0649","\ufc54":"\u0647\u064a","\ufc55":"\u064a\u062c","\ufc56":"\u064a\u062d","\ufc57":"\u064a\u062e","\ufc58":"\u064a\u0645","\ufc59":"\u064a\u0649","\ufc5a":"\u064a\u064a","\ufc5b":"\u0630\u0670","\ufc5c":"\u0631\u0670","\ufc5d":"\u0649\u0670","\ufc5e":"\u064c\u0651","\ufc5f":"\u064d\u0651","\ufc60":"\u064e\u0651","\ufc61":"\u064f\u0651","\ufc62":"\u0650\u0651","\ufc63":"\u0651\u0670","\ufc64":"\u0626\u0631","\ufc65":"\u0626\u0632","\ufc66":"\u0626\u0645","\ufc67":"\u0626\u0646","\ufc68":"\u0626\u0649","\ufc69":"\u0626\u064a","\ufc6a":"\u0628\u0631","\ufc6b":"\u0628\u0632","\ufc6c":"\u0628\u0645","\ufc6d":"\u0628\u0646","\ufc6e":"\u0628\u0649","\ufc6f":"\u0628\u064a","\ufc70":"\u062a\u0631","\ufc71":"\u062a\u0632","\ufc72":"\u062a\u0645","\ufc73":"\u062a\u0646","\ufc74":"\u062a\u0649","\ufc75":"\u062a\u064a","\ufc76":"\u062b\u0631","\ufc77":"\u062b\u0632","\ufc78":"\u062b\u0645","\ufc79":"\u062b\u0646","\ufc7a":"\u062b\u0649","\ufc7b":"\u062b\u064a","\ufc7c":"\u0641\u0649","\ufc7d":"\u0641\u064a","\ufc7e":"\u0642\u0649","\ufc7f":"\u0642\u064a","\ufc80":"\u0643\u0627","\ufc81":"\u0643\u0644","\ufc82":"\u0643\u0645","\ufc83":"\u0643\u0649","\ufc84":"\u0643\u064a","\ufc85":"\u0644\u0645","\ufc86":"\u0644\u0649","\ufc87":"\u0644\u064a","\ufc88":"\u0645\u0627","\ufc89":"\u0645\u0645","\ufc8a":"\u0646\u0631","\ufc8b":"\u0646\u0632","\ufc8c":"\u0646\u0645","\ufc8d":"\u0646\u0646","\ufc8e":"\u0646\u0649","\ufc8f":"\u0646\u064a","\ufc90":"\u0649\u0670","\ufc91":"\u064a\u0631","\ufc92":"\u064a\u0632","\ufc93":"\u064a\u0645","\ufc94":"\u064a\u0646","\ufc95":"\u064a\u0649","\ufc96":"\u064a\u064a","\ufc97":"\u0626\u062c","\ufc98":"\u0626\u062d","\ufc99":"\u0626\u062e","\ufc9a":"\u0626\u0645","\ufc9b":"\u0626\u0647","\ufc9c":"\u0628\u062c","\ufc9d":"\u0628\u062d","\ufc9e":"\u0628\u062e","\ufc9f":"\u0628\u0645","\ufca0":"\u0628\u0647","\ufca1":"\u062a\u062c","\ufca2":"\u062a\u062d","\ufca3":"\u062a\u062e","\ufca4":"\u062a\u0645","\ufca5":"\u062a\u0647","\ufca6":"\u062b\u0645","\ufca7":"\u062c\u062d","\ufca8":"\u062c\u0645","\ufca9":"\u062d\u062c","\ufcaa":"\u062d\u0645","\ufcab":"\u062e\u062c","\ufcac":"\u062e\u0645","\ufcad":"\u0633\u062c","\ufcae":"\u0633\u062d","\ufcaf":"\u0633\u062e","\ufcb0":"\u0633\u0645","\ufcb1":"\u0635\u062d","\ufcb2":"\u0635\u062e","\ufcb3":"\u0635\u0645","\ufcb4":"\u0636\u062c","\ufcb5":"\u0636\u062d","\ufcb6":"\u0636\u062e","\ufcb7":"\u0636\u0645","\ufcb8":"\u0637\u062d","\ufcb9":"\u0638\u0645","\ufcba":"\u0639\u062c","\ufcbb":"\u0639\u0645","\ufcbc":"\u063a\u062c","\ufcbd":"\u063a\u0645","\ufcbe":"\u0641\u062c","\ufcbf":"\u0641\u062d","\ufcc0":"\u0641\u062e","\ufcc1":"\u0641\u0645","\ufcc2":"\u0642\u062d","\ufcc3":"\u0642\u0645","\ufcc4":"\u0643\u062c","\ufcc5":"\u0643\u062d","\ufcc6":"\u0643\u062e","\ufcc7":"\u0643\u0644","\ufcc8":"\u0643\u0645","\ufcc9":"\u0644\u062c","\ufcca":"\u0644\u062d","\ufccb":"\u0644\u062e","\ufccc":"\u0644\u0645","\ufccd":"\u0644\u0647","\ufcce":"\u0645\u062c","\ufccf":"\u0645\u062d","\ufcd0":"\u0645\u062e","\ufcd1":"\u0645\u0645","\ufcd2":"\u0646\u062c","\ufcd3":"\u0646\u062d","\ufcd4":"\u0646\u062e","\ufcd5":"\u0646\u0645","\ufcd6":"\u0646\u0647","\ufcd7":"\u0647\u062c","\ufcd8":"\u0647\u0645","\ufcd9":"\u0647\u0670","\ufcda":"\u064a\u062c","\ufcdb":"\u064a\u062d","\ufcdc":"\u064a\u062e","\ufcdd":"\u064a\u0645","\ufcde":"\u064a\u0647","\ufcdf":"\u0626\u0645","\ufce0":"\u0626\u0647","\ufce1":"\u0628\u0645","\ufce2":"\u0628\u0647","\ufce3":"\u062a\u0645","\ufce4":"\u062a\u0647","\ufce5":"\u062b\u0645","\ufce6":"\u062b\u0647","\ufce7":"\u0633\u0645","\ufce8":"\u0633\u0647","\ufce9":"\u0634\u0645","\ufcea":"\u0634\u0647","\ufceb":"\u0643\u0644","\ufcec":"\u0643\u0645","\ufced":"\u0644\u0645","\ufcee":"\u0646\u0645","\ufcef":"\u0646\u0647","\ufcf0":"\u064a\u0645","\ufcf1":"\u064a\u0647","\ufcf2":"\u0640\u064e\u0651","\ufcf3":"\u0640\u064f\u0651","\ufcf4":"\u0640\u0650\u0651","\ufcf5":"\u0637\u0649","\ufcf6":"\u0637\u064a","\ufcf7":"\u0639\u0649","\ufcf8":"\u0639\u064a","\ufcf9":"\u063a\u0649","\ufcfa":"\u063a\u064a","\ufcfb":"\u0633\u0649","\ufcfc":"\u0633\u064a","\ufcfd":"\u0634\u0649","\ufcfe":"\u0634\u064a","\ufcff":"\u062d\u0649","\ufd00":"\u062d\u064a","\ufd01":"\u062c\u0649","\ufd02":"\u062c\u064a","\ufd03":"\u062e\u0649","\ufd04":"\u062e\u064a","\ufd05":"\u0635\u0649","\ufd06":"\u0635\u064a","\ufd07":"\u0636\u0649","\ufd08":"\u0636\u064a","\ufd09":"\u0634\u062c","\ufd0a":"\u0634\u062d","\ufd0b":"\u0634\u062e","\ufd0c":"\u0634\u0645","\ufd0d":"\u0634\u0631","\ufd0e":"\u0633\u0631","\ufd0f":"\u0635\u0631","\ufd10":"\u0636\u0631","\ufd11":"\u0637\u0649","\ufd12":"\u0637\u064a","\ufd13":"\u0639\u0649","\ufd14":"\u0639\u064a","\ufd15":"\u063a\u0649","\ufd16":"\u063a\u064a","\ufd17":"\u0633\u0649","\ufd18":"\u0633\u064a","\ufd19":"\u0634\u0649","\ufd1a":"\u0634\u064a","\ufd1b":"\u062d\u0649","\ufd1c":"\u062d\u064a","\ufd1d":"\u062c\u0649","\ufd1e":"\u062c\u064a","\ufd1f":"\u062e\u0649","\ufd20":"\u062e\u064a","\ufd21":"\u0635\u0649","\ufd22":"\u0635\u064a","\ufd23":"\u0636\u0649","\ufd24":"\u0636\u064a","\ufd25":"\u0634\u062c","\ufd26":"\u0634\u062d","\ufd27":"\u0634\u062e","\ufd28":"\u0634\u0645","\ufd29":"\u0634\u0631","\ufd2a":"\u0633\u0631","\ufd2b":"\u0635\u0631","\ufd2c":"\u0636\u0631","\ufd2d":"\u0634\u062c","\ufd2e":"\u0634\u062d","\ufd2f":"\u0634\u062e","\ufd30":"\u0634\u0645","\ufd31":"\u0633\u0647","\ufd32":"\u0634\u0647","\ufd33":"\u0637\u0645","\ufd34":"\u0633\u062c","\ufd35":"\u0633\u062d","\ufd36":"\u0633\u062e","\ufd37":"\u0634\u062c","\ufd38":"\u0634\u062d","\ufd39":"\u0634\u062e","\ufd3a":"\u0637\u0645","\ufd3b":"\u0638\u0645","\ufd3c":"\u0627\u064b","\ufd3d":"\u0627\u064b","\ufd50":"\u062a\u062c\u0645","\ufd51":"\u062a\u062d\u062c","\ufd52":"\u062a\u062d\u062c","\ufd53":"\u062a\u062d\u0645","\ufd54":"\u062a\u062e\u0645","\ufd55":"\u062a\u0645\u062c","\ufd56":"\u062a\u0645\u062d","\ufd57":"\u062a\u0645\u062e","\ufd58":"\u062c\u0645\u062d","\ufd59":"\u062c\u0645\u062d","\ufd5a":"\u062d\u0645\u064a","\ufd5b":"\u062d\u0645\u0649","\ufd5c":"\u0633\u062d\u062c","\ufd5d":"\u0633\u062c\u062d","\ufd5e":"\u0633\u062c\u0649","\ufd5f":"\u0633\u0645\u062d","\ufd60":"\u0633\u0645\u062d","\ufd61":"\u0633\u0645\u062c","\ufd62":"\u0633\u0645\u0645","\ufd63":"\u0633\u0645\u0645","\ufd64":"\u0635\u062d\u062d","\ufd65":"\u0635\u062d\u062d","\ufd66":"\u0635\u0645\u0645","\ufd67":"\u0634\u062d\u0645","\ufd68":"\u0634\u062d\u0645","\ufd69":"\u0634\u062c\u064a","\ufd6a":"\u0634\u0645\u062e","\ufd6b":"\u0634\u0645\u062e","\ufd6c":"\u0634\u0645\u0645","\ufd6d":"\u0634\u0645\u0645","\ufd6e":"\u0636\u062d\u0649","\ufd6f":"\u0636\u062e\u0645","\ufd70":"\u0636\u062e\u0645","\ufd71":"\u0637\u0645\u062d","\ufd72":"\u0637\u0645\u062d","\ufd73":"\u0637\u0645\u0645","\ufd74":"\u0637\u0645\u064a","\ufd75":"\u0639\u062c\u0645","\ufd76":"\u0639\u0645\u0645","\ufd77":"\u0639\u0645\u0645","\ufd78":"\u0639\u0645\u0649","\ufd79":"\u063a\u0645\u0645","\ufd7a":"\u063a\u0645\u064a","\ufd7b":"\u063a\u0645\u0649","\ufd7c":"\u0641\u062e\u0645","\ufd7d":"\u0641\u062e\u0645","\ufd7e":"\u0642\u0645\u062d","\ufd7f":"\u0642\u0645\u0645","\ufd80":"\u0644\u062d\u0645","\ufd81":"\u0644\u062d\u064a","\ufd82":"\u0644\u062d\u0649","\ufd83":"\u0644\u062c\u062c","\ufd84":"\u0644\u062c\u062c","\ufd85":"\u0644\u062e\u0645","\ufd86":"\u0644\u062e\u0645","\ufd87":"\u0644\u0645\u062d","\ufd88":"\u0644\u0645\u062d","\ufd89":"\u0645\u062d\u062c","\ufd8a":"\u0645\u062d\u0645","\ufd8b":"\u0645\u062d\u064a","\ufd8c":"\u0645\u062c\u062d","\ufd8d":"\u0645\u062c\u0645","\ufd8e":"\u0645\u062e\u062c","\ufd8f":"\u0645\u062e\u0645","\ufd92":"\u0645\u062c\u062e","\ufd93":"\u0647\u0645\u062c","\ufd94":"\u0647\u0645\u0645","\ufd95":"\u0646\u062d\u0645","\ufd96":"\u0646\u062d\u0649","\ufd97":"\u0646\u062c\u0645","\ufd98":"\u0646\u062c\u0645","\ufd99":"\u0646\u062c\u0649","\ufd9a":"\u0646\u0645\u064a","\ufd9b":"\u0646\u0645\u0649","\ufd9c":"\u064a\u0645\u0645","\ufd9d":"\u064a\u0645\u0645","\ufd9e":"\u0628\u062e\u064a","\ufd9f":"\u062a\u062c\u064a","\ufda0":"\u062a\u062c\u0649","\ufda1":"\u062a\u062e\u064a","\ufda2":"\u062a\u062e\u0649","\ufda3":"\u062a\u0645\u064a","\ufda4":"\u062a\u0645\u0649","\ufda5":"\u062c\u0645\u064a","\ufda6":"\u062c\u062d\u0649","\ufda7":"\u062c\u0645\u0649","\ufda8":"\u0633\u062e\u0649","\ufda9":"\u0635\u062d\u064a","\ufdaa":"\u0634\u062d\u064a","\ufdab":"\u0636\u062d\u064a","\ufdac":"\u0644\u062c\u064a","\ufdad":"\u0644\u0645\u064a","\ufdae":"\u064a\u062d\u064a","\ufdaf":"\u064a\u062c\u064a","\ufdb0":"\u064a\u0645\u064a","\ufdb1":"\u0645\u0645\u064a","\ufdb2":"\u0642\u0645\u064a","\ufdb3":"\u0646\u062d\u064a","\ufdb4":"\u0642\u0645\u062d","\ufdb5":"\u0644\u062d\u0645","\ufdb6":"\u0639\u0645\u064a","\ufdb7":"\u0643\u0645\u064a","\ufdb8":"\u0646\u062c\u062d","\ufdb9":"\u0645\u062e\u064a","\ufdba":"\u0644\u062c\u0645","\ufdbb":"\u0643\u0645\u0645","\ufdbc":"\u0644\u062c\u0645","\ufdbd":"\u0646\u062c\u062d","\ufdbe":"\u062c\u062d\u064a","\ufdbf":"\u062d\u062c\u064a","\ufdc0":"\u0645\u062c\u064a","\ufdc1":"\u0641\u0645\u064a","\ufdc2":"\u0628\u062d\u064a","\ufdc3":"\u0643\u0645\u0645","\ufdc4":"\u0639\u062c\u0645","\ufdc5":"\u0635\u0645\u0645","\ufdc6":"\u0633\u062e\u064a","\ufdc7":"\u0646\u062c\u064a","\ufdf0":"\u0635\u0644\u06d2","\ufdf1":"\u0642\u0644\u06d2","\ufdf2":"\u0627\u0644\u0644\u0647","\ufdf3":"\u0627\u0643\u0628\u0631","\ufdf4":"\u0645\u062d\u0645\u062f","\ufdf5":"\u0635\u0644\u0639\u0645","\ufdf6":"\u0631\u0633\u0648\u0644","\ufdf7":"\u0639\u0644\u064a\u0647","\ufdf8":"\u0648\u0633\u0644\u0645","\ufdf9":"\u0635\u0644\u0649","\ufdfa":"\u0635\u0644\u0649 \u0627\u0644\u0644\u0647 \u0639\u0644\u064a\u0647 \u0648\u0633\u0644\u0645","\ufdfb":"\u062c\u0644 \u062c\u0644\u0627\u0644\u0647","\ufdfc":"\u0631\u06cc\u0627\u0644","\ufe70":"\u064b","\ufe71":"\u0640\u064b","\ufe72":"\u064c","\ufe74":"\u064d","\ufe76":"\u064e","\ufe77":"\u0640\u064e","\ufe78":"\u064f","\ufe79":"\u0640\u064f","\ufe7a":"\u0650","\ufe7b":"\u0640\u0650","\ufe7c":"\u0651","\ufe7d":"\u0640\u0651","\ufe7e":"\u0652","\ufe7f":"\u0640\u0652","\ufe80":"\u0621","\ufe81":"\u0622","\ufe82":"\u0622","\ufe83":"\u0623","\ufe84":"\u0623","\ufe85":"\u0624","\ufe86":"\u0624","\ufe87":"\u0625","\ufe88":"\u0625","\ufe89":"\u0626","\ufe8a":"\u0626","\ufe8b":"\u0626","\ufe8c":"\u0626","\ufe8d":"\u0627","\ufe8e":"\u0627","\ufe8f":"\u0628","\ufe90":"\u0628","\ufe91":"\u0628","\ufe92":"\u0628","\ufe93":"\u0629","\ufe94":"\u0629","\ufe95":"\u062a","\ufe96":"\u062a","\ufe97":"\u062a","\ufe98":"\u062a","\ufe99":"\u062b","\ufe9a":"\u062b","\ufe9b":"\u062b","\ufe9c":"\u062b","\ufe9d":"\u062c","\ufe9e":"\u062c","\ufe9f":"\u062c","\ufea0":"\u062c","\ufea1":"\u062d","\ufea2":"\u062d","\ufea3":"\u062d","\ufea4":"\u062d","\ufea5":"\u062e","\ufea6":"\u062e","\ufea7":"\u062e","\ufea8":"\u062e","\ufea9":"\u062f","\ufeaa":"\u062f","\ufeab":"\u0630","\ufeac":"\u0630","\ufead":"\u0631","\ufeae":"\u0631","\ufeaf":"\u0632","\ufeb0":"\u0632","\ufeb1":"\u0633","\ufeb2":"\u0633","\ufeb3":"\u0633","\ufeb4":"\u0633","\ufeb5":"\u0634","\ufeb6":"\u0634","\ufeb7":"\u0634","\ufeb8":"\u0634","\ufeb9":"\u0635","\ufeba":"\u0635","\ufebb":"\u0635","\ufebc":"\u0635","\ufebd":"\u0636","\ufebe":"\u0636","\ufebf":"\u0636","\ufec0":"\u0636","\ufec1":"\u0637","\ufec2":"\u0637","\ufec3":"\u0637","\ufec4":"\u0637","\ufec5":"\u0638","\ufec6":"\u0638","\ufec7":"\u0638","\ufec8":"\u0638","\ufec9":"\u0639","\ufeca":"\u0639","\ufecb":"\u0639","\ufecc":"\u0639","\ufecd":"\u063a","\ufece":"\u063a","\ufecf":"\u063a","\ufed0":"\u063a","\ufed1":"\u0641","\ufed2":"\u0641","\ufed3":"\u0641","\ufed4":"\u0641","\ufed5":"\u0642","\ufed6":"\u0642","\ufed7":"\u0642","\ufed8":"\u0642","\ufed9":"\u0643","\ufeda":"\u0643","\ufedb":"\u0643","\ufedc":"\u0643","\ufedd":"\u0644","\ufede":"\u0644","\ufedf":"\u0644","\ufee0":"\u0644","\ufee1":"\u0645","\ufee2":"\u0645","\ufee3":"\u0645","\ufee4":"\u0645","\ufee5":"\u0646","\ufee6":"\u0646","\ufee7":"\u0646","\ufee8":"\u0646","\ufee9":"\u0647","\ufeea":"\u0647","\ufeeb":"\u0647","\ufeec":"\u0647","\ufeed":"\u0648","\ufeee":"\u0648","\ufeef":"\u0649","\ufef0":"\u0649","\ufef1":"\u064a","\ufef2":"\u064a","\ufef3":"\u064a","\ufef4":"\u064a","\ufef5":"\u0644\u0622","\ufef6":"\u0644\u0622","\ufef7":"\u0644\u0623","\ufef8":"\u0644\u0623","\ufef9":"\u0644\u0625","\ufefa":"\u0644\u0625","\ufefb":"\u0644\u0627","\ufefc":"\u0644\u0627","\ufeff":"","\ufff9":"","\ufffa":"","\ufffb":"","\ud804\udcbd":"","\ud804\udccd":"","\ud80d\udc30":"","\ud80d\udc31":"","\ud80d\udc32":"","\ud80d\udc33":"","\ud80d\udc34":"","\ud80d\udc35":"","\ud80d\udc36":"","\ud80d\udc37":"","\ud80d\udc38":"","\ud82f\udca0":"","\ud82f\udca1":"","\ud82f\udca2":"","\ud82f\udca3":"","\ud834\udd73":"","\ud834\udd74":"","\ud834\udd75":"","\ud834\udd76":"","\ud834\udd77":"","\ud834\udd78":"","\ud834\udd79":"","\ud834\udd7a":"","\udb40\udc01":"","\udb40\udc20":"","\udb40\udc21":"","\udb40\udc22":"","\udb40\udc23":"","\udb40\udc24":"","\udb40\udc25":"","\udb40\udc26":"","\udb40\udc27":"","\udb40\udc28":"","\udb40\udc29":"","\udb40\udc2a":"","\udb40\udc2b":"","\udb40\udc2c":"","\udb40\udc2d":"","\udb40\udc2e":"","\udb40\udc2f":"","\udb40\udc30":"","\udb40\udc31":"","\udb40\udc32":"","\udb40\udc33":"","\udb40\udc34":"","\udb40\udc35":"","\udb40\udc36":"","\udb40\udc37":"","\udb40\udc38":"","\udb40\udc39":"","\udb40\udc3a":"","\udb40\udc3b":"","\udb40\udc3c":"","\udb40\udc3d":"","\udb40\udc3e":"","\udb40\udc3f":"","\udb40\udc40":"","\udb40\udc41":"","\udb40\udc42":"","\udb40\udc43":"","\udb40\udc44":"","\udb40\udc45":"","\udb40\udc46":"","\udb40\udc47":"","\udb40\udc48":"","\udb40\udc49":"","\udb40\udc4a":"","\udb40\udc4b":"","\udb40\udc4c":"","\udb40\udc4d":"","\udb40\udc4e":"","\udb40\udc4f":"","\udb40\udc50":"","\udb40\udc51":"","\udb40\udc52":"","\udb40\udc53":"","\udb40\udc54":"","\udb40\udc55":"","\udb40\udc56":"","\udb40\udc57":"","\udb40\udc58":"","\udb40\udc59":"","\udb40\udc5a":"","\udb40\udc5b":"","\udb40\udc5c":"","\udb40\udc5d":"","\udb40\udc5e":"","\udb40\udc5f":"","\udb40\udc60":"","\udb40\udc61":"","\udb40\udc62":"","\udb40\udc63":"","\udb40\udc64":"","\udb40\udc65":"","\udb40\udc66":"","\udb40\udc67":"","\udb40\udc68":"","\udb40\udc69":"","\udb40\udc6a":"","\udb40\udc6b":"","\udb40\udc6c":"","\udb40\udc6d":"","\udb40\udc6e":"","\udb40\udc6f":"","\udb40\udc70":"","\udb40\udc71":"","\udb40\udc72":"","\udb40\udc73":"","\udb40\udc74":"","\udb40\udc75":"","\udb40\udc76":"","\udb40\udc77":"","\udb40\udc78":"","\udb40\udc79":"","\udb40\udc7a":"","\udb40\udc7b":"","\udb40\udc7c":"","\udb40\udc7d":"","\udb40\udc7e":"","\udb40\udc7f":""};
  var FOLD = {"\u00ab":"\"","\u00bb":"\"","\u0610":"","\u0611":"","\u0612":"","\u0613":"","\u0614":"","\u0615":"","\u0616":"","\u0617":"","\u0618":"","\u0619":"","\u061a":"","\u0622":"\u0627","\u0623":"\u0627","\u0624":"\u0621","\u0625":"\u0627","\u0626":"\u0621","\u0629":"\u0647","\u0640":"","\u0649":"\u064a","\u064b":"","\u064c":"","\u064d":"","\u064e":"","\u064f":"","\u0650":"","\u0651":"","\u0652":"","\u0653":"","\u0654":"","\u0655":"","\u0656":"","\u0657":"","\u0658":"","\u0659":"","\u065a":"","\u065b":"","\u065c":"","\u065d":"","\u065e":"","\u065f":"","\u0660":"0","\u0661":"1","\u0662":"2","\u0663":"3","\u0664":"4","\u0665":"5","\u0666":"6","\u0667":"7","\u0668":"8","\u0669":"9","\u0670":"","\u0671":"\u0627","\u0672":"\u0627","\u0673":"\u0627","\u06a9":"\u0643","\u06aa":"\u0643","\u06be":"\u0647","\u06c0":"\u0647","\u06c1":"\u0647","\u06cc":"\u064a","\u06d0":"\u064a","\u06d5":"\u0647","\u06d6":"","\u06d7":"","\u06d8":"","\u06d9":"","\u06da":"","\u06db":"","\u06dc":"","\u06de":"","\u06df":"","\u06e0":"","\u06e1":"","\u06e2":"","\u06e3":"","\u06e4":"","\u06e5":"","\u06e6":"","\u06e7":"","\u06e8":"","\u06e9":"","\u06ea":"","\u06eb":"","\u06ec":"","\u06ed":"","\u06f0":"0","\u06f1":"1","\u06f2":"2","\u06f3":"3","\u06f4":"4","\u06f5":"5","\u06f6":"6","\u06f7":"7","\u06f8":"8","\u06f9":"9","\u2018":"'","\u2019":"'","\u201c":"\"","\u201d":"\"","\u201e":"\"","\u2039":"\"","\u203a":"\""};
  /* END FOLD MAP */

  var CONJUNCTIONS = ["", "و", "ف"];
  var PREPOSITIONS = ["", "ب", "ك", "ل"];
  var MIN_STEM = 3;
  var MIN_STEM_AFTER_ARTICLE = 3;
  var PLURAL_ENDINGS = ["ين", "ون"];
  var MIN_PLURAL_STEM = 4;

  /* Arabic letters, presentation forms included (they are folded away first, but a letter never splits a word). */
  var ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc" +
    "\ufb50-\ufbb1\ufbd3-\ufd3d\ufd50-\ufd8f\ufd92-\ufdc7\ufdf0-\ufdfb\ufe70-\ufe74\ufe76-\ufefc";
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

  /* A regular expression matching any key of `map` (each a code point, as `u` mode reads one). */
  function keysPattern(map) {
    var cls = Object.keys(map).map(function (ch) { return "\\u{" + ch.codePointAt(0).toString(16) + "}"; });
    return new RegExp("[" + cls.join("") + "]", "gu");
  }
  var PRE_KEYS = keysPattern(PRE), FOLD_KEYS = keysPattern(FOLD);

  /* `s` with every character (a code point: surrogate pairs stay together) that is a key of `map`
   * replaced by its value; `keys` is keysPattern(map). */
  function mapChars(s, map, keys) {
    return s.replace(keys, function (ch) { return map[ch]; });
  }

  /* The table's PRE map, NFC, its FOLD map, lower case, NFC again: as generator.arabic.fold. */
  function fold(text) {
    /* presentation forms decomposed and format characters removed before NFC, so that what they
     * stood between composes as it would have without them */
    var s = mapChars(String(text), PRE, PRE_KEYS).normalize("NFC");
    return mapChars(s, FOLD, FOLD_KEYS).toLowerCase().normalize("NFC");
  }

  function minStem(prefix, article) {
    if (article) return MIN_STEM_AFTER_ARTICLE;
    return MIN_STEM + prefix.length - 1 + (prefix.charAt(prefix.length - 1) === "ك" ? 1 : 0);
  }

  /* Results of `fn` for up to `size` recent arguments (the search page calls tokenize and forms
   * on every word of every text it shows; most words recur). Callers get their own copy. */
  function memo(fn, size) {
    var cache = new Map();
    return function (arg) {
      var hit = cache.get(arg);
      if (hit === undefined) {
        hit = fn(arg);
        if (cache.size >= size) cache.clear();
        cache.set(arg, hit);
      }
      return hit.slice();
    };
  }

  var tokenizeShort = memo(function (text) { return fold(text).match(TOKEN) || []; }, 20000);

  function tokenize(text) {
    text = String(text);
    return text.length <= 40 ? tokenizeShort(text) : fold(text).match(TOKEN) || [];
  }

  var forms = memo(readings, 20000);

  function readings(word) {
    var out = [word];
    PREFIXES.forEach(function (p) {
      var prefix = p[0];
      if (word.indexOf(prefix) !== 0) return;
      var stem = word.slice(prefix.length);
      if (stem.length >= minStem(prefix, p[1]) && out.indexOf(stem) < 0) out.push(stem);
    });
    /* Sound plural: see the Python module, step 4. */
    var base = out.reduce(function (a, b) { return b.length < a.length ? b : a; });
    if (PLURAL_ENDINGS.indexOf(base.slice(-2)) >= 0 && base.length - 2 >= MIN_PLURAL_STEM) {
      out.slice().forEach(function (reading) {
        var stem = reading.slice(0, -2);
        if (out.indexOf(stem) < 0) out.push(stem);
      });
    }
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
