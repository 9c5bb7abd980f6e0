// Search with Pagefind's JavaScript API, no server needed. Results can be narrowed by kind, year,
// person and organisation, read from each page's Pagefind metadata. Result links are made relative
// to this site's root, so search works wherever the site is published. Its words come from the page
// (data-results, data-none, data-unavailable), in the site's language.
(function () {
  var box = document.getElementById("search");
  if (!box) return;
  var root = new URL(box.dataset.root, window.location.href);
  var input = box.querySelector("input[type=search]");
  var list = box.querySelector(".results");
  var status = box.querySelector(".status");
  var selects = box.querySelectorAll("select[data-facet]");
  var found = [];
  var pagefind = null;

  function text(tag, content, className) {
    var node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  // Pagefind's excerpt is HTML with <mark> around the words found: keep the marks, nothing else.
  function excerpt(html) {
    var holder = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      holder.appendChild(node.nodeName === "MARK" ? text("mark", node.textContent) : document.createTextNode(node.textContent));
    });
    return holder;
  }

  function values(result, facet) {
    var raw = (result.meta && result.meta[facet]) || "";
    return raw ? raw.split(" | ") : [];
  }

  function fillFacets() {
    selects.forEach(function (select) {
      var facet = select.dataset.facet, chosen = select.value, counts = {};
      found.forEach(function (r) { values(r, facet).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; }); });
      select.length = 1;
      Object.keys(counts).sort().forEach(function (v) {
        var option = text("option", v + " (" + counts[v] + ")");
        option.value = v;
        select.appendChild(option);
      });
      select.value = counts[chosen] ? chosen : "";
    });
  }

  function show() {
    var shown = found.filter(function (r) {
      return Array.prototype.every.call(selects, function (select) {
        return !select.value || values(r, select.dataset.facet).indexOf(select.value) >= 0;
      });
    });
    list.textContent = "";
    shown.forEach(function (r) {
      var item = document.createElement("li");
      var link = text("a", (r.meta && r.meta.title) || r.url);
      link.href = new URL(r.url.replace(/^\//, ""), root).href;
      item.appendChild(link);
      if (r.meta && r.meta.kind) item.appendChild(text("span", " " + r.meta.kind, "meta"));
      item.appendChild(excerpt(r.excerpt || ""));
      list.appendChild(item);
    });
    var query = input.value.trim();
    status.textContent = !query ? "" : found.length ? box.dataset.results.replace("{shown}", shown.length)
      .replace("{found}", found.length) : box.dataset.none.replace("{query}", query);
  }

  function run() {
    var query = input.value.trim();
    if (!query) { found = []; fillFacets(); show(); return; }
    pagefind.debouncedSearch(query).then(function (search) {
      if (!search) return;  // superseded by a newer query
      return Promise.all(search.results.slice(0, 100).map(function (r) { return r.data(); })).then(function (data) {
        found = data;
        fillFacets();
        show();
      });
    });
  }

  // A large site's index is in shards (pagefind/shards.json lists the others): merged into one search.
  var index = new URL("pagefind/", root);
  import(new URL("pagefind.js", index).href).then(function (module) {
    pagefind = module;
    return pagefind.init();
  }).then(function () {
    return fetch(new URL("shards.json", index)).then(function (response) {
      return response.ok ? response.json() : {shards: []};
    });
  }).then(function (listed) {
    return Promise.all(listed.shards.map(function (shard) { return pagefind.mergeIndex(new URL(shard, index).href); }));
  }).then(function () {
    box.hidden = false;
    input.addEventListener("input", run);
    selects.forEach(function (select) { select.addEventListener("change", show); });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; run(); }
  }).catch(function () {
    status.textContent = box.dataset.unavailable;
    box.hidden = false;
  });
})();
