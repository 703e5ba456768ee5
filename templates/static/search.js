// dossier — the search page: queries the Pagefind index written at build time, in the browser.
// Result links are made relative to this page, so search works at a domain root, under a sub-path
// and in a bucket. Pages opened from disk cannot load the index; the page then says so.
(function () {
  "use strict";

  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var offline = document.querySelector(".search-offline");
  var bundle = new URL(form.dataset.bundle, window.location.href);
  var namesUrl = new URL(form.dataset.names, window.location.href);
  var names = null;
  var root = new URL("./", window.location.href).pathname;
  var pagefind = null;
  var latest = 0;

  function say(text) { status.textContent = text; }

  // The index is in shards (the topics, and the articles of each month: see dossier/search.py),
  // listed in shards.json beside the bundle; the first is opened and the others merged into it,
  // so a query sees every page. Articles in another language than the site's have shards of their
  // own, indexed by that language's rules (its stemming). A merged index is searched by the rules
  // of the one it is merged into, and one copy of Pagefind's module holds the rules of one
  // language only; so each such language gets a copy of its own (the module imported again under
  // another address, with its own worker), and a query asks every copy.
  var nothing = { search: function () { return Promise.resolve({ results: [] }); } };

  function path(shard) { return new URL(shard + "/", bundle).pathname; }

  // A copy of Pagefind opened on a group's first shard, with the others merged into it.
  function opened(address, shards) {
    return import(address).then(function (module) {
      return module.options({ basePath: path(shards[0]), baseUrl: root }).then(function () {
        return Promise.all(shards.slice(1).map(function (shard) {
          return module.mergeIndex(path(shard), { baseUrl: root });
        }));
      }).then(function () { return module; });
    });
  }

  function everyInstance(instances) {
    return {
      search: function (term) {
        return Promise.all(instances.map(function (instance) { return instance.search(term); }))
          .then(function (found) {
            return { results: [].concat.apply([], found.map(function (f) { return f.results; })) };
          });
      }
    };
  }

  function load() {
    if (!pagefind) {
      var manifest = new URL("shards.json", bundle).href;
      pagefind = fetch(manifest).then(function (response) {
        if (!response.ok) throw new Error("no search index");
        return response.json();
      }).then(function (listed) {
        var groups = [[bundle.href, listed.shards || []]];
        Object.keys(listed.languages || {}).forEach(function (language) {
          groups.push([bundle.href + "?language=" + encodeURIComponent(language), listed.languages[language]]);
        });
        groups = groups.filter(function (group) { return group[1].length; });
        if (!groups.length) return nothing;
        return Promise.all(groups.map(function (group) { return opened(group[0], group[1]); }))
          .then(everyInstance);
      });
    }
    return pagefind;
  }

  // The reduction of data/names.json (see search_key in dossier/render/exports.py).
  function key(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[’'ʼʻʿʾ`´]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim()
      .replace(/(\p{L})\1+/gu, "$1").replace(/(^| )(al|el) /g, " ").trim();
  }

  function loadNames() {
    if (!names) {
      names = fetch(namesUrl.href)
        .then(function (response) { return response.ok ? response.json() : { keys: {}, names: {} }; })
        .catch(function () { return { keys: {}, names: {} }; });
    }
    return names;
  }

  // An Arabic query with the conjunction or preposition written onto its words taken off, down to
  // the article ("والتحالف", "بالعراق", "للعراق" → "التحالف", "العراق", "العراق"): the Arabic
  // index's own rules take off the article and endings, not every clitic before it. Only before a
  // word of three letters or more, so that "والي" (a governor) stays as it is.
  var STEM = "(?=[\u0621-\u064a]{3})";
  var BEFORE_ARTICLE = new RegExp("^[\u0648\u0641]?[\u0628\u0643]?(?=\u0627\u0644" + STEM + ")");  // و ف, ب ك
  var FOR_THE = new RegExp("^[\u0648\u0641]?\u0644\u0644" + STEM);  // لل: ل + ال, the alif unwritten

  function withoutClitics(query) {
    return query.split(/\s+/).map(function (word) {
      return word.replace(BEFORE_ARTICLE, "").replace(FOR_THE, "\u0627\u0644");
    }).join(" ");
  }

  // What to look for: the query, and every spelling of the entity it names, if it names one.
  function terms(query, table) {
    var bare = withoutClitics(query);
    var id = table.keys[key(query)] || table.keys[key(bare)];
    var all = bare !== query ? [query, bare] : [query];
    if (id) {
      table.names[id].forEach(function (name) {
        // short forms ("HaN") would match the start of unrelated words
        if (name.length >= 4 && all.indexOf(name) < 0) all.push(name);
      });
    }
    return { entity: id ? table.names[id][0] : null, all: all };
  }

  function item(data) {
    var li = document.createElement("li");
    var title = document.createElement("h2");
    title.className = "card-title";
    var link = document.createElement("a");
    link.href = data.url;
    link.dir = "auto";
    link.textContent = (data.meta && data.meta.title) || data.url;
    title.appendChild(link);
    var excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    excerpt.dir = "auto";
    // Pagefind's excerpt is escaped text with <mark> around the matched words: rebuild it as
    // nodes rather than trusting it as HTML.
    data.excerpt.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var hit = /^<mark>(.*)<\/mark>$/.exec(part);
      var text = decode(hit ? hit[1] : part);
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = text;
        excerpt.appendChild(mark);
      } else {
        excerpt.appendChild(document.createTextNode(text));
      }
    });
    li.appendChild(title);
    li.appendChild(excerpt);
    return li;
  }

  function decode(text) {
    var box = document.createElement("textarea");
    box.innerHTML = text;
    return box.value;
  }

  function run(query) {
    var ticket = ++latest;
    list.textContent = "";
    if (!query.trim()) { say("Type a word and press Enter."); return; }
    say("Searching…");
    var wanted = null;
    Promise.all([load(), loadNames()]).then(function (loaded) {
      var module = loaded[0];
      wanted = terms(query, loaded[1]);
      return Promise.all(wanted.all.map(function (term) { return module.search(term); }));
    }).then(function (searches) {
      if (ticket !== latest) return null;
      var best = {};
      searches.forEach(function (search) {
        search.results.forEach(function (r) {
          if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r;
        });
      });
      var results = Object.keys(best).map(function (id) { return best[id]; });
      results.sort(function (a, b) { return b.score - a.score; });
      var found = results.length;
      var named = wanted.entity && wanted.entity !== query ? " (" + wanted.entity + ", under all its spellings)" : "";
      say(found === 0 ? "Nothing found for “" + query + "”." :
        found + (found === 1 ? " page" : " pages") + " found for “" + query + "”" + named + (found > 20 ? "; the first 20:" : "."));
      return Promise.all(results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(function (results) {
      if (!results || ticket !== latest) return;
      results.forEach(function (data) { list.appendChild(item(data)); });
    }).catch(function () {
      say("");
      offline.hidden = false;
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = input.value;
    try {
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(value));
    } catch (err) { /* pages opened from disk */ }
    run(value);
  });
  if (window.location.protocol === "file:") {
    offline.hidden = false;
    say("");
    return;
  }
  if (query) run(query);
})();
