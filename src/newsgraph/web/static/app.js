// newsgraph's own small script: hovering a node in an entity graph lights up its edges and
// dims the nodes it is not linked to. Reads only data attributes we wrote; never article text.
(function () {
  var svg = document.getElementById("entity-graph");
  if (!svg) return;
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));
  nodes.forEach(function (node) {
    node.addEventListener("mouseenter", function () {
      var id = node.getAttribute("data-id");
      var linked = {};
      linked[id] = true;
      edges.forEach(function (edge) {
        var on = edge.getAttribute("data-source") === id || edge.getAttribute("data-target") === id;
        edge.classList.toggle("lit", on);
        if (on) { linked[edge.getAttribute("data-source")] = true; linked[edge.getAttribute("data-target")] = true; }
      });
      nodes.forEach(function (other) { other.classList.toggle("dim", !linked[other.getAttribute("data-id")]); });
    });
    node.addEventListener("mouseleave", function () {
      edges.forEach(function (edge) { edge.classList.remove("lit"); });
      nodes.forEach(function (other) { other.classList.remove("dim"); });
    });
  });
  svg.setAttribute("data-ready", "true");
})();
// Selecting a claim in the list lights up the mention in the text that names its speaker.
(function () {
  var entries = Array.prototype.slice.call(document.querySelectorAll(".claim-entry"));
  entries.forEach(function (entry) {
    entry.setAttribute("tabindex", "0");
    function select() {
      document.querySelectorAll(".mark.source.selected, .claim-entry.selected").forEach(function (el) {
        el.classList.remove("selected");
      });
      entry.classList.add("selected");
      var start = entry.getAttribute("data-source-start");
      if (!start) return;
      var mark = document.querySelector('.mark.source[data-start="' + start + '"]');
      if (mark) { mark.classList.add("selected"); mark.scrollIntoView({ block: "center" }); }
    }
    entry.addEventListener("click", select);
    entry.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") select(); });
  });
})();
