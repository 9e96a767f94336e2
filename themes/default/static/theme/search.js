// clearleaf search page: asks the Pagefind index the build wrote (pagefind/, one index per
// language, which Pagefind picks by <html lang>) and lists the results. Every word shown comes
// from the page's data-words, which clearleaf filled from the site's Fluent locales. Results are
// built as DOM nodes from text: nothing from the index is parsed as HTML except an excerpt's
// <mark>, rebuilt by hand.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var words = JSON.parse(root.getAttribute("data-words"));
  var form = root.getAttribute("data-form");
  var otherForm = form === "easy" ? "standard" : "easy";
  var base = root.getAttribute("data-base") || "/";
  var box = root.querySelector(".search__box");
  var field = document.getElementById("search-field");
  var button = document.getElementById("search-button");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 10;
  var plural = new Intl.PluralRules(document.documentElement.lang);
  var pagefind = null;
  var shown = [];
  var next = 0;
  var asked = 0;

  document.getElementById("search-without-script").hidden = true;
  box.hidden = false;

  // The reader's words are isolated (FSI … PDI), so Latin words in an Urdu sentence, or
  // Urdu words in an English one, keep their own direction.
  function fill(text, values) {
    return text.replace(/\{(count|query)\}/g, function (_, k) { return k === "query" ? "\u2068" + values[k] + "\u2069" : values[k]; });
  }

  function summary(count, query) {
    if (count === 0) return fill(words.none, { query: query });
    var category = plural.select(count);
    var text = words.results[category] || words.results.other;
    return fill(text, { count: String(count), query: query });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(base + "pagefind/pagefind.js").then(function (p) {
        return p.options({ excerptLength: 24 }).then(function () { return p; });
      });
    }
    return pagefind;
  }

  // An excerpt is text with <mark> around the words found: only those two survive.
  function excerpt(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data, isOther) {
    var li = document.createElement("li");
    li.className = "search__result";
    var image = data.meta && data.meta.image;
    if (form === "easy" && image && image.charAt(0) === "/") {
      // The words of the link say what the page is: the picture is beside them, not instead.
      var img = document.createElement("img");
      img.className = "search__result-picture";
      img.src = image;
      img.alt = "";
      li.appendChild(img);
    }
    var text = document.createElement("div");
    text.className = "search__result-text";
    var h2 = document.createElement("h2");
    var a = document.createElement("a");
    // Addresses come from this site's own index: anything else is not linked.
    a.href = data.url.charAt(0) === "/" ? data.url : base;
    a.textContent = (data.meta && data.meta.title) || data.url;
    h2.appendChild(a);
    text.appendChild(h2);
    if (isOther) {
      var label = document.createElement("p");
      label.className = "search__result-form";
      label.textContent = words.other_form;
      text.appendChild(label);
    }
    var ex = excerpt(data.excerpt || "");
    ex.className = "search__result-excerpt";
    text.appendChild(ex);
    li.appendChild(text);
    return li;
  }

  function showMore(focusFirst) {
    var batch = shown.slice(next, next + PAGE);
    var ask = asked;
    return Promise.all(batch.map(function (r) { return r.result.data(); })).then(function (all) {
      if (ask !== asked) return;
      var first = null;
      all.forEach(function (data, i) {
        var li = item(data, batch[i].other);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      next += batch.length;
      more.hidden = next >= shown.length;
      if (focusFirst && first) first.focus();
    });
  }

  function search() {
    var query = field.value.trim();
    var ask = ++asked;
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = words.searching;
    load().then(function (p) {
      // This form's pages first, then the other form's.
      return Promise.all([p.search(query, { filters: { form: form } }), p.search(query, { filters: { form: otherForm } })]);
    }).then(function (found) {
      if (ask !== asked) return;
      shown = found[0].results.map(function (r) { return { result: r, other: false }; })
        .concat(found[1].results.map(function (r) { return { result: r, other: true }; }));
      next = 0;
      list.hidden = shown.length === 0;
      status.textContent = summary(shown.length, query);
      return showMore(false);
    }).catch(function () {
      if (ask === asked) status.textContent = words.failed;
    });
  }

  var timer = null;
  field.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 300);
  });
  field.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      window.clearTimeout(timer);
      search();
    }
  });
  button.addEventListener("click", search);
  more.addEventListener("click", function () { showMore(true); });

  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) {
    field.value = initial;
    search();
  }
})();
