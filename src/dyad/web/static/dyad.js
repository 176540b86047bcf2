// dyad's pages work without this script; it only links marks in an article to the lists below it.
(function () {
  "use strict";
  function flash(el) {
    if (!el) { return; }
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest ? ev.target.closest("mark[data-ref]") : null;
    if (!mark) { return; }
    var row = document.getElementById(mark.getAttribute("data-ref"));
    if (row) {
      row.scrollIntoView({ behavior: "smooth", block: "center" });
      flash(row);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var q = document.getElementById("q");
    if (q && !location.hash) { q.focus(); }
  });
})();
