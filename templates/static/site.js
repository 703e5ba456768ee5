// dossier — small enhancements. Every page works without this file; it only adds filters
// (the full lists stay in the page) and highlights a linked sentence across its pieces.
(function () {
  "use strict";

  function setStatus(el, shown, total, noun) {
    if (el) el.textContent = shown === total ? "" : shown + " of " + total + " " + noun;
  }

  function hideEmpty(selector, itemSelector) {
    document.querySelectorAll(selector).forEach(function (section) {
      var visible = section.querySelector(itemSelector + ":not(.filtered-out)");
      section.classList.toggle("filtered-out", !visible);
    });
  }

  function timelineFilter() {
    var form = document.querySelector(".timeline-filter");
    if (!form) return;
    var entity = form.querySelector("#filter-entity");
    var source = form.querySelector("#filter-source");
    var language = form.querySelector("#filter-language");  // only when the page has two languages
    var status = form.querySelector(".filter-status");
    var events = Array.prototype.slice.call(document.querySelectorAll(".timeline .event"));
    var params = new URLSearchParams(window.location.search);
    if (params.get("entity")) entity.value = params.get("entity");
    if (params.get("source")) source.value = params.get("source");
    if (language && params.get("language")) language.value = params.get("language");
    form.hidden = false;

    function apply() {
      var shown = 0;
      events.forEach(function (li) {
        var okEntity = !entity.value || (" " + li.dataset.entities + " ").indexOf(" " + entity.value + " ") >= 0;
        var okSource = !source.value || (" " + li.dataset.outlets + " ").indexOf(" " + source.value + " ") >= 0;
        var okLanguage = !language || !language.value ||
          (" " + li.dataset.languages + " ").indexOf(" " + language.value + " ") >= 0;
        var ok = okEntity && okSource && okLanguage;
        li.classList.toggle("filtered-out", !ok);
        if (ok) shown += 1;
      });
      hideEmpty(".timeline .month", ".event");
      hideEmpty(".timeline .year", ".event");
      document.querySelectorAll(".years-index a").forEach(function (a) {
        var section = document.getElementById(a.getAttribute("href").slice(1));
        var count = section ? section.querySelectorAll(".event:not(.filtered-out)").length : 0;
        a.parentNode.classList.toggle("filtered-out", count === 0);
        var badge = a.querySelector(".count");
        if (badge) badge.textContent = count;
      });
      setStatus(status, shown, events.length, "events");
      var query = new URLSearchParams();
      if (entity.value) query.set("entity", entity.value);
      if (source.value) query.set("source", source.value);
      if (language && language.value) query.set("language", language.value);
      var search = query.toString();
      try {
        window.history.replaceState(null, "", (search ? "?" + search : window.location.pathname.split("/").pop()) + window.location.hash);
      } catch (err) { /* some browsers refuse this for pages opened from disk */ }
    }
    entity.addEventListener("change", apply);
    source.addEventListener("change", apply);
    if (language) language.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function listFilter() {
    document.querySelectorAll(".list-filter").forEach(function (box) {
      var input = box.querySelector("input");
      var status = box.querySelector(".filter-status");
      var items = Array.prototype.slice.call(document.querySelectorAll(input.dataset.filterTarget));
      box.hidden = false;
      input.addEventListener("input", function () {
        var needle = input.value.trim().toLowerCase();
        var shown = 0;
        items.forEach(function (li) {
          var ok = !needle || li.dataset.names.indexOf(needle) >= 0;
          li.classList.toggle("filtered-out", !ok);
          if (ok) shown += 1;
        });
        hideEmpty(".topic-group", "li");
        setStatus(status, shown, items.length, "shown");
      });
    });
  }

  function highlightSentence() {
    document.querySelectorAll(".s.highlight").forEach(function (el) { el.classList.remove("highlight"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !target.classList.contains("s")) return;
    document.querySelectorAll('.s[data-s="' + target.dataset.s + '"]').forEach(function (el) {
      el.classList.add("highlight");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    timelineFilter();
    listFilter();
    highlightSentence();
  });
  window.addEventListener("hashchange", highlightSentence);
})();
