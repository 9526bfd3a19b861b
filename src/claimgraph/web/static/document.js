// Document page: hovering or clicking a highlighted piece of text marks its entries in the
// side panel (and the reverse); the legend's boxes hide a kind of highlight.
// Reads only data-refs attributes the server wrote; never writes HTML.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var panel = document.getElementById("panel");
  if (!text || !panel) { return; }
  var marked = [];
  function clear() {
    marked.forEach(function (el) { el.classList.remove("active"); });
    marked = [];
  }
  function mark(refs, scroll) {
    clear();
    refs.forEach(function (ref) {
      var entry = document.getElementById("ref-" + ref);
      if (entry) { entry.classList.add("active"); marked.push(entry); }
      text.querySelectorAll(".hl").forEach(function (span) {
        if ((span.getAttribute("data-refs") || "").split(" ").indexOf(ref) >= 0) {
          span.classList.add("active"); marked.push(span);
        }
      });
    });
    if (scroll && marked.length) {
      var first = document.getElementById("ref-" + refs[0]);
      if (first) { first.scrollIntoView({ block: "nearest" }); }
    }
  }
  function refsOf(target) {
    var span = target.closest ? target.closest(".hl") : null;
    return span ? (span.getAttribute("data-refs") || "").split(" ").filter(Boolean) : null;
  }
  text.addEventListener("mouseover", function (event) {
    var refs = refsOf(event.target);
    if (refs) { mark(refs, false); }
  });
  text.addEventListener("click", function (event) {
    var refs = refsOf(event.target);
    if (refs) { mark(refs, true); }
  });
  panel.addEventListener("mouseover", function (event) {
    var entry = event.target.closest ? event.target.closest(".entry") : null;
    if (entry) { mark([entry.getAttribute("data-ref")], false); }
  });
  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
})();
