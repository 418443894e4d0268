/* global window, document, URLSearchParams -- runs in the browser */
// The reference's search: every word must occur in a method's name, HTTP line or summary; a query that looks
// like a path also matches the path templates it fits (`/records/123/456` finds `/records/{company_id}/{record_id}`).
(function () {
  "use strict";
  var entries = window.YC_SEARCH || [];
  var input = document.getElementById("search");
  var list = document.getElementById("results");

  function templateMatches(template, path) {
    var pattern = template
      .split(/\{[^}]+\}/)
      .map(function (part) {
        return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      })
      .join("[^/]+");
    return new RegExp("^" + pattern + "/?$").test(path.replace(/\?.*$/, ""));
  }

  function score(entry, words, raw) {
    var name = entry[0].toLowerCase();
    var http = entry[1].toLowerCase();
    var text = name + " " + http + " " + entry[2].toLowerCase();
    var asked = /^(?:(get|post|put|patch|delete|head)\s+)?(\/\S*)$/.exec(raw);
    var op = entry[1].split(" ");
    if (asked && (!asked[1] || asked[1] === op[0].toLowerCase()) && templateMatches(op[1], asked[2])) return 0;
    for (var i = 0; i < words.length; i++) if (text.indexOf(words[i]) < 0) return -1;
    if (name === raw || name.replace(/^[^.]+\./, "") === raw || name.split(".").pop() === raw) return 0;
    if (name.indexOf(raw) === 0) return 1;
    if (name.indexOf(raw) >= 0) return 2;
    if (http.indexOf(raw) >= 0) return 3;
    return 4;
  }

  function show(query) {
    var raw = query.trim().toLowerCase().replace(/^yc\./, "");
    list.textContent = "";
    if (!raw) return;
    var words = raw.split(/\s+/);
    var found = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], words, raw);
      if (s >= 0) found.push([s, entries[i]]);
    }
    found.sort(function (a, b) {
      return a[0] - b[0] || a[1][0].localeCompare(b[1][0]);
    });
    found.slice(0, 60).forEach(function (hit) {
      var entry = hit[1];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry[3];
      link.textContent = "yc." + entry[0];
      var http = document.createElement("code");
      http.textContent = entry[1];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(http);
      item.appendChild(document.createTextNode(" " + entry[2]));
      list.appendChild(item);
    });
    if (!found.length) list.textContent = "No method matches.";
  }

  input.addEventListener("input", function () {
    show(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    show(initial);
  }
})();
