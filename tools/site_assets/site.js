// The course website's few lines of script: the search box and the sidebar on a narrow screen.
// Offline, from file:// too: the search index is a script (assets/search-index.js sets
// window.SEARCH_INDEX = [{url, title, text}, ...]), not a file fetched by the page.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-site-root") || "";

  var sidebar = document.querySelector(".site-sidebar");
  if (sidebar && window.matchMedia("(max-width: 800px)").matches) {
    sidebar.open = false;  // a phone shows the page first; "Course contents" opens the list
  }

  // A block of code or output wider than the page scrolls sideways: the keyboard must reach it too.
  function focusableScrolls() {
    document.querySelectorAll(".site-main pre").forEach(function (block) {
      if (block.scrollWidth > block.clientWidth) block.setAttribute("tabindex", "0");
      else block.removeAttribute("tabindex");
    });
  }
  focusableScrolls();
  window.addEventListener("resize", focusableScrolls);

  var input = document.getElementById("site-search-input");
  var list = document.getElementById("site-search-results");
  var status = document.getElementById("site-search-status");
  if (!input || !list || !status) return;

  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "\u2026" : "") + text.slice(start, at + word.length + 90) + "\u2026";
  }

  function search() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = (window.SEARCH_INDEX || []).filter(function (page) {
      var haystack = (page.title + " " + page.text).toLowerCase();
      return words.every(function (word) { return haystack.indexOf(word) >= 0; });
    });
    status.textContent = found.length ? found.length + (found.length === 1 ? " page" : " pages") + " found"
                                      : "No page contains " + input.value.trim();
    found.slice(0, 30).forEach(function (page) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + page.url;
      link.textContent = page.title;
      var text = document.createElement("p");
      text.textContent = snippet(page.text, words[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; search(); }
    if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    }
  });
})();
