// Graph page: a small force layout in plain SVG (no library): nodes are actors and places,
// links are claim edges (solid) and what events link (dotted). Names are set with
// textContent, so nothing from a document is parsed as markup.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  var panel = document.getElementById("graph-panel");
  var status = document.getElementById("graph-status");
  if (!svg) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var W = +svg.getAttribute("width"), H = +svg.getAttribute("height");
  function el(name, attrs) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function text(parent, tag, value) {
    var node = document.createElement(tag);
    node.textContent = value;
    parent.appendChild(node);
    return node;
  }
  fetch(svg.getAttribute("data-source"), { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) { throw new Error("graph: " + r.status); } return r.json(); })
    .then(draw)
    .catch(function (error) { if (status) { status.textContent = error.message; } });

  function draw(data) {
    var nodes = data.nodes.slice(0, 400);
    var index = {};
    nodes.forEach(function (n, i) {
      index[n.id] = n;
      var angle = 2 * Math.PI * i / Math.max(nodes.length, 1);
      n.x = W / 2 + (W / 3) * Math.cos(angle) * (0.5 + 0.5 * ((i * 7919) % 13) / 13);
      n.y = H / 2 + (H / 3) * Math.sin(angle) * (0.5 + 0.5 * ((i * 104729) % 11) / 11);
      n.vx = 0; n.vy = 0;
    });
    var links = data.links.filter(function (l) { return index[l.source] && index[l.target]; });
    if (status) { status.textContent = nodes.length + " nodes, " + links.length + " links."; }
    // Spring layout: repulsion between all pairs, springs along links, pull to the centre.
    for (var step = 0; step < 250; step++) {
      var cool = 1 - step / 250;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
          var f = 900 / d2;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      links.forEach(function (l) {
        var s = index[l.source], t = index[l.target];
        var dx = t.x - s.x, dy = t.y - s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = (d - 70) * 0.02;
        s.vx += dx / d * f * d * 0.05; s.vy += dy / d * f * d * 0.05;
        t.vx -= dx / d * f * d * 0.05; t.vy -= dy / d * f * d * 0.05;
      });
      nodes.forEach(function (n) {
        n.vx += (W / 2 - n.x) * 0.005; n.vy += (H / 2 - n.y) * 0.005;
        var v = Math.sqrt(n.vx * n.vx + n.vy * n.vy), cap = 12 * cool + 0.5;
        if (v > cap) { n.vx *= cap / v; n.vy *= cap / v; }
        n.x = Math.min(W - 20, Math.max(20, n.x + n.vx));
        n.y = Math.min(H - 15, Math.max(15, n.y + n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
      });
    }
    var lines = links.map(function (l) {
      var line = el("line", { "class": "link-" + (l.kind === "claim" ? "claim" : "event") });
      var title = el("title");
      title.textContent = l.relation + (l.speaker ? " (says " + l.speaker + ", " + l.modality + ")" : "");
      line.appendChild(title);
      svg.appendChild(line);
      return { line: line, link: l };
    });
    var circles = nodes.map(function (n) {
      var group = el("g", { "class": "node" });
      var circle = el("circle", { r: String(4 + Math.min(10, Math.sqrt(n.degree) * 2)),
                                  "class": "node-" + (n.kind === "actor" || n.kind === "place" ? n.kind : "other") });
      var label = el("text", { dx: "8", dy: "3" });
      label.textContent = n.name;
      group.appendChild(circle); group.appendChild(label);
      svg.appendChild(group);
      circle.addEventListener("click", function () { show(n, circle); });
      drag(circle, n);
      return { group: group, node: n, circle: circle };
    });
    function place() {
      lines.forEach(function (x) {
        var s = index[x.link.source], t = index[x.link.target];
        x.line.setAttribute("x1", s.x); x.line.setAttribute("y1", s.y);
        x.line.setAttribute("x2", t.x); x.line.setAttribute("y2", t.y);
      });
      circles.forEach(function (x) { x.group.setAttribute("transform", "translate(" + x.node.x + "," + x.node.y + ")"); });
    }
    function drag(circle, n) {
      circle.addEventListener("pointerdown", function (down) {
        circle.setPointerCapture(down.pointerId);
        var box = svg.getBoundingClientRect();
        function move(event) { n.x = event.clientX - box.left; n.y = event.clientY - box.top; place(); }
        function up() { circle.removeEventListener("pointermove", move); circle.removeEventListener("pointerup", up); }
        circle.addEventListener("pointermove", move);
        circle.addEventListener("pointerup", up);
      });
    }
    function show(n, circle) {
      circles.forEach(function (x) { x.circle.classList.remove("selected"); });
      circle.classList.add("selected");
      while (panel.firstChild) { panel.removeChild(panel.firstChild); }
      text(panel, "h3", n.name);
      text(panel, "p", n.kind);
      var list = text(panel, "ul", "");
      links.forEach(function (l) {
        if (l.source !== n.id && l.target !== n.id) { return; }
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = l.edge_id ? "/edges/" + encodeURIComponent(l.edge_id) : "/events/" + encodeURIComponent(l.event_id);
        link.textContent = index[l.source].name + " — " + l.relation + " → " + index[l.target].name;
        item.appendChild(link);
        if (l.speaker) { item.appendChild(document.createTextNode(" (" + l.speaker + ", " + l.modality + ")")); }
        list.appendChild(item);
      });
    }
    place();
  }
})();
