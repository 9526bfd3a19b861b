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
  var box = svg.viewBox.baseVal, W = box.width, H = box.height;
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
    // Fruchterman-Reingold: near pairs repel (k²/d, within 2k: far repulsion would pin
    // separate components to the frame), linked nodes attract (d²/k), a weak pull to the
    // centre keeps components in view; moves shrink as it cools. Constants tuned on the
    // sample store's 20-node graph: nobody at the frame, nodes at least ~70 px apart.
    var k = 0.5 * Math.sqrt(W * H / Math.max(nodes.length, 1));
    var STEPS = 300;
    for (var step = 0; step < STEPS; step++) {
      var heat = (W / 8) * (1 - step / STEPS) + 1;
      nodes.forEach(function (n) { n.vx = 0; n.vy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
          if (d > 2 * k) { continue; }
          var push = k * k / d / d;
          a.vx += dx * push; a.vy += dy * push; b.vx -= dx * push; b.vy -= dy * push;
        }
      }
      links.forEach(function (l) {
        var s = index[l.source], t = index[l.target];
        var dx = t.x - s.x, dy = t.y - s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var pull = d / k;
        s.vx += dx * pull; s.vy += dy * pull; t.vx -= dx * pull; t.vy -= dy * pull;
      });
      nodes.forEach(function (n) {
        n.vx += (W / 2 - n.x) * 0.08; n.vy += (H / 2 - n.y) * 0.08;
        var v = Math.sqrt(n.vx * n.vx + n.vy * n.vy) + 0.01, move = Math.min(v, heat);
        n.x = Math.min(W - 60, Math.max(20, n.x + n.vx / v * move));
        n.y = Math.min(H - 15, Math.max(15, n.y + n.vy / v * move));
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
        function move(event) {
          var at = svg.createSVGPoint();
          at.x = event.clientX; at.y = event.clientY;
          var p = at.matrixTransform(svg.getScreenCTM().inverse());
          n.x = p.x; n.y = p.y; place();
        }
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
